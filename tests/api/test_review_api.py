"""The review API: sign in, queue, decisions one by one and in bulk; refusals change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.curation.accounts import add_account
from whereas.ingest import ingest_file, link_store
from whereas.store import Store, schema

PASSWORD = "correct horse battery"
SUBSET = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/oeil-procedure-file_2021-2540-rsp.html",
    "howtheyvote/oeil-document-summary_1651118.html",
]


@pytest.fixture
def review_client(database_url: str, corpus: Path) -> Iterator[tuple[TestClient, Store]]:
    """A client on a small store with an admin `ada` and a reviewer `rita`."""
    store = Store.open(database_url)
    for part in SUBSET:
        ingest_file(store, corpus / part)
    link_store(store)
    with store.session() as session:
        add_account(session, "ada", PASSWORD, "admin")
        add_account(session, "rita", PASSWORD, "reviewer")
    app = create_app(store=store, settings=WebSettings(rate_limit=0))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, store
    store.close()


def _login(client: TestClient, user: str) -> dict[str, str]:
    answer = client.post("/api/auth/login", json={"username": user, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return {"X-CSRF-Token": answer.json()["csrf_token"]}


def _decisions(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(schema.ReviewDecision)) or 0


def test_review_through_the_api(review_client: tuple[TestClient, Store]) -> None:
    client, _ = review_client
    csrf = _login(client, "rita")
    queue = client.get("/api/review/items", params={"kind": "classification", "limit": 5}).json()
    assert queue["total"] > 5 and len(queue["items"]) == 5
    first, second = queue["items"][0]["key"], queue["items"][1]["key"]
    verbs = client.get("/api/review/items", params={"kind": "classification:verbs"}).json()
    key = verbs["items"][0]["key"]

    def post(body: dict[str, object]) -> dict[str, object]:
        answer = client.post("/api/review/decisions", json=body, headers=csrf)
        assert answer.status_code == 200, answer.text
        result: dict[str, object] = answer.json()
        return result

    assert post({"action": "confirm", "keys": [first]})["changed"] == 1
    assert post({"action": "reject", "keys": [second], "reason": "wrong"})["changed"] == 1
    assert post({"action": "correct", "keys": [key], "value": ["urges"]})["changed"] == 1
    splits = client.get("/api/review/items", params={"kind": "split", "limit": 1}).json()["total"]
    bulk = post({"action": "confirm", "filter": {"kind": "split"}})
    assert bulk == {"action": "confirm", "changed": splits, "unchanged": 0, "unknown": []}
    state = client.get("/api/review/items", params={"kind": "classification:verbs", "state": "all"})
    by_key = {i["key"]: i for i in state.json()["items"]}
    assert by_key[key]["state"] == "corrected" and by_key[key]["value"] == ["urges"]
    audit = client.get("/api/audit").json()
    assert audit["entries"][0]["action"] == "confirmed" and audit["total"] == 3 + splits + 2
    bad = client.post(
        "/api/review/decisions", json={"action": "correct", "keys": [key], "value": 3}, headers=csrf
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"


def test_refusals_change_nothing(review_client: tuple[TestClient, Store]) -> None:
    client, store = review_client
    body = {"action": "confirm", "filter": {"kind": "split"}}
    assert client.get("/api/review/items").status_code == 401
    assert client.get("/api/audit").status_code == 401
    answer = client.post("/api/review/decisions", json=body)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthorized"
    bad_login = client.post("/api/auth/login", json={"username": "rita", "password": "nope"})
    assert bad_login.status_code == 401
    client.cookies.set("whereas_session", "forged.cookie.value")
    assert client.post("/api/review/decisions", json=body).status_code == 401
    csrf = _login(client, "rita")
    assert client.post("/api/review/decisions", json=body).status_code == 403  # no CSRF token
    wrong = {"X-CSRF-Token": "not-the-token"}
    assert client.post("/api/review/decisions", json=body, headers=wrong).status_code == 403
    with store.session() as session:
        doc = session.scalars(select(schema.Document.id)).first()
    takedown = client.post(f"/api/review/documents/{doc}/purge", json={"reason": "x"}, headers=csrf)
    assert takedown.status_code == 403  # a reviewer may not purge
    assert _decisions(store) == 0
    with store.session() as session:
        assert session.get(schema.Document, doc) is not None
        assert session.scalar(select(func.count()).select_from(schema.AuditEntry)) == 2
    admin = _login(client, "ada")
    hidden = client.post(f"/api/review/documents/{doc}/hide", json={"reason": "r"}, headers=admin)
    assert hidden.json() == {"changed": True}
    gone = client.post(
        f"/api/review/documents/{doc}/purge", json={"reason": "takedown"}, headers=admin
    )
    assert gone.status_code == 200
    assert client.get(f"/api/documents/{doc}").status_code == 404
    missing = client.post(f"/api/review/documents/{'0' * 64}/hide", json={}, headers=admin)
    assert missing.status_code == 404
