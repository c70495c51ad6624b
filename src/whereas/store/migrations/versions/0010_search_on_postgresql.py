"""search on PostgreSQL: repeat markers in the tsvector, an HNSW index per vector model

Revision ID: 0010
Revises: 0009

PostgreSQL only (nothing changes on SQLite):
- the tsvector of each entry gets a marker lexeme for each word it holds more than once, with
  the count (`_3child`), which the ranking of broad queries finds its candidates by
  (whereas.search.pg_rank): the index is rebuilt from the stored documents and clauses;
- with pgvector, an expression index `embedding::vector(D)` (HNSW, vector_ip_ops), partial on
  the model and dimension, for each (model, dimension) clause_vectors holds
  (whereas.search.vector_index). Vectors of a new (model, dimension) get theirs from
  `embed_entries`.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.orm import Session

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from whereas.search.index import reindex_all
    from whereas.search.vector_index import ensure_vector_indexes

    session = Session(bind=bind)
    reindex_all(session)
    ensure_vector_indexes(session)
    session.flush()


def downgrade() -> None:
    # The repeat markers stay: they start with "_" and a digit, which no query word or label
    # term can, and nothing before this revision looks for them.
    if op.get_bind().dialect.name != "postgresql":
        return
    names = op.get_bind().execute(
        text("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_clause_vectors_hnsw_%'")
    )
    for (name,) in names.all():
        op.execute(f"DROP INDEX {name}")
