"""lineage and embeddings

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing yet: the tables of this revision are added by the work that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""
