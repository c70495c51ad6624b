"""Ingest by URL through the API: token-gated, fetched by the polite client (respx, no network)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import respx
from fastapi.testclient import TestClient
from tests.api.site_store import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PRESS = "text-dumps/press-release_20250204IPR26689.txt"  # not in the shared store
URL = "https://www.europarl.europa.eu/news/en/press-room/20250204IPR26689/copied-text"


@pytest.fixture(autouse=True)
def _fetch_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A private cache and one attempt per URL (no backoff waits in tests)."""
    monkeypatch.setenv("WHEREAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("WHEREAS_FETCH_MAX_ATTEMPTS", "1")


def test_a_url_is_fetched_ingested_and_shown(writable_client: TestClient, corpus: Path) -> None:
    raw = (corpus / PRESS).read_bytes()
    with respx.mock(assert_all_called=True) as ep:
        route = ep.get(URL).mock(
            return_value=httpx.Response(200, content=raw, headers={"content-type": "text/plain"})
        )
        response = writable_client.post("/api/ingest/url", json={"url": URL}, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()["data"]
    assert (result["status"], result["kind"]) == ("added", "press_release")
    assert result["url"] == URL and route.calls.last.request.headers["user-agent"].startswith(
        "whereas"
    )
    page = writable_client.get(f"/documents/{result['id']}")
    assert page.status_code == 200 and URL in page.text


def test_a_url_that_cannot_be_fetched_is_a_502_in_the_error_shape(
    writable_client: TestClient,
) -> None:
    missing = "https://www.europarl.europa.eu/doceo/document/TA-10-2099-0001_EN.html"
    with respx.mock(assert_all_called=True) as ep:
        ep.get(missing).mock(return_value=httpx.Response(404))
        response = writable_client.post("/api/ingest/url", json={"url": missing}, headers=AUTH)
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "fetch_failed"


def test_url_ingest_needs_the_token_and_an_http_url(writable_client: TestClient) -> None:
    with respx.mock(assert_all_called=False) as ep:
        ep.route().mock(return_value=httpx.Response(500))
        no_token = writable_client.post("/api/ingest/url", json={"url": URL})
        assert no_token.status_code == 401
        for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x"):
            refused = writable_client.post("/api/ingest/url", json={"url": bad}, headers=AUTH)
            assert refused.status_code == 422, bad
        assert not ep.calls
