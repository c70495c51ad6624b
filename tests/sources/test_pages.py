"""`fetch_url`: any page, checked against the language its URL asks for."""

from __future__ import annotations

from collections.abc import Callable

import respx

from whereas.sources import FetchRun, fetch_url
from whereas.sources.pages import language_of_url

Serve = Callable[[str, str], respx.Route]
PRESS = "https://www.europarl.europa.eu/news/en/press-room/20250204IPR26689/meps-georgia"


def test_press_release_by_url(run: FetchRun, serve: Serve) -> None:
    serve(PRESS, "press-release_20250204IPR26689.html")
    fetch_url(run, PRESS)
    [outcome] = run.outcomes
    assert outcome.status == "added" and not run.failed


def test_english_page_at_a_french_address(run: FetchRun, serve: Serve) -> None:
    french = PRESS.replace("/news/en/", "/news/fr/")
    serve(french, "press-release_20250204IPR26689.html")
    fetch_url(run, french)
    assert [(o.status, o.reason) for o in run.outcomes] == [
        ("failed", "English file in place of French")]


def test_language_of_url() -> None:
    assert language_of_url("https://www.europarl.europa.eu/doceo/document/TA-9-2022-0012_DE.pdf") \
        == "de"
    assert language_of_url(PRESS) == "en"
    assert language_of_url("https://www.example.org/news/kazakhstan") is None
