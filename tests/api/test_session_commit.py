"""A request's writes are committed before its answer leaves: a client that follows a redirect
at once (the review pages' POST then GET) reads what the POST wrote."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.api.deps import SessionDep
from whereas.store import Store, schema

SLOW_COMMIT = 0.3  # seconds: a commit that still runs after the answer is read is seen


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    app = FastAPI()
    app.state.store = store

    @app.post("/write")
    def write(db: SessionDep) -> dict[str, bool]:
        made = datetime.now(UTC)
        db.add(schema.Account(username="bob", password_hash="x", role="reviewer", created_at=made))
        return {"ok": True}

    @app.get("/read")
    def read(db: SessionDep) -> dict[str, int]:
        return {"accounts": int(db.scalar(select(func.count()).select_from(schema.Account)) or 0)}

    commit = Session.commit

    def slow_commit(self: Session) -> None:
        time.sleep(SLOW_COMMIT)
        commit(self)

    monkeypatch.setattr(Session, "commit", slow_commit)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_what_a_request_wrote_is_read_by_the_next(site: str) -> None:
    with httpx.Client(base_url=site, timeout=10) as client:
        assert client.post("/write").json() == {"ok": True}
        assert client.get("/read").json() == {"accounts": 1}
