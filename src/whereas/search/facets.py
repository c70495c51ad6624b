"""Facet counts over the best entries of a ranking (cheap at any scale: they are few)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.labels import decode
from whereas.search.results import Facets
from whereas.search.tables import search_entries as e

FACET_TOP = 1000  # facets count the best this many entries of the ranking
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
    counters: dict[str, Counter[str]] = {name: Counter() for name in (*_SINGLE, *_MULTI)}
    counters["procedure_type"] = Counter()
    columns = [e.c[c] for c in (*_SINGLE.values(), *_MULTI.values(), "procedure_type")]
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start : start + 500]
        for row in session.execute(select(*columns).where(e.c.id.in_(chunk))):
            values = row._mapping
            for name, column in _SINGLE.items():
                value = values[column]
                counters[name][str(value) if value is not None else "unknown"] += 1
            for name, column in _MULTI.items():
                counters[name].update(decode(values[column]))
            if values["procedure_type"]:
                counters["procedure_type"][values["procedure_type"]] += 1
    ordered = {name: _ordered(counter) for name, counter in counters.items()}
    return Facets(**ordered, counted=len(entry_ids), exact=exact)


def _ordered(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
