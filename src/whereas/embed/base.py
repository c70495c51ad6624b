"""The Embedder interface and the key under which a text's vector is stored."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; `model` names the model and its version."""

    @property
    def model(self) -> str:
        """The model id stored with every vector it makes."""
        ...

    @property
    def dim(self) -> int:
        """The length of its vectors."""
        ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One row per text, L2-normalised."""
        ...


def text_hash(text: str) -> str:
    """The key of a clause text: sha256 of the text with its whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def normalise_rows(matrix: Vectors) -> Vectors:
    """Each row scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    scaled: Vectors = (matrix / norms).astype(np.float32)
    return scaled
