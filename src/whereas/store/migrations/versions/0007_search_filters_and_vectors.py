"""search filters, facets and vectors: label columns on search_entries, pgvector on PostgreSQL

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_COLUMNS = [
    "procedure_type TEXT",
    "countries TEXT",
    "groups TEXT",
    "verbs TEXT",
    "addressees TEXT",
    "themes TEXT",
    "text_hash VARCHAR(64)",
]
# clause_vectors.vector holds little-endian float32 bytes (whereas.embed); pgvector needs its own
# type, so a generated column decodes the bytes once per row, whoever writes it. PostgreSQL gives
# | and << the same precedence: every shift is parenthesised.
_FLOAT4_VECTOR = """
CREATE OR REPLACE FUNCTION whereas_float4_vector(raw bytea) RETURNS vector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT array_agg(
    CASE WHEN ((bits >> 23) & 255) = 0 THEN 0::float8
    ELSE (1 - 2 * (bits >> 31))::float8 * (1 + (bits & 8388607) / 8388608.0::float8)
         * power(2::float8, ((bits >> 23) & 255) - 127) END
    ORDER BY i)::real[]::vector
FROM (SELECT i, get_byte(raw, 4 * i)::bigint | (get_byte(raw, 4 * i + 1)::bigint << 8)
             | (get_byte(raw, 4 * i + 2)::bigint << 16) | (get_byte(raw, 4 * i + 3)::bigint << 24)
             AS bits
      FROM generate_series(0, length(raw) / 4 - 1) AS i) AS words
$$"""
_PGVECTOR = [
    "CREATE EXTENSION IF NOT EXISTS vector",
    _FLOAT4_VECTOR,
    "ALTER TABLE clause_vectors ADD COLUMN embedding vector"
    " GENERATED ALWAYS AS (whereas_float4_vector(vector)) STORED",
]


def upgrade() -> None:
    bind = op.get_bind()
    for column in _COLUMNS:
        op.execute(f"ALTER TABLE search_entries ADD COLUMN {column}")
    op.execute("CREATE INDEX ix_search_entries_text_hash ON search_entries (text_hash)")
    if bind.dialect.name == "postgresql" and _has_pgvector():
        for statement in _PGVECTOR:
            op.execute(statement)
    # Entries made before this revision get their labels and vector keys from 0008, which
    # rebuilds the whole index (the index code is the newest: it writes 0008's tables).


def _has_pgvector() -> bool:
    query = text("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
    return op.get_bind().execute(query).first() is not None


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE clause_vectors DROP COLUMN IF EXISTS embedding")
        op.execute("DROP FUNCTION IF EXISTS whereas_float4_vector(bytea)")
    op.execute("DROP INDEX ix_search_entries_text_hash")
    for column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE search_entries DROP COLUMN {column.split()[0]}")
