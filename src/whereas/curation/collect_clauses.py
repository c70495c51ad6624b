"""Review items of classification (document kind; clause kind, verbs, addressees, themes), splits.

The parsers store no confidence per clause field: it is estimated from what a field should hold
(an operative paragraph without a verb, a recital without a letter, a clause of one word).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.curation.items import DocumentInfo, ReviewItem, clause_key, document_key
from whereas.store import schema

OPERATIVE = ("paragraph", "point")
_LABEL_SHAPES = {
    "citation": re.compile(r"^$"),
    "recital": re.compile(r"^[A-Z]{1,2}$|^\d+$"),
    "paragraph": re.compile(r"^\d+[a-z]?$"),
    "point": re.compile(r"^\(?[a-z]{1,4}\)?$|^[-–—•]$"),
}


def text_fingerprint(text: str) -> str:
    """A short hash of a clause's text: the machine value of a split, without its content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_kind_items(docs: dict[str, DocumentInfo]) -> Iterator[ReviewItem]:
    """One item per document: the kind recognised (the recogniser's own confidence)."""
    for doc in docs.values():
        yield ReviewItem(
            key=document_key(doc.id, "kind"),
            kind="classification:kind",
            document_id=doc.id,
            confidence=max(0.0, min(1.0, doc.confidence)),
            machine=doc.kind,
            subject=f"{doc.name} is a {doc.kind.replace('_', ' ')}",
            context=doc.title,
            procedure=doc.procedure,
        )


def clause_items(session: Session, docs: dict[str, DocumentInfo]) -> Iterator[ReviewItem]:
    """Items of every clause of the documents: kind, verbs, addressees, themes and split."""
    c = schema.Clause
    query = select(c).where(c.document_id.in_(sorted(docs))).order_by(c.document_id, c.position)
    for clause in session.scalars(query):
        yield from _items_of(clause, docs[clause.document_id])


def _items_of(clause: schema.Clause, doc: DocumentInfo) -> Iterator[ReviewItem]:
    subject = f"{doc.name} {clause.kind} {clause.label or clause.position}"
    context = clause.text[:600]

    def item(field: str, kind: str, machine: object, confidence: float) -> ReviewItem:
        return ReviewItem(
            key=clause_key(doc.id, clause.position, field),
            kind=kind,
            document_id=doc.id,
            confidence=confidence,
            machine=machine,
            subject=f"{subject}: {field}",
            context=context,
            procedure=doc.procedure,
        )

    shape = _LABEL_SHAPES.get(clause.kind)
    fits = shape is not None and bool(shape.match(clause.label or ""))
    yield item("kind", "classification:clause_kind", clause.kind, 0.9 if fits else 0.5)
    for field in ("verbs", "addressees", "themes"):
        if field != "themes" and clause.kind not in OPERATIVE:
            continue  # citations and recitals neither demand nor address anyone
        values = list(getattr(clause, field) or [])
        yield item(field, f"classification:{field}", values, 0.7 if values else 0.4)
    words = len(clause.text.split())
    split_ok = 3 <= words <= 400
    machine = {"label": clause.label, "text": text_fingerprint(clause.text)}
    yield item("split", "split", machine, 0.9 if split_ok else 0.4)
