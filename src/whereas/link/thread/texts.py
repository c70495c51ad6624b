"""The resolution texts of a procedure as stored: one container per reference, with clauses.

Texts are read as rows (never the document body, never ORM objects) and procedure by procedure
in bounded batches, so that linking the whole store holds one batch of texts at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.link.thread.alignment import Piece
from whereas.store import schema

STAGES = ("motion", "joint_motion", "text_adopted")
# The same text in several containers: the most structured one speaks for the reference.
_FORMAT_RANK = {"html": 0, "xml": 1, "docx": 2, "json": 3, "pdf": 4, "text": 5}
# Procedures read at a time: a procedure has a handful of texts of a few dozen clauses each.
PROCEDURE_BATCH = 50
_IN_CHUNK = 500  # values bound in one IN (...): far below SQLite's and PostgreSQL's limits


@dataclass(frozen=True, slots=True)
class TextHead:
    """What linking reads of a stored resolution text: its header, not its body."""

    id: str
    kind: str
    format: str
    reference: str | None
    procedure: str | None
    title: str | None
    date: date | None
    language: str | None
    version: int
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClauseRow:
    """One stored clause as linking reads it."""

    position: int
    kind: str
    label: str | None
    text: str
    verbs: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass
class StoredText:
    """One resolution text (motion, joint motion or text adopted) and its clauses."""

    document: TextHead
    clauses: list[ClauseRow] = field(default_factory=list)

    @property
    def stage(self) -> int:
        """0 for a group motion, 1 for a joint motion, 2 for a text adopted."""
        return STAGES.index(self.document.kind)

    @property
    def pieces(self) -> list[Piece]:
        """The clauses as the alignment sees them."""
        return [Piece(c.position, c.kind, c.label, c.text) for c in self.clauses]


_D = schema.Document
_C = schema.Clause
_HEAD_COLUMNS = (
    _D.id,
    _D.kind,
    _D.format,
    _D.reference,
    _D.procedure,
    _D.title,
    _D.date,
    _D.language,
    _D.version,
    _D.groups,
)
_CLAUSE_COLUMNS = (
    _C.document_id,
    _C.position,
    _C.kind,
    _C.label,
    _C.text,
    _C.verbs,
    _C.addressees,
    _C.themes,
)


def _head(row: Sequence[Any]) -> TextHead:
    doc_id, kind, fmt, reference, procedure, title, day, language, version, groups = row
    return TextHead(
        doc_id, kind, fmt, reference, procedure, title, day, language, version, tuple(groups or ())
    )


def chunks(values: Sequence[str], size: int = _IN_CHUNK) -> Iterator[Sequence[str]]:
    """`values` in slices of at most `size` (for IN lists)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def text_heads(session: Session, ids: Sequence[str]) -> dict[str, TextHead]:
    """The headers of the documents `ids`."""
    out: dict[str, TextHead] = {}
    for part in chunks(ids):
        for row in session.execute(select(*_HEAD_COLUMNS).where(_D.id.in_(part))):
            out[row[0]] = _head(row)
    return out


def clause_rows(session: Session, ids: Sequence[str]) -> dict[str, list[ClauseRow]]:
    """The clauses of the documents `ids`, in document order."""
    out: dict[str, list[ClauseRow]] = defaultdict(list)
    for part in chunks(ids):
        query = select(*_CLAUSE_COLUMNS).where(_C.document_id.in_(part))
        for doc_id, position, kind, label, text, verbs, addressees, themes in session.execute(
            query.order_by(_C.document_id, _C.position)
        ):
            out[doc_id].append(
                ClauseRow(
                    position,
                    kind,
                    label,
                    text,
                    tuple(verbs or ()),
                    tuple(addressees or ()),
                    tuple(themes or ()),
                )
            )
    return out


def _representative(documents: list[TextHead], counts: dict[str, int]) -> TextHead:
    return min(
        documents,
        key=lambda d: (-counts.get(d.id, 0), _FORMAT_RANK.get(d.format, 9), -d.version, d.id),
    )


def _clause_counts(session: Session, ids: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for part in chunks(ids):
        query = select(_C.document_id, func.count()).where(_C.document_id.in_(part))
        for doc_id, count in session.execute(query.group_by(_C.document_id)):
            counts[doc_id] = int(count)
    return counts


def _texts_of(
    session: Session, procedures: Sequence[str], kinds: tuple[str, ...], with_clauses: bool
) -> dict[str, list[StoredText]]:
    """The texts of some procedures, one container per reference, motions first."""
    docs: list[TextHead] = []
    for part in chunks(procedures):
        # By procedure only, the kind checked here: given both, SQLite (no statistics) takes the
        # kind index for more than a few procedures and reads every resolution of the store for
        # each batch, which made linking quadratic in the store.
        query = select(*_HEAD_COLUMNS).where(_D.procedure.in_(part))
        docs.extend(h for h in map(_head, session.execute(query)) if h.kind in kinds)
    counts = _clause_counts(session, [d.id for d in docs])
    by_ref: dict[tuple[str, str], list[TextHead]] = defaultdict(list)
    for d in docs:
        if counts.get(d.id):
            by_ref[(d.procedure or "", d.reference or d.id)].append(d)
    chosen = {key: _representative(group, counts) for key, group in sorted(by_ref.items())}
    clauses = clause_rows(session, [d.id for d in chosen.values()]) if with_clauses else {}
    out: dict[str, list[StoredText]] = defaultdict(list)
    for (procedure, _), doc in chosen.items():
        out[procedure].append(StoredText(doc, clauses.get(doc.id, [])))
    for texts in out.values():
        texts.sort(key=lambda t: (t.stage, t.document.reference or "", t.document.id))
    return dict(out)


def iter_resolution_texts(
    session: Session,
    kinds: tuple[str, ...] = STAGES,
    *,
    with_clauses: bool = True,
    batch: int | None = None,
) -> Iterator[tuple[str, list[StoredText]]]:
    """Every procedure with its texts (as `resolution_texts`), a batch of procedures at a time.

    Procedures are paged by keyset on the indexed column (each page costs its own size), in the
    database's order of that column; within a page they come in Python's order. Without
    `with_clauses` the texts are chosen the same way but their clauses are not read.
    """
    size = batch or PROCEDURE_BATCH
    last: str | None = None
    while True:
        query = select(_D.procedure).where(_D.procedure.is_not(None)).distinct()
        if last is not None:
            query = query.where(_D.procedure > last)
        found = session.scalars(query.order_by(_D.procedure).limit(size))
        page = [p for p in found if p is not None]
        if not page:
            return
        texts = _texts_of(session, page, kinds, with_clauses)
        for procedure in sorted(texts):
            yield procedure, texts[procedure]
        last = page[-1]


def resolution_texts(
    session: Session, procedure: str | None = None, kinds: tuple[str, ...] = STAGES
) -> dict[str, list[StoredText]]:
    """Per procedure, its texts with clauses (one container per reference), motions first."""
    if procedure is not None:
        return _texts_of(session, [procedure], kinds, True)
    return dict(sorted(iter_resolution_texts(session, kinds), key=lambda item: item[0]))
