"""Counts of what a store holds, read from row_counts (kept by triggers: migrations 0011, 0012)
and the deltas not yet folded into it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select, union_all
from sqlalchemy.orm import Session

from whereas.store import schema

COUNTED = (
    "procedures",
    "documents",
    "clauses",
    "authors",
    "votes",
    "member_votes",
    "people",
    "facts",
    "quotes",
    "links",
)


def _counts(where_count: Any, where_delta: Any) -> Select[str, str, int]:
    """(counted, value, n) of the rows kept and their pending deltas, summed."""
    kept, delta = schema.RowCount, schema.RowCountDelta
    both = union_all(
        select(kept.counted, kept.value, kept.n).where(where_count),
        select(delta.counted, delta.value, delta.n).where(where_delta),
    ).subquery()
    return select(both.c.counted, both.c.value, func.sum(both.c.n)).group_by(
        both.c.counted, both.c.value
    )


def row_counts(session: Session, counted: str) -> dict[str, int]:
    """The counts filed under `counted`: a table's total under '', or a column's values."""
    kept, delta = schema.RowCount, schema.RowCountDelta
    rows = session.execute(_counts(kept.counted == counted, delta.counted == counted))
    return {value: int(n) for _, value, n in rows if n}


def table_rows(session: Session, table: str) -> int:
    """How many rows `table` (one of COUNTED) holds, without counting them."""
    return row_counts(session, table).get("", 0)


def store_stats(session: Session) -> dict[str, Any]:
    """Row counts per record type, and documents per kind."""
    kept, delta = schema.RowCount, schema.RowCountDelta
    query = _counts(kept.value == "", delta.value == "")
    totals = {counted: int(n) for counted, _, n in session.execute(query)}
    counts: dict[str, Any] = {name: totals.get(name, 0) for name in COUNTED}
    counts["documents_by_kind"] = dict(sorted(row_counts(session, "documents.kind").items()))
    return counts
