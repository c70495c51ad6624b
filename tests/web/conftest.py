"""A live server over a corpus store, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.api.site_store import shared_site_db
from tests.serving import served

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "web: browser tests (Playwright driving Debian's chromium)")


@pytest.fixture(scope="session")
def web_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The store the API tests use too (tests/api/site_store.py), built once per run."""
    store = Store.open(f"sqlite:///{shared_site_db(corpus, tmp_path_factory)}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def base_url(web_store: Store) -> Iterator[str]:
    """The site served by uvicorn on a free loopback port, in a thread."""
    app = create_app(store=web_store, settings=WebSettings(rate_limit=0))
    with served(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, headless."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (make setup installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: WHEREAS_SCREENSHOTS (e.g. docs/screenshots), else a tmp dir."""
    target = os.environ.get("WHEREAS_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
