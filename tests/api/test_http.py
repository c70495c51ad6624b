"""HTTP behaviour: ETags and 304, CORS for reads, the CSP, terms of reuse, the rate limit."""

from __future__ import annotations

from fastapi.testclient import TestClient

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.store import Store


def test_conditional_get_answers_304_for_a_known_etag(client: TestClient) -> None:
    first = client.get("/api/procedures?limit=3")
    etag = first.headers["etag"]
    assert etag.startswith('"') and client.get("/api/procedures?limit=3").headers["etag"] == etag
    again = client.get("/api/procedures?limit=3", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/procedures?limit=4", headers={"If-None-Match": etag})
    assert other.status_code == 200
    assert (
        client.get("/", headers={"If-None-Match": client.get("/").headers["etag"]}).status_code
        == 304
    )


def test_cors_allows_reads_from_any_origin(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/api/stats",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    refused = client.options(
        "/api/ingest",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert refused.status_code == 400


def test_every_answer_has_a_strict_csp_and_the_terms(client: TestClient) -> None:
    for url in ("/", "/api/stats", "/api/nowhere", "/procedures"):
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert 'rel="license"' in response.headers["link"]
    assert "script-src 'self';" in client.get("/api/docs").headers["content-security-policy"]


def test_rate_limit_answers_429_with_retry_after(site_store: Store) -> None:
    app = create_app(store=site_store, settings=WebSettings(rate_limit=3))
    with TestClient(app) as limited:
        statuses = [limited.get("/api/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = limited.get("/api/stats")
        assert response.status_code == 429
        assert 1 <= int(response.headers["retry-after"]) <= 60
        assert response.json()["error"]["code"] == "rate_limited"
        assert limited.get("/static/site.css").status_code == 200  # static files are not counted
