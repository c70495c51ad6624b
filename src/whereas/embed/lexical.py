"""A deterministic lexical embedder: hashed character n-grams, for when no model is installed."""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np

from whereas.embed.base import Vectors, normalise_rows

_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare).split())


class LexicalEmbedder:
    """Signed feature hashing of character 3- to 5-grams of each word (crc32: stable everywhere)."""

    def __init__(self, dim: int = 1024, sizes: tuple[int, ...] = (3, 4, 5)) -> None:
        self._dim = dim
        self._sizes = sizes

    @property
    def model(self) -> str:
        """The id says the method and its parameters."""
        return f"lexical-chargram-v1:{'-'.join(map(str, self._sizes))}:{self._dim}"

    @property
    def dim(self) -> int:
        """The number of hash buckets."""
        return self._dim

    def _row(self, text: str, row: Vectors) -> None:
        for word in fold(text).split():
            padded = f" {word} "
            for size in self._sizes:
                for start in range(max(1, len(padded) - size + 1)):
                    code = zlib.crc32(padded[start : start + size].encode("utf-8"))
                    row[code % self._dim] += 1.0 if code & 0x80000000 else -1.0

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One normalised row of n-gram counts per text."""
        matrix = np.zeros((len(texts), self._dim), dtype=np.float32)
        for index, text in enumerate(texts):
            self._row(text, matrix[index])
        return normalise_rows(matrix)
