"""votes and people

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing yet: the tables of this revision are added by the work that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""
