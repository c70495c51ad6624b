"""search label terms and length-ordered ids: filters inside the full-text match

Revision ID: 0008
Revises: 0007

SQLite: search_fts gets a second column, `labels` (an entry's label terms, weight 0 in BM25), and
entry ids (= FTS5 rowids) are ordered by length (whereas.search.sqlite.entry_id); search_state
holds the next sequence number. PostgreSQL: the label terms join the words in the tsvector.
Both rebuild the index from the stored documents and clauses (it holds nothing else).
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_FTS = "fts5({columns}, tokenize='unicode61 remove_diacritics 0')"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
        op.execute(f"CREATE VIRTUAL TABLE search_fts USING {_FTS.format(columns='terms, labels')}")
        op.execute("CREATE TABLE search_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    from whereas.search.index import reindex_all

    session = Session(bind=bind)
    reindex_all(session, references=False)  # search_references is 0002's, refilled by 0014
    session.flush()


def downgrade() -> None:
    # PostgreSQL keeps the label lexemes: they start with "_", which no query word can.
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE search_fts_old USING {_FTS.format(columns='terms')}")
    op.execute("INSERT INTO search_fts_old(rowid, terms) SELECT rowid, terms FROM search_fts")
    op.execute("DROP TABLE search_fts")
    op.execute("ALTER TABLE search_fts_old RENAME TO search_fts")
    op.execute("DROP TABLE search_state")
