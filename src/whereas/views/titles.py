"""Display titles of procedures: the stored title, else a document's, else a vote list's."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.store import schema

# Roll-call tables title an item "FR title - EN title - DE title - ... - subject": the
# second part is the English title when there are at least three parts.
_SEPARATOR = " - "


def title_from_vote_text(text: str) -> str | None:
    """The English title a multilingual vote-item title carries, else the text itself."""
    parts = [p.strip() for p in text.split(_SEPARATOR) if p.strip()]
    if not parts:
        return None
    return parts[1] if len(parts) >= 3 else parts[0]


def procedure_titles(session: Session, procedures: Iterable[schema.Procedure]) -> dict[str, str]:
    """A title for each procedure that has one anywhere in the store."""
    rows = list(procedures)
    titles = {p.reference: p.title for p in rows if p.title}
    missing = [p.reference for p in rows if not p.title]
    if missing:
        documents = session.execute(
            select(schema.Document.procedure, schema.Document.title)
            .where(schema.Document.procedure.in_(missing), schema.Document.title.is_not(None))
            .order_by(schema.Document.date.desc())
        )
        for reference, title in documents:
            if reference and title:
                titles.setdefault(reference, title)
    missing = [r for r in missing if r not in titles]
    if missing:
        votes = session.execute(
            select(schema.Vote.procedure, schema.Vote.text)
            .where(schema.Vote.procedure.in_(missing), schema.Vote.text.is_not(None))
            .order_by(schema.Vote.id)
        )
        for reference, text in votes:
            title = title_from_vote_text(text or "")
            if reference and title:
                titles.setdefault(reference, title)
    return titles
