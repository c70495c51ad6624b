"""The search index's own table, as migration 0002 creates it (terms live per dialect beside it)."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text

metadata = MetaData()

# One row per indexed clause or document; SQLite keeps the terms in the FTS5 table search_fts
# (rowid = id), PostgreSQL in this table's tsvector column `terms`.
search_entries = Table(
    "search_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", String(64), nullable=False),
    Column("clause_id", Integer),
    Column("entry", Text, nullable=False),  # clause | document
    Column("kind", Text, nullable=False),  # the document's kind
    Column("clause_kind", Text),  # citation | recital | paragraph | point
    Column("language", Text),
    Column("date", Date),
    Column("year", Integer),
)
