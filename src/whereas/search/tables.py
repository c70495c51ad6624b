"""The search index's own table, as migrations 0002 and 0007 make it (terms live per dialect)."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text

metadata = MetaData()

# One row per indexed clause or document; SQLite keeps the terms in the FTS5 table search_fts
# (rowid = id), PostgreSQL in this table's tsvector column `terms`. The multi-valued filter columns
# (countries ... themes) hold "|a|b|" so that one LIKE finds a value on both databases.
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
    # Migration 0007: filters and facets, and the key of the entry's vector in clause_vectors.
    Column("procedure_type", Text),  # RSP, INI, ... from the procedure reference
    Column("countries", Text),  # alpha-2, lower case: what the document is about
    Column("groups", Text),  # group codes that tabled the document
    Column("verbs", Text),
    Column("addressees", Text),
    Column("themes", Text),
    Column("text_hash", String(64)),  # whereas.embed.text_hash of the text embedded
)

MULTI_VALUED = ("countries", "groups", "verbs", "addressees", "themes")
