"""A purged document is not stored again when the same file is ingested later."""

from __future__ import annotations

from pathlib import Path

from whereas.curation.takedown import purge
from whereas.ingest import ingest_file
from whereas.store import Store


def test_reingesting_a_purged_file_is_refused(database_url: str, corpus: Path) -> None:
    path = corpus / "press-and-news" / "pirati-cz-2022-01-20-kazakhstan-resolution.md"
    store = Store.open(database_url)
    first = ingest_file(store, path)
    assert first.status == "added" and first.document_id
    purge(store, first.document_id, "admin", "takedown request")
    again = ingest_file(store, path)
    assert again.status == "rejected"
    assert again.reason and "purged from this store" in again.reason
    store.close()
