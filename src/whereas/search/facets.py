"""Facet counts over the best entries of a ranking (cheap at any scale: they are few)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.labels import decode
from whereas.search.results import Facets
from whereas.search.tables import search_entries as e

# Facets count the best this many entries of the ranking: at a million clauses reading 1,000
# entries' labels took longer than ranking them (bench/search.py); 300 keep a broad query's shape.
FACET_TOP = 300
_SINGLE = {"kind": "kind", "language": "language", "year": "year", "entry": "entry"}
_MULTI = {
    "country": "countries",
    "group": "groups",
    "verb": "verbs",
    "addressee": "addressees",
    "theme": "themes",
}


def facet_counts(session: Session, entry_ids: Sequence[int], exact: bool) -> Facets:
    """Counts by kind, language, year, entry, the labels and procedure type of these entries."""
    names = [*_SINGLE, *_MULTI, "procedure_type"]
    columns = [e.c[c] for c in (*_SINGLE.values(), *_MULTI.values(), "procedure_type")]
    rows: list[tuple[object, ...]] = []
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start : start + 500]
        found = session.execute(select(*columns).where(e.c.id.in_(chunk)))
        rows.extend(tuple(row) for row in found)
    # Counting the stored values first, then decoding each distinct one once: a thousand rows
    # share a few dozen label combinations, and decoding per row was most of a search's time.
    values_by_column = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    counters: dict[str, Counter[str]] = {}
    for name, values in zip(names, values_by_column, strict=True):
        counter: Counter[str] = Counter()
        for value, n in Counter(values).items():
            if name in _MULTI:
                for label in decode(value):
                    counter[label] += n
            elif name == "procedure_type":
                if value:
                    counter[str(value)] += n
            else:
                counter[str(value) if value is not None else "unknown"] += n
        counters[name] = counter
    ordered = {name: _ordered(counter) for name, counter in counters.items()}
    return Facets(**ordered, counted=len(entry_ids), exact=exact)


def _ordered(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
