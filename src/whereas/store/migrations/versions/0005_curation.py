"""curation: review decisions, the audit log, accounts, hidden and purged documents

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SHA = sa.String(length=64)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the curation tables (nothing existing changes)."""
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("document_id", SHA, nullable=True),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("machine_value", sa.JSON(), nullable=True),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("decided_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_decisions_item_key", "review_decisions", ["item_key"])
    op.create_index("ix_review_decisions_document_id", "review_decisions", ["document_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("document_id", SHA, nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_document_id", "audit_log", ["document_id"])
    op.create_table(
        "accounts",
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    for table, prefix in (("hidden_documents", "hidden"), ("purged_documents", "purged")):
        op.create_table(
            table,
            sa.Column("document_id", SHA, nullable=False),
            sa.Column(f"{prefix}_by", sa.Text(), nullable=False),
            sa.Column(f"{prefix}_at", WHEN, nullable=False),
            sa.Column("reason", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("document_id"),
        )


def downgrade() -> None:
    """Drop the curation tables."""
    for table in ("purged_documents", "hidden_documents", "accounts"):
        op.drop_table(table)
    op.drop_index("ix_audit_log_document_id", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_review_decisions_document_id", table_name="review_decisions")
    op.drop_index("ix_review_decisions_item_key", table_name="review_decisions")
    op.drop_table("review_decisions")
