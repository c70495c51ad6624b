"""The resolution texts of a procedure as stored: one container per reference, with clauses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.thread.alignment import Piece
from whereas.store import schema

STAGES = ("motion", "joint_motion", "text_adopted")
# The same text in several containers: the most structured one speaks for the reference.
_FORMAT_RANK = {"html": 0, "xml": 1, "docx": 2, "json": 3, "pdf": 4, "text": 5}


@dataclass
class StoredText:
    """One resolution text (motion, joint motion or text adopted) and its clauses."""

    document: schema.Document
    clauses: list[schema.Clause] = field(default_factory=list)

    @property
    def stage(self) -> int:
        """0 for a group motion, 1 for a joint motion, 2 for a text adopted."""
        return STAGES.index(self.document.kind)

    @property
    def pieces(self) -> list[Piece]:
        """The clauses as the alignment sees them."""
        return [Piece(c.position, c.kind, c.label, c.text) for c in self.clauses]


def _representative(documents: list[schema.Document], counts: dict[str, int]) -> schema.Document:
    return min(
        documents,
        key=lambda d: (-counts.get(d.id, 0), _FORMAT_RANK.get(d.format, 9), -d.version, d.id),
    )


def _clause_counts(session: Session, ids: list[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for doc_id in session.scalars(
        select(schema.Clause.document_id).where(schema.Clause.document_id.in_(ids))
    ):
        counts[doc_id] += 1
    return counts


def resolution_texts(
    session: Session, procedure: str | None = None, kinds: tuple[str, ...] = STAGES
) -> dict[str, list[StoredText]]:
    """Per procedure, its texts with clauses (one container per reference), motions first."""
    query = select(schema.Document).where(
        schema.Document.kind.in_(kinds), schema.Document.procedure.is_not(None)
    )
    if procedure is not None:
        query = query.where(schema.Document.procedure == procedure)
    docs = list(session.scalars(query))
    counts = _clause_counts(session, [d.id for d in docs])
    by_ref: dict[tuple[str, str], list[schema.Document]] = defaultdict(list)
    for d in docs:
        if counts.get(d.id):
            by_ref[(d.procedure or "", d.reference or d.id)].append(d)
    out: dict[str, list[StoredText]] = defaultdict(list)
    for (procedure, _), group in sorted(by_ref.items()):
        chosen = _representative(group, counts)
        clauses = list(
            session.scalars(
                select(schema.Clause)
                .where(schema.Clause.document_id == chosen.id)
                .order_by(schema.Clause.position)
            )
        )
        out[procedure].append(StoredText(chosen, clauses))
    for texts in out.values():
        texts.sort(key=lambda t: (t.stage, t.document.reference or "", t.document.id))
    return dict(out)
