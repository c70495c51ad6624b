"""The shared corpus-subset store (tests/api/site_store.py) and clients on the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.api.site_store import TOKEN, copy_of, shared_site_db

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.store import Store


@pytest.fixture(scope="session")
def site_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of the shared store (built once per run, read-only for tests)."""
    return f"sqlite:///{shared_site_db(corpus, tmp_path_factory)}"


@pytest.fixture(scope="session")
def site_store(site_url: str) -> Iterator[Store]:
    """The shared store, open."""
    store = Store.open(site_url)
    yield store
    store.close()


@pytest.fixture
def client(site_store: Store) -> Iterator[TestClient]:
    """A client on the site, ingest enabled with TOKEN, a rate limit no test reaches."""
    app = create_app(store=site_store, settings=WebSettings(api_token=TOKEN, rate_limit=100_000))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def writable_client(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> Iterator[TestClient]:
    """A client on a private copy of the shared store, for tests that ingest."""
    store = Store.open(copy_of(shared_site_db(corpus, tmp_path_factory), tmp_path / "copy.db"))
    app = create_app(store=store, settings=WebSettings(api_token=TOKEN, rate_limit=100_000))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    store.close()
