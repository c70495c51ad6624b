"""The review pages in a real browser: sign in, confirm, reject, correct, bulk, audit; refusals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect
from tests.serving import served

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.curation.accounts import add_account
from whereas.ingest import ingest_file, link_store
from whereas.store import Store

PASSWORD = "correct horse battery"
SUBSET = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/oeil-document-summary_1651118.html",
]
pytestmark = pytest.mark.web


@pytest.fixture
def review_site(database_url: str, corpus: Path) -> Iterator[str]:
    """A small store served on a loopback port, with an admin `ada`."""
    store = Store.open(database_url)
    for part in SUBSET:
        ingest_file(store, corpus / part)
    link_store(store)
    with store.session() as session:
        add_account(session, "ada", PASSWORD, "admin")
    app = create_app(store=store, settings=WebSettings(rate_limit=0))
    with served(app) as url:
        yield url
    store.close()


def test_review_in_the_browser(review_site: str, browser: Any, shots: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{review_site}/review")
    assert page.url.endswith("/login")
    page.fill("#username", "ada")
    page.fill("#password", "wrong password")
    page.click("button[type=submit] >> text=Sign in")
    expect(page.locator("[role=alert]")).to_be_visible()
    page.fill("#username", "ada")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit] >> text=Sign in")
    page.wait_for_url("**/review")

    page.goto(f"{review_site}/review?kind=classification:verbs")
    page.locator("input[name=key]").nth(0).check()
    page.select_option("#d-action", "correct")
    page.fill("#d-value", '["urges"]')
    page.fill("#d-reason", "misread verb")
    page.click("button[value=picked]")
    expect(page.locator("#done")).to_contain_text("correct: 1 changed")
    page.locator("input[name=key]").nth(0).check()
    page.select_option("#d-action", "reject")
    page.click("button[value=picked]")
    expect(page.locator("#done")).to_contain_text("reject: 1 changed")
    page.locator("input[name=key]").nth(0).check()
    page.click("button[value=picked]")  # confirm is the default action
    expect(page.locator("#done")).to_contain_text("confirm: 1 changed")

    page.goto(f"{review_site}/review?kind=split")
    total = int(page.inner_text("#total").split()[0])
    page.click("button[value=all]")
    expect(page.locator("#done")).to_contain_text(f"confirm: {total} changed")
    expect(page.locator("#total")).to_have_text(re.compile(r"^0 items"))
    page.screenshot(path=str(shots / "review-queue.png"), full_page=False)

    page.goto(f"{review_site}/review/audit")
    text = page.inner_text("main")
    assert "misread verb" in text and "corrected" in text and "rejected" in text
    page.screenshot(path=str(shots / "review-audit.png"), full_page=False)
    assert errors == []
    forged = page.request.post(
        f"{review_site}/review/decide", form={"action": "reject", "scope": "all", "kind": "split"}
    )
    assert forged.status == 403  # signed in, but no CSRF token: refused
    page.goto(f"{review_site}/review?kind=split&state=confirmed")
    assert page.inner_text("#total").startswith(f"{total} items")
    page.close()

    # Without a session, or without the form's CSRF token, nothing is written.
    with httpx.Client(base_url=review_site) as anonymous:
        answer = anonymous.post("/review/decide", data={"action": "confirm", "scope": "all"})
        assert answer.status_code == 401
        assert anonymous.get("/review/audit").status_code == 401
        assert anonymous.get("/review/documents").status_code == 401
