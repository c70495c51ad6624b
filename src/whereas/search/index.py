"""Keeping the search index in step with the store, in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.backend import EntryRow, lexical_index
from whereas.search.text import index_terms
from whereas.store import schema


def index_document(session: Session, document_id: str) -> None:
    """Index one stored document's body and clauses (again, if it was indexed before)."""
    session.flush()  # the writer's pending clauses and references must be visible
    index = lexical_index(session)
    index.delete(session, document_id)
    document = session.get(schema.Document, document_id)
    if document is None:
        return
    index.write(session, _entry_rows(session, document))
    references = select(schema.DocumentReference.value).where(
        schema.DocumentReference.document_id == document_id
    )
    index.add_references(session, list(session.scalars(references)))


def remove_document(session: Session, document_id: str) -> None:
    """Drop one document's entries (call it before deleting the document)."""
    lexical_index(session).delete(session, document_id)


def reindex_all(session: Session) -> int:
    """Rebuild the whole index from the store; the number of documents indexed."""
    lexical_index(session).clear(session)
    ids = list(session.scalars(select(schema.Document.id).order_by(schema.Document.id)))
    for document_id in ids:
        index_document(session, document_id)
    return len(ids)


def _entry_rows(session: Session, document: schema.Document) -> list[EntryRow]:
    language = document.language
    rows: list[EntryRow] = []
    title = document.title or ""
    body_terms = index_terms(f"{title}\n{document.body}" if title else document.body, language)
    if body_terms:
        rows.append(_row(document, None, "document", None, body_terms))
    clauses = select(schema.Clause).where(schema.Clause.document_id == document.id)
    for clause in session.scalars(clauses.order_by(schema.Clause.position)):
        terms = index_terms(clause.text, language)
        if terms:
            rows.append(_row(document, clause.id, "clause", clause.kind, terms))
    return rows


def _row(
    document: schema.Document,
    clause_id: int | None,
    entry: str,
    clause_kind: str | None,
    terms: list[str],
) -> EntryRow:
    return EntryRow(
        document_id=document.id,
        clause_id=clause_id,
        entry=entry,
        kind=document.kind,
        clause_kind=clause_kind,
        language=document.language,
        date=document.date,
        terms=terms,
    )
