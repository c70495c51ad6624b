"""A request's writes are committed before its answer leaves: a client that follows a redirect
at once (the review pages' POST then GET) reads what the POST wrote."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.serving import served

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
    with served(app) as url:
        yield url
    store.close()


def test_what_a_request_wrote_is_read_by_the_next(site: str) -> None:
    with httpx.Client(base_url=site, timeout=10) as client:
        assert client.post("/write").json() == {"ok": True}
        assert client.get("/read").json() == {"accounts": 1}
