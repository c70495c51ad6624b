"""exports and imports

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing yet: the tables of this revision are added by the work that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""
