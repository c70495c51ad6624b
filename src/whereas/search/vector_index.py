"""HNSW indexes over clause_vectors.embedding on PostgreSQL, one per (model, dimension).

The generated `embedding` column (migration 0007) is an untyped `vector`: pgvector indexes only a
fixed dimension, so each index is on the expression `embedding::vector(D)`, partial on the model
and the dimension, with the inner-product operator class (the search orders by `<#>`). They are
made by migration 0009 for the vectors a store already holds and by `embed_entries` after it
stores vectors of a new (model, dimension), once the rows are in: building over the rows is
faster than growing the graph a row at a time, and a build takes a SHARE lock, which must not be
taken in the middle of ingest transactions that insert vectors concurrently. Until an index
exists the search scans every vector (exact), so a search never depends on one.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.orm import Session

MAX_INDEXED_DIM = 2000  # pgvector's HNSW indexes vectors of at most this many dimensions
M = 16  # pgvector's defaults: neighbours per node, and candidates kept while building
EF_CONSTRUCTION = 64
BUILD_MEMORY = "1GB"  # maintenance_work_mem for a build: the graph of 100,000 vectors of 384
# dimensions takes about 200 MB, and a build that outgrows the setting goes on much more slowly
_present: set[tuple[str, str, int]] = set()


def vector_index_name(model: str, dim: int) -> str:
    """The index of one (model, dimension): a model id may hold any character."""
    digest = hashlib.sha1(model.encode("utf-8")).hexdigest()[:12]
    return f"ix_clause_vectors_hnsw_{digest}_{dim}"


def sql_string(value: str) -> str:
    """A string literal for SQL text (the index's predicate and the query that must match it)."""
    return "'" + value.replace("'", "''") + "'"


def has_vector_index(session: Session, model: str, dim: int) -> bool:
    """Whether the HNSW index of (model, dim) exists (an existing one is remembered)."""
    key = (session.get_bind().engine.url.render_as_string(), model, dim)
    if key in _present:
        return True
    found = session.execute(
        text("SELECT 1 FROM pg_class WHERE relname = :name AND relkind = 'i'"),
        {"name": vector_index_name(model, dim)},
    ).first()
    if found is not None:
        _present.add(key)
    return found is not None


def ensure_vector_indexes(session: Session) -> list[str]:
    """Create the missing HNSW index of every (model, dimension) clause_vectors holds; the names
    of those created. Nothing on SQLite or without pgvector's column."""
    from whereas.search.pgvector import has_pgvector

    if not has_pgvector(session):
        return []
    pairs = session.execute(text("SELECT DISTINCT model, dim FROM clause_vectors")).all()
    created = []
    for model, dim in sorted(pairs):
        if 0 < dim <= MAX_INDEXED_DIM and not has_vector_index(session, model, dim):
            session.execute(text(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'"))
            session.execute(text(_create_statement(model, dim)))
            created.append(vector_index_name(model, dim))
    return created


def _create_statement(model: str, dim: int) -> str:
    return (
        f"CREATE INDEX IF NOT EXISTS {vector_index_name(model, dim)} ON clause_vectors"
        f" USING hnsw ((embedding::vector({dim})) vector_ip_ops)"
        f" WITH (m = {M}, ef_construction = {EF_CONSTRUCTION})"
        f" WHERE model = {sql_string(model)} AND dim = {dim}"
    )
