"""Votes linked to what they are about: the publication that counts, and the clause voted on.

Vote lists are republished during the day without a timestamp: of the versions of one list, the
one that holds every vote of the others, with more or newer, supersedes them (all are kept).

Amendments and split votes name clauses by the numbering of the text voted on, the motion or joint
motion (the text adopted is renumbered once amendments are in): "§ 1/2" is a part of paragraph 1,
"Recital B" recital B; "After § 4" is no clause yet but an insertion point after paragraph 4.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.store import schema
from whereas.store.votes import publication_content

PUBLISHED_LISTS = frozenset({"roll_call", "vote_results"})
VOTED_TEXTS = ("joint_motion", "motion")
# Of several containers of one text, the clause ids of the first kept in this order are used.
_FORMATS = ("html", "xml", "docx", "pdf", "markdown", "text")
Relation = Literal["on", "after", "before"]


@dataclass(frozen=True)
class ClauseAttachment:
    """The clause a vote concerns (relation "on") or the insertion point it names."""

    document_id: str
    position: int
    relation: Relation
    kind: str
    label: str


def supersede_publications(session: Session, document_id: str) -> str | None:
    """Mark which version of a vote list supersedes the others; the head's id, if any."""
    document = session.get(schema.Document, document_id)
    if document is None or document.kind not in PUBLISHED_LISTS:
        return None
    versions = list(
        session.scalars(
            select(schema.Document)
            .where(schema.Document.version_key == document.version_key)
            .order_by(schema.Document.version)
        )
    )
    if len(versions) < 2:
        return None
    contents = {v.id: publication_content(session, v.id) for v in versions}
    head = _most_complete(versions, contents)
    for version in versions:
        version.superseded_by = None if head is None or version.id == head else head
    if head is None:
        note = "versions of this vote list disagree: none holds every vote of the others"
        for version in versions:
            if note not in (version.warnings or []):
                version.warnings = [*(version.warnings or []), note]
    session.flush()
    return head


def _most_complete(
    versions: list[schema.Document], contents: dict[str, dict[str, tuple[object, ...]]]
) -> str | None:
    """The version holding every vote of each other one; the latest of equals."""
    for candidate in reversed(versions):
        mine = contents[candidate.id]
        if all(set(contents[o.id]) <= set(mine) for o in versions):
            return candidate.id
    return None


class ClauseFinder:
    """Finds the clause a vote names in the text voted on, when that text is in the store."""

    def __init__(self, session: Session, references: Iterable[str] | None = None) -> None:
        query = select(schema.Document).where(schema.Document.kind.in_(VOTED_TEXTS))
        wanted = None if references is None else sorted(set(references))
        if wanted is not None:
            query = query.where(schema.Document.reference.in_(wanted))
        texts: dict[str, list[schema.Document]] = defaultdict(list)
        # Given no reference (a procedure without votes), an empty IN would have SQLite walk the
        # kind index: every motion of the store for each procedure page.
        for doc in session.scalars(query) if wanted != [] else ():
            if doc.reference:
                texts[doc.reference].append(doc)
        self._text = {ref: min(docs, key=_preference) for ref, docs in texts.items()}
        ids = [d.id for d in self._text.values()]
        self._clauses: dict[str, list[schema.Clause]] = defaultdict(list)
        clauses = select(schema.Clause).where(schema.Clause.document_id.in_(ids))
        for clause in session.scalars(clauses.order_by(schema.Clause.position)):
            self._clauses[clause.document_id].append(clause)

    def attach(self, vote: schema.Vote) -> ClauseAttachment | None:
        """The clause (or insertion point) of a vote, None when it names none or no text is here."""
        if not vote.reference or not vote.clause_label or vote.reference not in self._text:
            return None
        relation, label = _relation(vote.clause_label)
        kind = vote.clause_kind or ("paragraph" if label[:1].isdigit() else "recital")
        doc = self._text[vote.reference]
        clause = _clause(self._clauses[doc.id], kind, label)
        if clause is None:
            return None
        return ClauseAttachment(doc.id, clause.position, relation, kind, label)


def _preference(doc: schema.Document) -> tuple[int, int, int, str]:
    fmt = _FORMATS.index(doc.format) if doc.format in _FORMATS else len(_FORMATS)
    # The joint motion before a group motion of the same number, then the newest version.
    return (VOTED_TEXTS.index(doc.kind), fmt, -doc.version, doc.id)


def _relation(clause_label: str) -> tuple[Relation, str]:
    where, _, rest = clause_label.partition(" ")
    if rest and where in ("after", "before"):
        return ("after" if where == "after" else "before"), rest.strip()
    return "on", clause_label.strip()


def _clause(clauses: list[schema.Clause], kind: str, label: str) -> schema.Clause | None:
    if kind == "citation":
        # Citations carry no label: the subject counts them ("Citation 3" is the third).
        citations = [c for c in clauses if c.kind == "citation"]
        number = int(label) if label.isdigit() else 0
        return citations[number - 1] if 0 < number <= len(citations) else None
    wanted = label.rstrip(".").casefold()
    return next(
        (
            c
            for c in clauses
            if c.kind == kind and c.label and c.label.rstrip(".").casefold() == wanted
        ),
        None,
    )
