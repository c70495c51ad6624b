"""Re-attach the votes a claim check compared to its "contradicts" link after an import.

link.claims names the two votes in the link's method ("tally:<claim vote id>-><official vote
id>"); store ids are not in the export, but the procedure's conflict states both tallies and both
documents, which find the two votes again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.store import schema


def _tally(vote: schema.Vote) -> list[int | None]:
    return [vote.for_, vote.against, vote.abstentions]


def _find(session: Session, document_id: str, tally: list[Any], subject: str | None) -> int | None:
    votes = session.scalars(
        select(schema.Vote)
        .where(schema.Vote.document_id == document_id)
        .order_by(schema.Vote.position)
    ).all()
    same = [v for v in votes if _tally(v) == tally]
    preferred = [v for v in same if subject is None or (v.subject or "vote") == subject]
    found = preferred or same
    return found[0].id if found else None


def restore_tally_checks(session: Session, procedures: Iterable[Mapping[str, Any]]) -> int:
    """Give each imported contradicts link its method again; the number restored."""
    restored = 0
    for procedure in procedures:
        for conflict in procedure.get("conflicts", []):
            field = conflict.get("field", "")
            values, sources = conflict.get("values", []), conflict.get("sources", [])
            if not field.startswith("tally of ") or len(values) != 2 or len(sources) != 2:
                continue
            subject = field[len("tally of ") :].rsplit(" ", 1)[0] or None
            official = _find(session, sources[0], values[0], subject)
            claim = _find(session, sources[1], values[1], None)
            link = session.scalars(
                select(schema.Link)
                .where(
                    schema.Link.type == "contradicts",
                    schema.Link.from_document == sources[1],
                    schema.Link.to_document == sources[0],
                    schema.Link.method == "import",
                )
                .order_by(schema.Link.id)
            ).first()
            if official is None or claim is None or link is None:
                continue
            link.method = f"tally:{claim}->{official}"
            restored += 1
    session.flush()
    return restored
