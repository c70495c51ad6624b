"""Every error, whatever raised it, answers the one shape; no stack trace ever reaches a user."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.store import Store
from whereas.views import procedures


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert (error["status"], error["code"]) == (status, code)
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in response.text
    return dict(error)


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("GET", "/api/nowhere", 404, "not_found"),
        ("GET", "/api/procedures/1999/9999(RSP)", 404, "not_found"),
        ("GET", "/api/procedures/RC-B10-0249/2025", 404, "not_found"),
        ("GET", "/api/documents/ffffffffffff", 404, "not_found"),
        ("GET", "/api/votes/999999999", 404, "not_found"),
        ("GET", "/api/votes/abc", 422, "invalid_parameter"),
        ("GET", "/api/meps/nobody", 404, "not_found"),
        ("GET", "/api/groups/NOPE", 404, "not_found"),
        ("GET", "/api/countries/Atlantis", 404, "not_found"),
        ("GET", "/api/lookup?ref=X9-9999/1999", 404, "not_found"),
        ("GET", "/api/lookup", 422, "invalid_parameter"),
        ("GET", "/api/procedures?limit=100000", 422, "invalid_parameter"),
        ("GET", "/api/procedures?offset=-1", 422, "invalid_parameter"),
        ("GET", "/api/search", 422, "invalid_parameter"),
        ("GET", "/api/search?q=x&year=nineteen", 422, "invalid_parameter"),
        ("GET", "/api/search?q=x&entry=paragraph", 422, "invalid_parameter"),
        ("DELETE", "/api/procedures", 405, "method_not_allowed"),
        ("POST", "/api/ingest", 401, "unauthorized"),
    ],
)
def test_error_shape(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    assert_error(client.request(method, url), status, code)


def test_a_validation_error_names_the_parameter(client: TestClient) -> None:
    error = assert_error(client.get("/api/meps?limit=0"), 422, "invalid_parameter")
    assert error["details"] == [
        {
            "parameter": "limit",
            "in": "query",
            "problem": "Input should be greater than or equal to 1",
        }
    ]


def test_ingest_is_off_without_a_token(site_store: Store) -> None:
    app = create_app(store=site_store, settings=WebSettings(api_token=None))
    with TestClient(app) as client:
        assert_error(client.post("/api/ingest", files={"file": ("a.txt", b"x")}), 404, "not_found")
        assert "/api/ingest" not in client.get("/api/openapi.json").json()["paths"]


def test_an_unexpected_failure_is_a_500_in_the_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(procedures, "procedure_titles", broken)
    response = client.get("/api/procedures")
    error = assert_error(response, 500, "internal_error")
    assert "secret" not in str(error["message"])
    page = client.get("/procedures", headers={"accept": "text/html"})
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


def test_pages_answer_errors_as_pages_with_the_same_values(client: TestClient) -> None:
    page = client.get("/procedures/1999/9999(RSP)")
    assert page.status_code == 404
    assert "text/html" in page.headers["content-type"]
    assert "1999/9999(RSP)" in page.text and "not found" in page.text
    assert client.get("/procedures?limit=0").status_code == 422
