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

import heapq
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
    window = _Window(MAX_SCANNED)
    today: deque[Demand] = deque(maxlen=MAX_SCANNED)
    day = None
    for demand in bucket:
        if demand.day != day:
            window.extend(today)
            today.clear()
            day = demand.day
        yield Compared(demand, window.sharing(demand, MAX_CANDIDATES))
        today.append(demand)


_Key = tuple[bool, str]  # (an addressee?, the addressee or theme)
_Entry = tuple[int, Demand]  # a demand of the window and when it came in


def _keys(demand: Demand) -> set[_Key]:
    return {(True, a) for a in demand.addressees} | {(False, t) for t in demand.themes}


class _Window:
    """The last `size` demands, found by addressee and by theme: a demand's candidates are read
    from the lists of its own addressees and themes, never by going through the whole window
    (which at 5,000 demands cost more than all the rest of linking)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._held: deque[Demand] = deque()
        self._by_key: dict[_Key, deque[_Entry]] = defaultdict(deque)
        self._count = 0

    def extend(self, demands: Iterable[Demand]) -> None:
        """Let `demands` in, in order; the oldest go beyond `size`."""
        for demand in demands:
            self._held.append(demand)
            for key in _keys(demand):
                self._by_key[key].append((self._count, demand))
            self._count += 1
            if len(self._held) > self._size:
                self._drop(self._held.popleft())

    def _drop(self, demand: Demand) -> None:
        for key in _keys(demand):
            entries = self._by_key[key]
            entries.popleft()  # the oldest of the window is the first of each of its lists
            if not entries:
                del self._by_key[key]

    def sharing(self, a: Demand, most: int) -> list[Demand]:
        """The newest `most` demands held of another procedure sharing an addressee or a
        theme with `a`, newest first."""
        lists = [reversed(self._by_key[k]) for k in _keys(a) if k in self._by_key]
        found: list[Demand] = []
        last = -1
        for count, b in heapq.merge(*lists, key=_entry_count, reverse=True):
            if count == last:
                continue  # the same demand, by another addressee or theme
            last = count
            if b.procedure != a.procedure:
                found.append(b)
                if len(found) >= most:
                    break
        return found


def _entry_count(entry: _Entry) -> int:
    return entry[0]


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
