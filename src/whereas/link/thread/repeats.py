"""Demands made again: each operative paragraph linked to earlier ones making the same demand.

Candidates come from buckets, never all pairs: the same country, an earlier date, another
procedure, and a shared addressee or theme; the best few by score are kept when they pass the
calibrated threshold. Links go from the later clause to the earlier one (type repeats, label
repeated or strengthened) and are replaced on every run.

The store is linked country by country, each country's demands read in day order a few texts at
a time: a demand is only ever compared with the MAX_SCANNED demands of its country before its
day, so that window (and the vectors of its texts) is all that is held, whatever the store's size.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from whereas.link.thread.countries import countries_addressed, countries_in_title
from whereas.link.thread.demands import Demand, is_demand
from whereas.link.thread.scoring import PairScorer
from whereas.link.thread.texts import StoredText

__all__ = ["MAX_CANDIDATES", "MAX_SCANNED", "PairScorer", "candidates", "demands_of"]

# A demand is compared with the newest earlier demands of its country only: the store's whole
# history of a country would make linking quadratic in the store (a benchmark of 10,000
# resolutions on one country did not finish). 200 is years of resolutions on any one country.
MAX_CANDIDATES = 200
MAX_SCANNED = 5000


def demands_of(text: StoredText) -> list[Demand]:
    """The demands of one stored text, with the countries it is about."""
    doc = text.document
    chosen = [c for c in text.clauses if is_demand(c.kind, c.verbs)]
    countries = countries_in_title(doc.title, doc.language)
    if not countries:
        countries = countries_addressed(a for c in chosen for a in c.addressees)
    return [
        Demand(
            doc.id,
            c.position,
            c.label,
            c.text,
            tuple(c.verbs),
            tuple(c.addressees),
            tuple(c.themes),
            doc.date,
            doc.procedure,
            frozenset(countries),
        )
        for c in chosen
    ]


@dataclass(frozen=True)
class Compared:
    """A demand of one country's bucket and the earlier demands it is compared with."""

    demand: Demand
    earlier: list[Demand]


def earlier_candidates(bucket: Iterable[Demand]) -> Iterator[Compared]:
    """For each demand of one country's bucket, given in (day, order) order, the earlier ones
    it is compared with: of an earlier day and another procedure, sharing an addressee or a
    theme, the newest MAX_CANDIDATES of them among the MAX_SCANNED before its day (newest first).

    Only those MAX_SCANNED demands, and the demands of the current day, are held.
    """
    window: deque[Demand] = deque(maxlen=MAX_SCANNED)
    today: deque[Demand] = deque(maxlen=MAX_SCANNED)
    day = None
    for demand in bucket:
        if demand.day != day:
            window.extend(today)
            today.clear()
            day = demand.day
        yield Compared(demand, _sharing(demand, window))
        today.append(demand)


def _sharing(a: Demand, window: deque[Demand]) -> list[Demand]:
    addressees, themes = set(a.addressees), set(a.themes)
    found: list[Demand] = []
    for b in reversed(window):
        if b.procedure == a.procedure:
            continue
        if not addressees.isdisjoint(b.addressees) or not themes.isdisjoint(b.themes):
            found.append(b)
            if len(found) >= MAX_CANDIDATES:
                break
    return found


def candidates(demands: list[Demand]) -> dict[int, list[int]]:
    """For each demand index, the indices of the earlier demands it is compared with (see
    `earlier_candidates`), over every country bucket it is in; demands in memory, for tests."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, d in enumerate(demands):
        if d.day is not None:
            for country in d.countries:
                buckets[country].append(index)
    out: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        ordered = sorted(members, key=lambda i: (demands[i].day, i))
        index_of = {id(demands[i]): i for i in ordered}
        for compared in earlier_candidates(demands[i] for i in ordered):
            out[index_of[id(compared.demand)]].update(index_of[id(b)] for b in compared.earlier)
    return {i: sorted(js) for i, js in out.items() if js}
