"""Candidate pairs for repeated demands: the same pairs as all pairs on a small store, and
bounded (not quadratic) when one country has thousands of demands."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from whereas.link.thread.demands import Demand
from whereas.link.thread.repeats import MAX_CANDIDATES, candidates


def _demands(count: int, seed: int) -> list[Demand]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        out.append(
            Demand(
                document_id=f"d{n}",
                position=n,
                label=None,
                text=f"demand {n}",
                addressees=tuple(rng.sample(["council", "commission", "eeas", "vp_hr"], 1)),
                themes=tuple(rng.sample(["torture", "media", "sanctions", "elections"], 1)),
                day=date(2010, 1, 1) + timedelta(days=rng.randrange(40)),
                procedure=f"p{rng.randrange(12)}",
                countries=frozenset(rng.sample(["KZ", "BY", "RU"], rng.randrange(1, 3))),
            )
        )
    return out


def _all_pairs(demands: list[Demand]) -> dict[int, list[int]]:
    out = {}
    for i, a in enumerate(demands):
        found = [
            j
            for j, b in enumerate(demands)
            if a.countries & b.countries
            and a.day is not None
            and b.day is not None
            and b.day < a.day
            and b.procedure != a.procedure
            and (set(a.addressees) & set(b.addressees) or set(a.themes) & set(b.themes))
        ]
        if found:
            out[i] = found
    return out


def test_candidates_are_all_sharing_pairs_on_a_small_store() -> None:
    for seed in range(5):
        demands = _demands(150, seed)
        assert candidates(demands) == _all_pairs(demands)


def test_candidates_stay_bounded_when_one_country_has_thousands_of_demands() -> None:
    demands = [
        Demand(f"d{n}", n, None, "Calls for the release", addressees=("council",),
               day=date(2000, 1, 1) + timedelta(days=n), procedure=f"p{n}",
               countries=frozenset({"RU"}))
        for n in range(20_000)
    ]  # fmt: skip
    started = time.perf_counter()
    found = candidates(demands)
    assert time.perf_counter() - started < 30
    assert max(len(js) for js in found.values()) == MAX_CANDIDATES
    assert found[19_999][0] == 19_999 - MAX_CANDIDATES  # the newest earlier ones
