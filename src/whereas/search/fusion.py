"""Reciprocal rank fusion: rankings of different scales (BM25, cosine) made into one."""

from __future__ import annotations

from collections.abc import Sequence

from whereas.search.backend import Ranked

RRF_K = 60  # the constant of Cormack et al. (2009): damps the weight of the very first ranks


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Ranked]], k: int = RRF_K) -> list[Ranked]:
    """Entries by the sum of 1 / (k + rank) over the rankings that hold them, best first."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item.entry_id] = scores.get(item.entry_id, 0.0) + 1.0 / (k + rank)
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Ranked(entry_id, score) for entry_id, score in ordered]
