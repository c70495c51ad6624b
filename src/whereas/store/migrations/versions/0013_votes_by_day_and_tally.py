"""votes by day and by tally: report linking finds a source's procedures by its votes

Revision ID: 0013
Revises: 0012

A press release naming no procedure is linked to a procedure voted on its day (or in the
fortnight before it) or with the tally it states; link/reports.py reads those votes by their day
and by their votes in favour, not every procedure's evidence, so each source costs the same
whatever the number of procedures and votes stored (issue 10).
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index votes by day and by votes in favour."""
    op.create_index("ix_votes_date", "votes", ["date"])
    op.create_index("ix_votes_for", "votes", ["for"])


def downgrade() -> None:
    """Drop both indexes."""
    op.drop_index("ix_votes_for", table_name="votes")
    op.drop_index("ix_votes_date", table_name="votes")
