"""What a person sees: each kind of page in chromium, a click-through, and screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.web


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that fails the test on any console error (a CSP violation is one)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert errors == []


def test_search_facet_document_and_procedure(page: Any, shots: Path) -> None:
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("European Parliament")
    page.screenshot(path=str(shots / "home.png"), full_page=True)
    page.get_by_label("Search clauses and documents").fill("children")
    page.get_by_role("button", name="Search").last.click()
    page.wait_for_selector(".hit")
    assert "result" in page.locator(".summary").inner_text()
    page.locator(".facets a", has_text="joint motion").first.click()
    page.wait_for_url("**kind=joint_motion**")
    assert "kind: joint_motion" in page.locator(".summary").inner_text()
    page.screenshot(path=str(shots / "search.png"), full_page=False)
    page.locator(".hit", has_text="paragraph").first.locator("a").first.click()
    page.wait_for_selector(".clauses")
    assert page.locator(".clause-recital .label").first.inner_text() == "A"
    assert page.locator(".chip.verb").count() > 0
    assert page.locator(".clause-vote", has_text="§ 1/1").count() == 1
    page.screenshot(path=str(shots / "document.png"), full_page=False)
    page.locator(".meta a", has_text="2025/2691(RSP)").first.click()
    page.wait_for_selector("#vote-h")
    assert "Ukrainian children" in page.locator("h1").inner_text()
    assert "516" in page.locator(".final").inner_text()
    assert page.locator(".mark-record").count() >= 1
    page.screenshot(path=str(shots / "procedure.png"), full_page=True)


def test_procedure_with_a_chart_by_group(page: Any, shots: Path) -> None:
    page.goto("/procedures/2024/2758(RPS)")
    rows = page.locator("table.bars").first.locator("tbody tr")
    assert rows.count() >= 6
    assert page.locator("#chart-group svg rect.bar-for").count() >= 6
    assert page.locator("#chart-country svg a").count() >= 20
    page.locator("#chart-group").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "procedure-chart.png"), full_page=False)


def test_click_through_a_dossier_to_a_redline(page: Any, shots: Path) -> None:
    page.goto("/countries")
    page.get_by_role("link", name="Russia", exact=True).click()
    page.wait_for_selector("#chart-themes")
    assert page.locator("h1").inner_text() == "Russia"
    assert page.locator(".dossier-timeline li").count() == 2
    assert page.locator("#chart-themes .cell.level-4").count() >= 2
    assert page.locator(".repeated li").count() >= 6
    page.screenshot(path=str(shots / "dossier.png"), full_page=True)
    page.locator(".dossier-timeline a", has_text="2025/2691(RSP)").click()
    page.wait_for_selector("#lineage-h")
    assert "92%" in page.locator(".lineage-shares").inner_text()
    page.locator("#lineage-h + p a").click()
    page.wait_for_selector(".lineage-summary")
    assert page.locator(".kicker").inner_text().startswith("text adopted")
    url = page.url
    page.locator(".clause .redline-link").first.click()
    page.wait_for_selector(".redline-slot .redline del")
    assert page.url == url  # htmx swapped the fragment in place
    assert page.locator(".redline-slot ins").count() >= 1
    page.locator(".redline-slot .redline").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -260)")
    page.screenshot(path=str(shots / "document-lineage.png"), full_page=False)


def test_redline_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    tab = context.new_page()
    tab.goto("/r/RC-B10-0249/2025")
    tab.locator(".clause .redline-link").first.click()
    tab.wait_for_url("**/redline/**")
    assert "/redline/" in tab.url and tab.locator(".redline del").count() >= 1
    context.close()


def test_mep_group_country_and_vote_pages(page: Any, shots: Path) -> None:
    page.goto("/groups")
    page.locator("a[href='/groups/EPP']").first.click()
    page.wait_for_url("**/groups/EPP")
    assert "agreement index" in page.locator("main").inner_text()
    page.screenshot(path=str(shots / "group.png"), full_page=False)
    page.locator(".columns a").first.click()
    page.wait_for_url("**/meps/**")
    assert page.locator(".kicker").inner_text().startswith("MEP")
    page.goto("/countries/Kazakhstan")
    assert page.locator("h1").inner_text() == "Kazakhstan"
    page.screenshot(path=str(shots / "country.png"), full_page=False)


def test_hostile_title_is_text_and_nothing_runs(page: Any) -> None:
    page.goto("/documents?kind=news")
    page.get_by_role("link", name="<script>alert('x')</script> Resolution on Kazakhstan").click()
    page.wait_for_url("**/documents/**")
    assert page.locator("h1").inner_text().startswith("<script>alert('x')</script>")
    assert page.locator("a[href^='javascript:']").count() == 0


def test_readable_on_a_phone(browser: Any, base_url: str, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    tab = context.new_page()
    tab.goto("/procedures/2025/2691(RSP)")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    tab.screenshot(path=str(shots / "phone-procedure.png"), full_page=False)
    context.close()


def test_swagger_ui_renders_from_local_files(page: Any, shots: Path) -> None:
    page.goto("/api/docs")
    page.wait_for_selector(".opblock-summary", timeout=15000)
    assert page.locator(".opblock-summary-path", has_text="/api/procedures").count() >= 1
    page.screenshot(path=str(shots / "api-docs.png"), full_page=False)
