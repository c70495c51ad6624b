"""The sentence model's vectors are made ahead, a batch of demands at a time (9329c9f): one call
for the texts they will score, and the kept vectors they need stay kept meanwhile."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from whereas.embed.base import Vectors
from whereas.link.thread.scoring import PairScorer


class _CountingModel:
    """A stand-in for the sentence model that records the texts of each call."""

    model = "counting"
    dim = 4

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        return np.full((len(texts), self.dim), 0.5, dtype=np.float32)


def test_texts_are_made_in_one_call_ahead_and_the_kept_ones_needed_stay() -> None:
    model = _CountingModel()
    scorer = PairScorer(None, ["a", "b", "c"], model, capacity=3)  # kept: a, b, c
    demands = [("d", ["a"]), ("e", ["a"])]  # both scored against "a", which is kept
    for text, earlier in scorer.ahead(demands, lambda item: [item[0], *item[1]]):
        scorer.scores(text, earlier)
    # "d" and "e" made together; "a" was not pushed out by them and made again
    assert model.calls == [["a", "b", "c"], ["d", "e"]]
