"""A procedure's lineage at a glance: each group's share of the adopted text, plenary additions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.thread.alignment import Derivation
from whereas.link.thread.lineage import AlignedPair, align_procedure
from whereas.link.thread.texts import StoredText, resolution_texts
from whereas.store import schema

_COUNTED = ("recital", "paragraph", "point")  # citations are formulas every motion shares
_AFTER = re.compile(r"after\s+(?:§\s*|recital\s+|paragraph\s+)?(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class MotionShare:
    """How much of one group motion reached the final text."""

    reference: str | None
    document_id: str
    groups: list[str]
    clauses: int
    survived: int

    @property
    def share(self) -> float:
        """Surviving clauses over counted clauses (recitals, paragraphs, points)."""
        return self.survived / self.clauses if self.clauses else 0.0


@dataclass(frozen=True)
class PlenaryAddition:
    """A clause of the text adopted that no earlier text has: added by amendment in plenary."""

    position: int
    label: str | None
    kind: str
    after: str | None
    vote: schema.Vote | None


@dataclass
class ProcedureLineage:
    """The lineage summary of one procedure."""

    procedure: str
    final: StoredText | None
    motions: list[MotionShare] = field(default_factory=list)
    additions: list[PlenaryAddition] = field(default_factory=list)
    pairs: list[AlignedPair] = field(default_factory=list)


def _share(pair: AlignedPair) -> MotionShare:
    counted = [c for c in pair.earlier.clauses if c.kind in _COUNTED]
    used = {pos for d in pair.derivations for pos in d.earlier}
    doc = pair.earlier.document
    return MotionShare(
        doc.reference,
        doc.id,
        list(doc.groups or []),
        len(counted),
        sum(c.position in used for c in counted),
    )


def _amendment_votes(session: Session, reference: str | None) -> dict[str, schema.Vote]:
    if reference is None:
        return {}
    votes = session.scalars(
        select(schema.Vote)
        .where(schema.Vote.reference == reference, schema.Vote.official.is_(True))
        .order_by(schema.Vote.date, schema.Vote.position)
    )
    out: dict[str, schema.Vote] = {}
    for v in votes:
        found = _AFTER.search(v.clause_label or v.subject or "")
        if found and (v.result or "") == "adopted":
            out.setdefault(found.group(1).lower(), v)
    return out


def _additions(session: Session, pair: AlignedPair) -> list[PlenaryAddition]:
    """New clauses of the text adopted, placed after the joint-motion clause they follow."""
    earlier_labels = {c.position: c.label for c in pair.earlier.clauses}
    votes = _amendment_votes(session, pair.earlier.document.reference)
    out, previous = [], None
    for clause, d in zip(pair.later.clauses, pair.derivations, strict=True):
        if d.change == "new" and clause.kind != "citation":
            vote: schema.Vote | None = votes.get(previous.lower()) if previous else None
            out.append(PlenaryAddition(clause.position, clause.label, clause.kind, previous, vote))
        elif d.earlier:
            previous = earlier_labels.get(max(d.earlier)) or previous
    return out


def _pair(pairs: list[AlignedPair], earlier: int, later: int) -> AlignedPair | None:
    return next((p for p in pairs if p.earlier.stage == earlier and p.later.stage == later), None)


def summarise(session: Session, procedure: str, texts: list[StoredText]) -> ProcedureLineage:
    """The summary for one procedure's texts."""
    pairs = align_procedure(texts)
    final = max(texts, key=lambda t: t.stage) if texts else None
    summary = ProcedureLineage(procedure, final, pairs=pairs)
    if final is None:
        return summary
    summary.motions = [_share(p) for p in pairs if p.earlier.stage == 0 and p.later is final]
    plenary = _pair(pairs, 1, 2)
    if plenary is not None:
        summary.additions = _additions(session, plenary)
    return summary


def procedure_lineage(session: Session, procedure: str) -> ProcedureLineage:
    """The lineage summary of `procedure` (empty when it has no resolution texts with clauses)."""
    texts = resolution_texts(session, procedure).get(procedure, [])
    return summarise(session, procedure, texts)


def derivation_of(pair: AlignedPair, position: int) -> Derivation | None:
    """The derivation of the later clause at `position`."""
    return next((d for d in pair.derivations if d.later == position), None)
