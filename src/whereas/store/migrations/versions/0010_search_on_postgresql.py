"""search on PostgreSQL: an HNSW index per vector model

Revision ID: 0010
Revises: 0009

PostgreSQL only (nothing changes on SQLite):
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
    from whereas.search.vector_index import ensure_vector_indexes

    session = Session(bind=bind)
    ensure_vector_indexes(session)
    session.flush()


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    names = op.get_bind().execute(
        text("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_clause_vectors_hnsw_%'")
    )
    for (name,) in names.all():
        op.execute(f"DROP INDEX {name}")
