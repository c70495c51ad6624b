"""search index: FTS5 (SQLite) or tsvector + GIN and pg_trgm (PostgreSQL)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ENTRY_COLUMNS = """
    document_id VARCHAR(64) NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id INTEGER,
    entry TEXT NOT NULL,
    kind TEXT NOT NULL,
    clause_kind TEXT,
    language TEXT,
    date DATE,
    year INTEGER"""

SQLITE = [
    f"CREATE TABLE search_entries (id INTEGER PRIMARY KEY,{_ENTRY_COLUMNS})",
    "CREATE INDEX ix_search_entries_document ON search_entries (document_id)",
    # Terms are made in Python (whereas.search.text): the tokenizer only splits on the spaces.
    "CREATE VIRTUAL TABLE search_fts USING fts5(terms, tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE search_references USING fts5(value, tokenize='trigram')",
]
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE search_entries (id BIGSERIAL PRIMARY KEY,{_ENTRY_COLUMNS},"
    " terms TSVECTOR NOT NULL)",
    "CREATE INDEX ix_search_entries_document ON search_entries (document_id)",
    "CREATE INDEX ix_search_entries_terms ON search_entries USING gin (terms)",
    "CREATE INDEX ix_document_references_value_trgm ON document_references"
    " USING gin (value gin_trgm_ops)",
]


def upgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        op.execute(statement)
    # Stores made before the index get their documents indexed by 0007 (with its columns).


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_references")
        op.execute("DROP TABLE search_fts")
    else:
        op.execute("DROP INDEX ix_document_references_value_trgm")
    op.execute("DROP TABLE search_entries")
