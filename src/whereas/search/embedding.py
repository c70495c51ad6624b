"""Vectors for indexed entries that have none yet, made with an Embedder and kept in the store."""

from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from whereas.embed import Embedder, text_hash, vectors_for
from whereas.search.labels import document_passage
from whereas.search.matrix_cache import index_changed
from whereas.search.tables import search_entries as e
from whereas.search.vector_index import ensure_vector_indexes
from whereas.store import schema

BATCH = 256


def embed_entries(session: Session, embedder: Embedder, limit: int | None = None) -> int:
    """Embed the clause texts and document passages with no vector under `embedder.model`."""
    v = schema.ClauseVector.__table__
    missing = (
        select(e.c.document_id, e.c.clause_id, e.c.text_hash)
        .select_from(
            e.outerjoin(v, and_(v.c.text_hash == e.c.text_hash, v.c.model == embedder.model))
        )
        .where(v.c.text_hash.is_(None), e.c.text_hash.is_not(None))
        .order_by(e.c.id)
        .limit(limit)
    )
    texts: dict[str, str] = {}
    for document_id, clause_id, key in session.execute(missing).all():
        if key not in texts:
            text = _text(session, document_id, clause_id)
            if text is not None and text_hash(text) == key:
                texts[key] = text
    values = list(texts.values())
    for start in range(0, len(values), BATCH):
        vectors_for(session, values[start : start + BATCH], embedder)
    if values:  # on PostgreSQL, an HNSW index for a new (model, dimension), over its rows
        ensure_vector_indexes(session)
    index_changed()
    return len(values)


def _text(session: Session, document_id: str, clause_id: int | None) -> str | None:
    if clause_id is not None:
        clause = session.get(schema.Clause, clause_id)
        return clause.text if clause is not None else None
    document = session.get(schema.Document, document_id)
    return document_passage(document) if document is not None else None
