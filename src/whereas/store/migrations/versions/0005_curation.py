"""curation

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing yet: the tables of this revision are added by the work that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""
