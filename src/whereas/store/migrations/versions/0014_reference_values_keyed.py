"""reference values keyed: storing a document's references costs the same at any size (SQLite)

Revision ID: 0014
Revises: 0013

SQLite keeps the distinct reference values in an FTS5 trigram table, so that part of a
reference finds it. Whether a document's values were already there was asked by a trigram
MATCH, which read every stored value sharing a trigram with them: the most distinctive
trigram of a reference ("249", "/20") is still held by a share of all values, so the query
grew with the store and became half of storing a document at 30,000 documents (issue 10).

The values now live in a plain table with a unique index (one B-tree lookup a value, INSERT OR
IGNORE) and search_references becomes an external-content FTS5 table over it, kept in step
by triggers. PostgreSQL indexes document_references.value itself: nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_FTS = "USING fts5(value, {content}tokenize='trigram')"
_KEYED = _FTS.format(content="content='search_reference_values', content_rowid='id', ")
_PLAIN = _FTS.format(content="")

UPGRADE = [
    "CREATE TABLE search_reference_values (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)",
    "INSERT INTO search_reference_values (value) SELECT value FROM search_references"
    " WHERE value IS NOT NULL GROUP BY value ORDER BY min(rowid)",
    # and every value a document holds (a store upgraded from before 0008 may lack some).
    "INSERT OR IGNORE INTO search_reference_values (value) SELECT value FROM document_references"
    " WHERE length(value) >= 3 ORDER BY id",
    "DROP TABLE search_references",
    f"CREATE VIRTUAL TABLE search_references {_KEYED}",
    "INSERT INTO search_references(search_references) VALUES('rebuild')",
    "CREATE TRIGGER search_reference_values_added AFTER INSERT ON search_reference_values BEGIN"
    " INSERT INTO search_references(rowid, value) VALUES (new.id, new.value); END",
    "CREATE TRIGGER search_reference_values_removed AFTER DELETE ON search_reference_values BEGIN"
    " INSERT INTO search_references(search_references, rowid, value)"
    " VALUES ('delete', old.id, old.value); END",
    "CREATE TRIGGER search_reference_values_changed AFTER UPDATE ON search_reference_values BEGIN"
    " INSERT INTO search_references(search_references, rowid, value)"
    " VALUES ('delete', old.id, old.value);"
    " INSERT INTO search_references(rowid, value) VALUES (new.id, new.value); END",
]

DOWNGRADE = [
    "DROP TRIGGER search_reference_values_changed",
    "DROP TRIGGER search_reference_values_removed",
    "DROP TRIGGER search_reference_values_added",
    f"CREATE VIRTUAL TABLE search_references_plain {_PLAIN}",
    "INSERT INTO search_references_plain (value) SELECT value FROM search_reference_values"
    " ORDER BY id",
    "DROP TABLE search_references",
    "ALTER TABLE search_references_plain RENAME TO search_references",
    "DROP TABLE search_reference_values",
]


def upgrade() -> None:
    """SQLite: the values in a keyed table, the trigram index over it."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    """SQLite: the values back in a plain FTS5 table of their own."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in DOWNGRADE:
            op.execute(statement)
