"""Ranked index entries made into hits: their clause or document, its record, a snippet."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.backend import Ranked
from whereas.search.plan import PhraseTerms, Terms
from whereas.search.results import SearchHit
from whereas.search.snippet import snippet
from whereas.search.tables import search_entries as e
from whereas.store import schema


def make_hits(
    session: Session, ranked: list[Ranked], leaves: list[Terms | PhraseTerms]
) -> list[SearchHit]:
    """One hit per ranked entry, in rank order."""
    if not ranked:
        return []
    ids = [r.entry_id for r in ranked]
    entries = {row.id: row for row in session.execute(select(e).where(e.c.id.in_(ids)))}
    doc_ids = {row.document_id for row in entries.values()}
    clause_ids = {row.clause_id for row in entries.values() if row.clause_id is not None}
    documents = {
        d.id: d
        for d in session.scalars(select(schema.Document).where(schema.Document.id.in_(doc_ids)))
    }
    clauses = {
        c.id: c
        for c in session.scalars(select(schema.Clause).where(schema.Clause.id.in_(clause_ids)))
    }
    hits = []
    for item in ranked:
        entry = entries.get(item.entry_id)
        document = documents.get(entry.document_id) if entry is not None else None
        if entry is None or document is None:
            continue
        clause = clauses.get(entry.clause_id) if entry.clause_id is not None else None
        hits.append(_hit(entry.entry, document, clause, item.score, leaves))
    return hits


def _hit(
    entry: str,
    document: schema.Document,
    clause: schema.Clause | None,
    score: float,
    leaves: list[Terms | PhraseTerms],
) -> SearchHit:
    text = clause.text if clause is not None else document.body or document.title or ""
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
