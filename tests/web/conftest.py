"""A live server over a corpus store, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from tests.api.site_store import shared_site_db

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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(store=web_store, settings=WebSettings(rate_limit=0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
