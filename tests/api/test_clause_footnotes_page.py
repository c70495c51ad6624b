"""The document page and its JSON show each clause's footnotes under it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.store.footnote_pages import CITED_NOTES, citing_page

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.ingest import ingest_paths
from whereas.store import Store


@pytest.fixture
def footnoted(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    page = tmp_path / "cites.html"
    page.write_bytes(citing_page())
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    document_id = ingest_paths(store, [page])[0].document_id
    assert document_id is not None
    app = create_app(store=store, settings=WebSettings(rate_limit=100_000))
    with TestClient(app) as client:
        yield client, document_id
    store.close()


def test_the_clause_view_numbers_its_footnotes(footnoted: tuple[TestClient, str]) -> None:
    client, document_id = footnoted
    page = client.get(f"/documents/{document_id}")
    assert page.status_code == 200
    assert page.text.count('<ol class="footnotes"') == 2
    assert f"<li>{CITED_NOTES[0]}</li>" in page.text
    data = client.get(f"/api/documents/{document_id}").json()
    clauses = data["data"]["clauses"]
    assert [c["footnotes"] for c in clauses] == [[CITED_NOTES[0]], [CITED_NOTES[1]], []]
