"""A document a curator hid is not served on the public side, and comes back when unhidden."""

from __future__ import annotations

from pathlib import Path

from whereas.curation.takedown import hide_document
from whereas.ingest import ingest_file
from whereas.store import Store
from whereas.views.documents import find_document, list_documents


def test_a_hidden_document_is_neither_found_nor_listed(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    doc_id = ingest_file(store, corpus / "howtheyvote" / "press-release_20250204IPR26689.html")
    assert doc_id.document_id
    with store.session() as session:
        assert find_document(session, doc_id.document_id[:12]) is not None
        hide_document(session, doc_id.document_id, "admin", "under review")
    with store.session() as session:
        assert find_document(session, doc_id.document_id) is None
        assert find_document(session, doc_id.document_id[:12]) is None
        assert list_documents(session, limit=10, offset=0).total == 0
    store.close()
