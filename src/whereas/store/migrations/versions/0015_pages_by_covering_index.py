"""pages by covering index: report linking and claims read their pages from an index alone

Revision ID: 0015
Revises: 0014

Report linking pages through every document's id and kind to find the secondary sources; by the
primary key's index each row was a read of the documents table, whose rows (bodies, headers) are
scattered once the store outgrows the page cache: 0.9 us a document at 10,000 documents, 36 us at
100,000. Claims read the sources with reports_on references by scanning document_references in
document order. Both now read a covering index, in key order (issue 10).
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index documents by (id, kind) and references by (role, document_id)."""
    op.create_index("ix_documents_id_kind", "documents", ["id", "kind"])
    op.create_index("ix_document_references_role", "document_references", ["role", "document_id"])


def downgrade() -> None:
    """Drop the two indexes."""
    op.drop_index("ix_document_references_role", table_name="document_references")
    op.drop_index("ix_documents_id_kind", table_name="documents")
