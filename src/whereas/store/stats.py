"""Counts of what a store holds, read from row_counts (kept by triggers: migration 0011)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
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


def row_counts(session: Session, counted: str) -> dict[str, int]:
    """The counts filed under `counted`: a table's total under '', or a column's values."""
    rows = session.execute(
        select(schema.RowCount.value, schema.RowCount.n).where(schema.RowCount.counted == counted)
    )
    return {value: n for value, n in rows if n}


def table_rows(session: Session, table: str) -> int:
    """How many rows `table` (one of COUNTED) holds, without counting them."""
    return row_counts(session, table).get("", 0)


def store_stats(session: Session) -> dict[str, Any]:
    """Row counts per record type, and documents per kind."""
    query = select(schema.RowCount.counted, schema.RowCount.n).where(schema.RowCount.value == "")
    totals = dict(session.execute(query).all())
    counts: dict[str, Any] = {name: totals.get(name, 0) for name in COUNTED}
    counts["documents_by_kind"] = dict(sorted(row_counts(session, "documents.kind").items()))
    return counts
