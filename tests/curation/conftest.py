"""A small corpus store with two accounts, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from whereas.curation.accounts import add_account
from whereas.ingest import ingest_file, link_store
from whereas.store import Store

SUBSET = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/oeil-procedure-file_2021-2540-rsp.html",
    "howtheyvote/oeil-document-summary_1651118.html",
    "howtheyvote/press-release_20250204IPR26689.html",
]
PASSWORD = "correct horse battery"


def ingest_subset(store: Store, corpus: Path) -> None:
    """Ingest the subset and link the store."""
    for part in SUBSET:
        ingest_file(store, corpus / part)
    link_store(store)


@pytest.fixture
def curated(database_url: str, corpus: Path) -> Iterator[Store]:
    """The subset in a fresh store, an admin `ada` and a reviewer `rita`."""
    store = Store.open(database_url)
    ingest_subset(store, corpus)
    with store.session() as session:
        add_account(session, "ada", PASSWORD, "admin")
        add_account(session, "rita", PASSWORD, "reviewer")
    yield store
    store.close()
