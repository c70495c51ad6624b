"""Texts for the thread tests, assembled at test time from the real joint motion RC-B10-0249/2025.

Nothing is copied into the project: the joint motion and the vote list are ingested from the
corpus, and group motions, a text adopted and a later resolution are made from its clauses here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.ingest import ingest_file
from whereas.store import Store, schema

JOINT_MOTION = "howtheyvote/document_rc-10-2025-0249-en.html"
VOTES = "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml"
PROCEDURE = "2025/2691(RSP)"


@dataclass(frozen=True)
class Made:
    """A clause of an assembled text."""

    kind: str
    label: str | None
    text: str
    verbs: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


def ingest_joint_motion(store: Store, corpus: Path) -> None:
    """The real joint motion (HTML) and the vote list of its sitting."""
    for name in (JOINT_MOTION, VOTES):
        assert ingest_file(store, corpus / name).status in {"added", "unchanged"}


def joint_motion(session: Session) -> tuple[schema.Document, list[Made]]:
    """The stored HTML joint motion and its clauses."""
    doc = session.scalars(
        select(schema.Document).where(
            schema.Document.kind == "joint_motion", schema.Document.format == "html"
        )
    ).one()
    clauses = session.scalars(
        select(schema.Clause)
        .where(schema.Clause.document_id == doc.id)
        .order_by(schema.Clause.position)
    )
    return doc, [
        Made(c.kind, c.label, c.text, tuple(c.verbs), tuple(c.addressees), tuple(c.themes))
        for c in clauses
    ]


def real_clauses(folder: Path, corpus: Path) -> list[Made]:
    """The clauses of the real joint motion, read from a store of its own made in `folder`."""
    store = Store.open(f"sqlite:///{folder / 'jm.db'}")
    try:
        ingest_joint_motion(store, corpus)
        with store.session() as session:
            return joint_motion(session)[1]
    finally:
        store.close()


def add_text(
    session: Session,
    *,
    kind: str,
    reference: str,
    procedure: str,
    title: str,
    day: date,
    clauses: list[Made],
    groups: list[str] | None = None,
) -> str:
    """Store an assembled text as a document with clauses; returns its id."""
    raw = "\n".join([kind, reference, *(c.text for c in clauses)]).encode()
    doc_id = hashlib.sha256(raw).hexdigest()
    session.add(schema.Blob(sha256=doc_id, size=len(raw), data=raw))
    session.add(
        schema.Document(
            id=doc_id,
            kind=kind,
            format="text",
            reference=reference,
            procedure=procedure,
            title=title,
            date=day,
            language="en",
            version_key=reference,
            version=1,
            read_at=datetime.now(UTC),
            groups=groups or [],
            header={},
            warnings=[],
            body="",
        )
    )
    session.flush()
    for position, c in enumerate(clauses, start=1):
        session.add(
            schema.Clause(
                document_id=doc_id,
                position=position,
                kind=c.kind,
                label=c.label,
                text=c.text,
                verbs=list(c.verbs),
                addressees=list(c.addressees),
                themes=list(c.themes),
            )
        )
    session.flush()
    return doc_id


def renumbered(clauses: list[Made]) -> list[Made]:
    """Paragraph labels counted again from 1 (what happens when one is added or dropped)."""
    out, n = [], 0
    for c in clauses:
        if c.kind == "paragraph":
            n += 1
            c = Made(c.kind, str(n), c.text, c.verbs, c.addressees, c.themes)
        out.append(c)
    return out
