"""Pair scores of demand texts: the model cosine (when there is a model) and the lexical cosine.

A pair's score depends on its two texts only: each product is summed row by row, never by a
matrix routine whose result for one row could change in the last bits with the other rows of
the batch. Linking can then score a demand against its candidates country by country, or in
any batches, and always write the same figures.

The model encodes a batch of texts much faster than the same texts one call at a time (its
threads share out the texts of a batch instead of meeting at every layer of one short text), and
a text's vector does not depend on its batch: linking reads its demands `AHEAD` at a time
(`PairScorer.ahead`) so that the texts they need are encoded together.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import numpy as np
from sqlalchemy.orm import Session

from whereas.embed import Embedder, LexicalEmbedder, text_hash, vectors_for
from whereas.embed.base import Vectors
from whereas.link.thread.demands import combined_score

_Pair = tuple[Vectors, Vectors | None]
_Item = TypeVar("_Item")

# Items read ahead by `PairScorer.ahead`: the texts they need are encoded in one call (the
# model's batches of 32 are then full); their vectors must fit in the kept ones beside a window.
AHEAD = 256


def _cosines(rows: list[Vectors], vector: Vectors) -> list[float]:
    matrix = np.stack(rows)
    return [float(x) for x in (matrix * vector).sum(axis=1)]


class PairScorer:
    """Scores pairs of texts; vectors are made (or read from the store) when a text is first
    scored, and kept for the `capacity` most recently used texts (all when None)."""

    def __init__(
        self,
        session: Session | None,
        texts: Iterable[str],
        embedder: Embedder,
        capacity: int | None = None,
    ) -> None:
        self.model = embedder.model
        self._session = session
        self._embedder = None if isinstance(embedder, LexicalEmbedder) else embedder
        self._lexical = LexicalEmbedder()
        self._capacity = capacity
        self._vectors: OrderedDict[str, _Pair] = OrderedDict()
        self._vectors_of(texts)

    def _model_rows(self, texts: list[str]) -> Vectors | None:
        if self._embedder is None:
            return None
        if self._session is None:
            return self._embedder.embed(texts)
        by_hash = vectors_for(self._session, texts, self._embedder)
        return np.stack([by_hash[text_hash(t)] for t in texts])

    def _vectors_of(self, texts: Iterable[str]) -> dict[str, _Pair]:
        """The vectors of `texts`, made for those not kept; the kept ones are bounded."""
        wanted = list(dict.fromkeys(texts))
        found: dict[str, _Pair] = {}
        for text in wanted:
            pair = self._vectors.get(text)
            if pair is not None:
                self._vectors.move_to_end(text)
                found[text] = pair
        missing = [t for t in wanted if t not in found]
        if missing:
            lexical = self._lexical.embed(missing)
            model = self._model_rows(missing)
            for row, text in enumerate(missing):
                # copies: a kept row must not hold its whole batch in memory
                pair = (lexical[row].copy(), None if model is None else model[row].copy())
                found[text] = self._vectors[text] = pair
        while self._capacity is not None and len(self._vectors) > self._capacity:
            self._vectors.popitem(last=False)
        return found

    def ahead(
        self, items: Iterable[_Item], texts_of: Callable[[_Item], Iterable[str]]
    ) -> Iterator[_Item]:
        """`items` unchanged, read AHEAD at a time: the vectors of the texts they will score
        (`texts_of` each item) that are not kept yet are made in one call first."""
        stream = iter(items)
        while batch := list(itertools.islice(stream, AHEAD)):
            texts = list(dict.fromkeys(t for item in batch for t in texts_of(item)))
            for text in texts:  # kept and needed: not the first to make room for the new ones
                if text in self._vectors:
                    self._vectors.move_to_end(text)
            self._vectors_of([t for t in texts if t not in self._vectors])
            yield from batch

    def score(self, a: str, b: str) -> float:
        """The combined score of two texts."""
        return self.scores(a, [b])[0]

    def scores(self, a: str, others: list[str]) -> list[float]:
        """The combined scores of `a` with each of `others` (each distinct text scored once)."""
        if not others:
            return []
        distinct = list(dict.fromkeys(others))
        vectors = self._vectors_of([a, *distinct])
        lexical_a, model_a = vectors[a]
        lexical = _cosines([vectors[t][0] for t in distinct], lexical_a)
        if model_a is None:
            by_text = {t: combined_score(None, x) for t, x in zip(distinct, lexical, strict=True)}
        else:
            rows = [vectors[t][1] for t in distinct]
            model = _cosines([r for r in rows if r is not None], model_a)
            by_text = {
                t: combined_score(m, x) for t, m, x in zip(distinct, model, lexical, strict=True)
            }
        return [by_text[t] for t in others]
