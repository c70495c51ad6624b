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

from whereas.api import create_app
from whereas.api.settings import WebSettings
from whereas.ingest import ingest_file, link_store
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
PARTS = [
    "howtheyvote",
    "press-and-news",
    "votes-export/main-votes-term10.csv",
    "mepwatch/meps-term9.csv",
]
HOSTILE = """---
title: "<script>alert('x')</script> Resolution on Kazakhstan"
date: 2022-01-21
---
Adopted by 589 votes to 35, with 47 abstentions. <a href="javascript:alert(1)">more</a>
"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "web: browser tests (Playwright driving Debian's chromium)")


@pytest.fixture(scope="session")
def web_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store with part of the corpus and a hostile news item."""
    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    store = Store.open(f"sqlite:///{root / 'web.db'}")
    files = []
    for part in PARTS:
        path = corpus / part
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in [*files, hostile]:
        ingest_file(store, path)
    link_store(store)
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
