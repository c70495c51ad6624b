"""clause footnotes: their bodies on the clause, the identifiers they name as references

Revision ID: 0009
Revises: 0008

clauses.footnotes holds a clause's footnotes in marker order ("OJ C 117, 11.3.2022, p. 109.",
"Texts adopted, P9_TA(2022)0012."); NULL on clauses stored before this revision (their markers
are still in their text). document_references.clause_position says which clause's footnote named
a reference (role "footnote"); NULL for every other reference.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add clauses.footnotes and document_references.clause_position (both nullable)."""
    op.add_column("clauses", sa.Column("footnotes", sa.JSON(), nullable=True))
    op.add_column("document_references", sa.Column("clause_position", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the footnote references, then both columns."""
    op.execute("DELETE FROM document_references WHERE role = 'footnote'")
    op.drop_column("document_references", "clause_position")
    op.drop_column("clauses", "footnotes")
