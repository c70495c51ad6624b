"""Fixtures for the live sources: a fake clock, a cached client, a store, recorded EP answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import respx

from whereas.sources import FetchOptions, FetchRun, FetchSettings, PoliteClient
from whereas.sources.http import ManualClock
from whereas.store import Store

NOW = datetime(2025, 5, 9, 12, 0, tzinfo=UTC)


@pytest.fixture
def fake_clock() -> ManualClock:
    """A clock set to NOW that never sleeps for real."""
    return ManualClock(start=NOW)


@pytest.fixture
def settings(tmp_path: Path) -> FetchSettings:
    return FetchSettings(cache_dir=tmp_path / "cache", max_attempts=4, backoff_seconds=2.0)


@pytest.fixture
def client(settings: FetchSettings, fake_clock: ManualClock) -> Iterator[PoliteClient]:
    with PoliteClient(settings, clock=fake_clock.as_clock()) as c:
        yield c


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    yield s
    s.close()


@pytest.fixture
def run(client: PoliteClient, store: Store) -> FetchRun:
    return FetchRun(client, store, FetchOptions())


@pytest.fixture
def ep() -> Iterator[respx.MockRouter]:
    """A mocked EP: routes added by each test; anything else answers 404 like a missing file."""
    with respx.mock(assert_all_called=False) as router:
        yield router


Serve = Callable[[str, str], respx.Route]


@pytest.fixture
def serve(ep: respx.MockRouter, corpus: Path) -> Serve:
    """Answer GET of a URL (query included) with a recorded file of corpus/howtheyvote."""

    def route(url: str, name: str) -> respx.Route:
        body = (corpus / "howtheyvote" / name).read_bytes()
        return ep.get(url__eq=url).mock(return_value=httpx.Response(200, content=body))

    return route


@pytest.fixture
def missing_elsewhere(ep: respx.MockRouter) -> Callable[[], respx.Route]:
    """Make every URL not routed yet answer 404 (call it after the test's own routes)."""
    return lambda: ep.route().mock(return_value=httpx.Response(404, text="Not Found"))
