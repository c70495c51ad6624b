"""Review items of person matches: each author of a tabled text and the MEP it was matched to."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.curation.items import DocumentInfo, ReviewItem, author_key
from whereas.link.people import name_key
from whereas.store import schema

SAME_NAME = 0.95  # the MEP's name, word for word
OTHER_SPELLING = 0.7  # matched with "?" for lost letters or another form of the name
AMBIGUOUS = 0.2  # several MEPs bear the name: no match was made
UNKNOWN = 0.1  # no MEP bears the name


def person_items(session: Session, docs: dict[str, DocumentInfo]) -> Iterator[ReviewItem]:
    """One item per author: the person id matched (None when no match was made)."""
    names = {str(row.id): str(row.name) for row in session.scalars(select(schema.Person))}
    issues = _issues(session, docs)
    a = schema.Author
    query = select(a).where(a.document_id.in_(sorted(docs))).order_by(a.document_id, a.position)
    for author in session.scalars(query):
        candidates = issues.get((author.document_id, author.name))
        if author.person_id is None and candidates is None:
            continue
        doc = docs[author.document_id]
        yield ReviewItem(
            key=author_key(author.document_id, author.position),
            kind="person",
            document_id=author.document_id,
            confidence=_confidence(author, names, candidates),
            machine=author.person_id,
            subject=f"{doc.name} author {author.name}",
            context=_context(author, names, candidates),
            procedure=doc.procedure,
        )


def _issues(session: Session, docs: dict[str, DocumentInfo]) -> dict[tuple[str, str], list[str]]:
    i = schema.PersonNameIssue
    rows = session.execute(select(i.document_id, i.name, i.candidates).where(i.role == "author"))
    return {(d, n): list(c or []) for d, n, c in rows if d in docs}


def _confidence(
    author: schema.Author, names: dict[str, str], candidates: list[str] | None
) -> float:
    if author.person_id is None:
        return AMBIGUOUS if candidates else UNKNOWN
    known = names.get(author.person_id)
    return SAME_NAME if known and name_key(known) == name_key(author.name) else OTHER_SPELLING


def _context(author: schema.Author, names: dict[str, str], candidates: list[str] | None) -> str:
    if author.person_id is not None:
        return f"{author.name} -> {names.get(author.person_id, '?')} ({author.person_id})"
    if candidates:
        return f"{author.name}: one of {', '.join(candidates)}"
    return f"{author.name}: no MEP of that name"
