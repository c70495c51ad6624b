"""Direct hits: a query that is a reference, in any of its forms, goes straight to its record."""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from whereas.recognize.references import normalise_reference
from whereas.search.backend import LexicalIndex
from whereas.search.results import DirectHit
from whereas.store import schema

MAX_PARTIAL_HITS = 10
# Part of a reference ("0249/2025", "RC-B10-0249"): a digit, no space.
_PARTIAL = re.compile(r"^(?=.*\d)[\w\-/().]{3,40}$")
_RECORD_ROLES = ("self", "procedure", "reports_on")


def direct_hits(session: Session, query: str, index: LexicalIndex) -> list[DirectHit]:
    """The records a one-word query names: exactly (any form) or, failing that, by part."""
    text = query.strip()
    if not text or any(c.isspace() for c in text) or len(text) > 300:
        return []
    found = normalise_reference(text)
    if found is not None:
        ids = record_documents(session, found.value)
        return [DirectHit(found.value, found.kind, ids, exact=True)] if ids else []
    if not _PARTIAL.match(text):
        return []
    hits = []
    for value in index.find_references(session, text, MAX_PARTIAL_HITS):
        ids = record_documents(session, value)
        if ids:
            recognised = normalise_reference(value)
            kind = recognised.kind if recognised is not None else "reference"
            hits.append(DirectHit(value, kind, ids, exact=False))
    return hits


def record_documents(session: Session, value: str) -> list[str]:
    """Ids of the documents that are, or belong to, the record `value` names."""
    ref = schema.DocumentReference
    doc = schema.Document
    by_reference = select(ref.document_id).where(ref.value == value, ref.role.in_(_RECORD_ROLES))
    by_document = select(doc.id).where(or_(doc.reference == value, doc.procedure == value))
    ids = set(session.scalars(by_reference)) | set(session.scalars(by_document))
    return sorted(ids)
