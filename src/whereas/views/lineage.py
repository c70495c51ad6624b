"""Lineage on the document page: where each clause of a joint motion or text adopted came from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.thread.lineage import DERIVES_FROM
from whereas.link.thread.redline import Op, redline
from whereas.link.thread.texts import STAGES, resolution_texts
from whereas.store import schema

LINEAGE_KINDS = frozenset({"joint_motion", "text_adopted"})


@dataclass(frozen=True)
class Origin:
    """One earlier text a clause derives from (no clause: the clause is new to that text)."""

    document: schema.Document
    clauses: tuple[schema.Clause, ...]
    change: str
    score: float | None

    @property
    def stage(self) -> int:
        """0 for a group motion, 1 for the joint motion."""
        return STAGES.index(self.document.kind) if self.document.kind in STAGES else 0

    @property
    def labels(self) -> str:
        """The earlier clauses' labels, e.g. "3" or "3 + 4"."""
        return " + ".join(c.label or str(c.position) for c in self.clauses)


@dataclass
class DocumentLineage:
    """Each clause's origins (nearest text first) and the count of each change label."""

    source_id: str  # the container the lineage was computed on (same reference, same clauses)
    earlier: list[schema.Document]
    origins: dict[int, list[Origin]] = field(default_factory=dict)
    changes: Counter[str] = field(default_factory=Counter)

    def nearest(self, position: int) -> Origin | None:
        """The origin in the closest earlier text (the joint motion for a text adopted)."""
        found = self.origins.get(position, [])
        return found[0] if found else None

    def tabled_by(self, position: int) -> list[Origin]:
        """The group motions the clause came from (not new to them)."""
        return [o for o in self.origins.get(position, []) if o.stage == 0 and o.clauses]


def _source_id(session: Session, document: schema.Document, clauses: int) -> str | None:
    """The container of this text that lineage links start from (this one, or a twin)."""
    if document.procedure is None or document.kind not in LINEAGE_KINDS:
        return None
    for text in resolution_texts(session, document.procedure).get(document.procedure, []):
        if text.document.reference == document.reference and text.document.kind == document.kind:
            same = text.document.id == document.id or len(text.clauses) == clauses
            return text.document.id if same else None
    return None


def _links(session: Session, source_id: str) -> list[schema.Link]:
    query = select(schema.Link).where(
        schema.Link.type == DERIVES_FROM, schema.Link.from_document == source_id
    )
    return list(session.scalars(query.order_by(schema.Link.from_clause, schema.Link.id)))


def _earlier_clauses(
    session: Session, links: list[schema.Link]
) -> dict[tuple[str, int], schema.Clause]:
    ids = {link.to_document for link in links}
    query = select(schema.Clause).where(schema.Clause.document_id.in_(ids))
    return {(c.document_id, c.position): c for c in session.scalars(query)}


def document_lineage(
    session: Session, document: schema.Document, clauses: int
) -> DocumentLineage | None:
    """The lineage of a joint motion or text adopted with `clauses` clauses; None otherwise."""
    source_id = _source_id(session, document, clauses)
    links = _links(session, source_id) if source_id else []
    if source_id is None or not links:
        return None
    docs = {
        d.id: d
        for d in session.scalars(
            select(schema.Document).where(schema.Document.id.in_({x.to_document for x in links}))
        )
    }
    earlier = _earlier_clauses(session, links)
    grouped: dict[tuple[int, str], list[schema.Link]] = {}
    for link in links:
        grouped.setdefault((link.from_clause or 0, link.to_document), []).append(link)
    lineage = DocumentLineage(source_id, sorted(docs.values(), key=_nearest_first))
    for (position, doc_id), rows in grouped.items():
        keys = [(doc_id, r.to_clause) for r in rows if r.to_clause is not None]
        found = tuple(earlier[k] for k in keys if k in earlier)
        origin = Origin(docs[doc_id], found, rows[0].label or "new", rows[0].score)
        lineage.origins.setdefault(position, []).append(origin)
    for origins in lineage.origins.values():
        origins.sort(key=lambda o: _nearest_first(o.document))
        lineage.changes[origins[0].change] += 1
    return lineage


def _nearest_first(document: schema.Document) -> tuple[int, str]:
    stage = STAGES.index(document.kind) if document.kind in STAGES else 0
    return (-stage, document.reference or document.id)


@dataclass(frozen=True)
class Redline:
    """A clause against the earlier text it derives from, word by word."""

    clause: schema.Clause
    origin: Origin
    runs: list[tuple[Op, str]]


def clause_redline(
    session: Session, lineage: DocumentLineage, position: int, against: str | None = None
) -> Redline | None:
    """The redline of the clause at `position` against `against` (default: the nearest text)."""
    origins = lineage.origins.get(position, [])
    origin = next((o for o in origins if against in (None, o.document.id)), None)
    clause = session.scalar(
        select(schema.Clause).where(
            schema.Clause.document_id == lineage.source_id, schema.Clause.position == position
        )
    )
    if origin is None or clause is None:
        return None
    earlier = " ".join(c.text for c in origin.clauses)
    return Redline(clause, origin, redline(earlier, clause.text))
