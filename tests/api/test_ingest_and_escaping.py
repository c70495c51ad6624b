"""Ingest through the API with a token; a hostile document is shown as text, never run."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

AUTH = {"Authorization": "Bearer test-token-1234"}  # the TOKEN of conftest.py
PAYLOAD = b"""---
title: "Uploaded <script>alert(42)</script> note"
date: 2025-05-09
---
Parliament adopted the resolution by 516 votes to 3, with 34 abstentions.
<a href="javascript:alert(7)">click</a> <svg onload=alert(8)>
"""


def test_ingest_needs_the_token(client: TestClient) -> None:
    wrong = client.post(
        "/api/ingest", files={"file": ("n.md", PAYLOAD)}, headers={"Authorization": "Bearer no"}
    )
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"


def test_ingested_payload_is_escaped_on_its_page(writable_client: TestClient) -> None:
    client = writable_client
    response = client.post("/api/ingest", files={"file": ("note.md", PAYLOAD)}, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()["data"]
    assert result["status"] in {"added", "unchanged"} and result["id"]
    page = client.get(f"/documents/{result['id']}")
    assert page.status_code == 200
    assert "<script>alert(42)" not in page.text
    assert "&lt;script&gt;alert(42)&lt;/script&gt;" in page.text
    assert 'href="javascript:' not in page.text and "<svg onload" not in page.text
    assert (
        client.post("/api/ingest", files={"file": ("note.md", PAYLOAD)}, headers=AUTH).json()[
            "data"
        ]["status"]
        == "unchanged"
    )


def test_the_corpus_hostile_news_is_text_everywhere(client: TestClient) -> None:
    listing = client.get("/api/documents?kind=news&limit=100").json()["data"]["items"]
    hostile = next(d for d in listing if "alert('title')" in (d["title"] or ""))
    for url in (f"/documents/{hostile['id']}", "/documents?kind=news", "/search?q=owned"):
        text = client.get(url).text
        assert "<script>alert" not in text and "<script>document" not in text, url
        assert "<img src=x" not in text, url
        assert not re.search(r"href=\"javascript:", text), url
    assert (
        "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"
        in client.get(f"/documents/{hostile['id']}").text
    )
