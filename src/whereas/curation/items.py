"""Review items: one machine value that can be wrong, its stable key and the machine's confidence.

A key names the item by what survives a re-ingest and a re-parse (document sha, clause position,
field; link endpoints and type), never by row ids, which linkers and parsers renumber.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.store import schema

LINK_TYPES = ("derives_from", "repeats", "corroborates", "contradicts")
CLAUSE_FIELDS = ("kind", "verbs", "addressees", "themes", "split")
VALUE_KINDS = (
    "link:reports_on",
    "link:derives_from",
    "link:repeats",
    "link:corroborates",
    "link:contradicts",
    "classification:kind",
    "classification:clause_kind",
    "classification:verbs",
    "classification:addressees",
    "classification:themes",
    "person",
    "split",
)


@dataclass(frozen=True)
class ReviewItem:
    """One machine value that a person can confirm, reject or correct."""

    key: str
    kind: str  # one of VALUE_KINDS
    document_id: str
    confidence: float
    machine: Any  # JSON value; a re-run giving another value puts the item back in the queue
    subject: str  # what the value is about, for people: "B9-0065/2022 § 3"
    context: str | None = None  # the clause text, the author's name...
    procedure: str | None = None

    def matches_kind(self, wanted: str | None) -> bool:
        """Whether the item is of kind `wanted` ("link" matches every link:* kind)."""
        return wanted is None or self.kind == wanted or self.kind.startswith(f"{wanted}:")


@dataclass(frozen=True)
class DocumentInfo:
    """What items show of their document (never its body)."""

    id: str
    kind: str
    reference: str | None
    procedure: str | None
    title: str | None
    confidence: float

    @property
    def name(self) -> str:
        """The document as people name it: its reference, else its title, else its id."""
        return self.reference or (self.title or "")[:80] or self.id[:16]


def document_infos(session: Session, ids: set[str] | None) -> dict[str, DocumentInfo]:
    """The documents named (every document when `ids` is None), by id."""
    d = schema.Document
    query = select(d.id, d.kind, d.reference, d.procedure, d.title, d.confidence)
    if ids is not None:
        query = query.where(d.id.in_(sorted(ids)))
    return {row.id: DocumentInfo(*row) for row in session.execute(query)}


def link_key(
    kind: str, from_doc: str, from_pos: int | None, to_doc: str, to_pos: int | None
) -> str:
    """The key of a link between two documents or clauses."""
    a = "-" if from_pos is None else str(from_pos)
    b = "-" if to_pos is None else str(to_pos)
    return f"link:{kind}:{from_doc}:{a}:{to_doc}:{b}"


def clause_key(document_id: str, position: int, field: str) -> str:
    """The key of one field of one clause."""
    return f"clause:{document_id}:{position}:{field}"


def document_key(document_id: str, field: str) -> str:
    """The key of one field of one document (kind, reports_on)."""
    return f"document:{document_id}:{field}"


def author_key(document_id: str, position: int) -> str:
    """The key of the person an author of a document was matched to."""
    return f"person:{document_id}:{position}"


def document_of_key(key: str) -> str | None:
    """The document an item key names first (links: the `from` document)."""
    parts = key.split(":")
    if parts[0] == "link" and len(parts) >= 3:
        return parts[2]
    return parts[1] if len(parts) >= 2 else None
