"""votes and people: what vote lists state beside the tally, voting ids, supersession, name issues

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_VOTE_COLUMNS = ("author", "amendment", "clause_kind", "title")


def upgrade() -> None:
    """Add the vote details, voting ids, supersession and the name-issue table."""
    for name in _VOTE_COLUMNS:
        op.add_column("votes", sa.Column(name, sa.Text(), nullable=True))
    op.add_column("votes", sa.Column("flags", sa.JSON(), nullable=True))
    op.add_column("member_votes", sa.Column("mep_id", sa.Text(), nullable=True))
    op.add_column("people", sa.Column("mep_id", sa.Text(), nullable=True))
    op.add_column("people", sa.Column("flags", sa.JSON(), nullable=True))
    op.create_index("ix_people_mep_id", "people", ["mep_id"])
    op.add_column("documents", sa.Column("superseded_by", sa.String(length=64), nullable=True))
    op.create_index("ix_documents_superseded_by", "documents", ["superseded_by"])
    op.create_table(
        "person_name_issues",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_name_issues_document", "person_name_issues", ["document_id"])


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_index("ix_person_name_issues_document", "person_name_issues")
    op.drop_table("person_name_issues")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_superseded_by")
        batch.drop_column("superseded_by")
    with op.batch_alter_table("people") as batch:
        batch.drop_index("ix_people_mep_id")
        batch.drop_column("flags")
        batch.drop_column("mep_id")
    with op.batch_alter_table("member_votes") as batch:
        batch.drop_column("mep_id")
    with op.batch_alter_table("votes") as batch:
        for name in (*_VOTE_COLUMNS, "flags"):
            batch.drop_column(name)
