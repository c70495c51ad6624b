"""A store built from part of the real corpus plus one hostile document, and a client on the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from whereas.api import create_app
from whereas.api.settings import WebSettings
from whereas.ingest import ingest_file, link_store
from whereas.store import Store

TOKEN = "test-token-1234"
# A news item written for these tests: a script, an event handler and a javascript: link.
HOSTILE = """---
title: "<script>alert('title')</script> Parliament resolution"
date: 2025-03-14
---
# <img src=x onerror=alert(1)> Parliament condemns

The resolution was adopted by 500 votes to 10, with 20 abstentions.
<script>document.title='owned'</script>
[read more](javascript:alert('link'))
"""
PARTS = [
    "howtheyvote",
    "press-and-news",
    "mepwatch/cards/139038.json",
    "mepwatch/cards/139038.csv",
    "mepwatch/meps-term9.csv",
]


def build_site_store(url: str, corpus: Path, extra: Path) -> None:
    """Ingest the chosen parts of the corpus and the hostile document, then link."""
    store = Store.open(url)
    try:
        paths = [corpus / part for part in PARTS]
        files = [
            p for path in paths for p in (sorted(path.rglob("*")) if path.is_dir() else [path])
        ]
        for path in [*files, extra]:
            if path.is_file():
                ingest_file(store, path)
        link_store(store)
    finally:
        store.close()


@pytest.fixture(scope="session")
def site_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a store holding part of the corpus (built once per test process)."""
    root = tmp_path_factory.mktemp("site")
    hostile = root / "hostile-news.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{root / 'site.db'}"
    build_site_store(url, corpus, hostile)
    return url


@pytest.fixture(scope="session")
def site_store(site_url: str) -> Iterator[Store]:
    """The corpus store, open."""
    store = Store.open(site_url)
    yield store
    store.close()


@pytest.fixture
def client(site_store: Store) -> Iterator[TestClient]:
    """A client on the site, ingest enabled with TOKEN, a rate limit no test reaches."""
    app = create_app(store=site_store, settings=WebSettings(api_token=TOKEN, rate_limit=100_000))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
