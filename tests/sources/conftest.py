"""Fixtures for the live sources: a fake clock, a cached client, a store, recorded EP answers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import respx

from whereas.sources import Clock, FetchOptions, FetchRun, FetchSettings, PoliteClient
from whereas.store import Store

NOW = datetime(2025, 5, 9, 12, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """Time that moves only when the client sleeps; every sleep is recorded."""

    t: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    def now(self) -> datetime:
        return NOW + timedelta(seconds=self.t - 1000.0)

    def as_clock(self) -> Clock:
        return Clock(monotonic=self.monotonic, sleep=self.sleep, now=self.now)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> FetchSettings:
    return FetchSettings(cache_dir=tmp_path / "cache", max_attempts=4, backoff_seconds=2.0)


@pytest.fixture
def client(settings: FetchSettings, fake_clock: FakeClock) -> Iterator[PoliteClient]:
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


def serve(router: respx.MockRouter, url: str, path: Path, content_type: str) -> respx.Route:
    """Answer GET `url` (query included) with a recorded file."""
    return router.get(url__eq=url).mock(
        return_value=httpx.Response(200, content=path.read_bytes(),
                                    headers={"Content-Type": content_type})
    )


def not_found_elsewhere(router: respx.MockRouter) -> respx.Route:
    """Everything not routed answers 404."""
    return router.route().mock(return_value=httpx.Response(404, text="Not Found"))
