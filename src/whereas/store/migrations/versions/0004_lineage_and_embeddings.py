"""lineage and embeddings

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Keyed by text hash so that one text shared by several containers is embedded once; a
    # bytea/BLOB of float32 on both databases for now (a pgvector column can be added later).
    op.create_table(
        "clause_vectors",
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("model", sa.Text(), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("text_hash", "model"),
    )
    # Lineage and repeats are replaced per method on every run: find them by method fast.
    op.create_index("ix_links_method", "links", ["method"])


def downgrade() -> None:
    op.drop_index("ix_links_method", table_name="links")
    op.drop_table("clause_vectors")
