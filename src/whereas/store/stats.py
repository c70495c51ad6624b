"""Counts of what a store holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.store import schema

_COUNTED: dict[str, Any] = {
    "procedures": schema.Procedure,
    "documents": schema.Document,
    "clauses": schema.Clause,
    "authors": schema.Author,
    "votes": schema.Vote,
    "member_votes": schema.MemberVote,
    "people": schema.Person,
    "facts": schema.Fact,
    "quotes": schema.Quote,
    "links": schema.Link,
}


def store_stats(session: Session) -> dict[str, Any]:
    """Row counts per record type, and documents per kind."""
    counts: dict[str, Any] = {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in _COUNTED.items()
    }
    kinds = session.execute(
        select(schema.Document.kind, func.count()).group_by(schema.Document.kind)
    ).all()
    counts["documents_by_kind"] = {row[0]: row[1] for row in sorted(kinds)}
    return counts
