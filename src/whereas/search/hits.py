"""Ranked index entries made into hits: their clause or document, its record, a snippet."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.backend import Ranked
from whereas.search.plan import PhraseTerms, Terms
from whereas.search.results import SearchHit
from whereas.search.snippet import snippet
from whereas.search.tables import search_entries as e
from whereas.store import schema

# Only the columns a hit shows: loading whole ORM records (JSON headers, warnings) took most of
# the time of making a page of hits.
_D = schema.Document
_C = schema.Clause
_DOCUMENT = (_D.id, _D.kind, _D.reference, _D.procedure, _D.title, _D.date, _D.language)
_CLAUSE = (_C.id, _C.kind, _C.label, _C.text)


def make_hits(
    session: Session, ranked: list[Ranked], leaves: list[Terms | PhraseTerms]
) -> list[SearchHit]:
    """One hit per ranked entry, in rank order."""
    if not ranked:
        return []
    ids = [r.entry_id for r in ranked]
    entries = {
        row.id: row
        for row in session.execute(
            select(e.c.id, e.c.document_id, e.c.clause_id).where(e.c.id.in_(ids))
        )
    }
    doc_ids = {row.document_id for row in entries.values()}
    clause_ids = {row.clause_id for row in entries.values() if row.clause_id is not None}
    documents = {d.id: d for d in session.execute(select(*_DOCUMENT).where(_D.id.in_(doc_ids)))}
    clauses = {c.id: c for c in session.execute(select(*_CLAUSE).where(_C.id.in_(clause_ids)))}
    # A document entry's snippet is cut from its body, read only for those documents.
    wholes = {row.document_id for row in entries.values() if row.clause_id not in clauses}
    bodies = _bodies(session, wholes)
    hits = []
    for item in ranked:
        entry = entries.get(item.entry_id)
        document = documents.get(entry.document_id) if entry is not None else None
        if entry is None or document is None:
            continue
        clause = clauses.get(entry.clause_id) if entry.clause_id is not None else None
        text = clause.text if clause is not None else bodies.get(document.id) or document.title
        hits.append(_hit(document, clause, text or "", item.score, leaves))
    return hits


def _bodies(session: Session, document_ids: set[str]) -> dict[str, str]:
    if not document_ids:
        return {}
    rows = session.execute(select(_D.id, _D.body).where(_D.id.in_(document_ids)))
    return {row.id: row.body for row in rows}


def _hit(
    document: Any,  # a row of _DOCUMENT
    clause: Any,  # a row of _CLAUSE, or None
    text: str,
    score: float,
    leaves: list[Terms | PhraseTerms],
) -> SearchHit:
    return SearchHit(
        entry="clause" if clause is not None else "document",
        document_id=document.id,
        clause_id=clause.id if clause is not None else None,
        kind=document.kind,
        clause_kind=clause.kind if clause is not None else None,
        label=clause.label if clause is not None else None,
        reference=document.reference,
        procedure=document.procedure,
        title=document.title,
        date=document.date,
        language=document.language,
        snippet=snippet(text, document.language, leaves),
        score=score,
    )
