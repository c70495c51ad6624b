"""votes by day and by tally: report linking finds a source's procedures by its votes

Revision ID: 0013
Revises: 0012

A press release naming no procedure is linked to a procedure voted on its day (or in the
fortnight before it) or with the tally it states; link/reports.py reads those votes by their day
and by the figures of their tally, not every procedure's evidence, so each source costs the same
whatever the number of procedures and votes stored (issue 10).
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index votes by day and by each figure a source may state alone."""
    op.create_index("ix_votes_date", "votes", ["date"])
    op.create_index("ix_votes_for", "votes", ["for"])
    op.create_index("ix_votes_against", "votes", ["against"])
    op.create_index("ix_votes_abstentions", "votes", ["abstentions"])


def downgrade() -> None:
    """Drop the four indexes."""
    op.drop_index("ix_votes_abstentions", table_name="votes")
    op.drop_index("ix_votes_against", table_name="votes")
    op.drop_index("ix_votes_for", table_name="votes")
    op.drop_index("ix_votes_date", table_name="votes")
