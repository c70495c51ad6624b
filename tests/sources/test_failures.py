"""Each item's failure is reported on the item and the run goes on: wrong bytes, language, cuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import respx

from whereas.sources import FetchRun, fetch_sitting
from whereas.sources.sniff import declared_language, sniff_format
from whereas.sources.urls import odp_meeting, odp_vote_results, votes_xml

Serve = Callable[[str, str], respx.Route]
DAY = date(2025, 5, 8)
VOT = votes_xml(DAY, "VOT", "en")
RCV = votes_xml(DAY, "RCV", "en")


def _recorded(corpus: Path, name: str) -> bytes:
    return (corpus / "howtheyvote" / name).read_bytes()


def _statuses(run: FetchRun) -> dict[str, tuple[str, str | None]]:
    return {o.item.url: (o.status, o.reason) for o in run.outcomes}


def test_recorded_files_are_recognised(corpus: Path) -> None:
    found = {
        name: (sniff_format(_recorded(corpus, name)), declared_language(
            _recorded(corpus, name), sniff_format(_recorded(corpus, name))))
        for name in ("document_rc-10-2025-0249-en.html", "vot-list_pv-10-2025-05-08-vot-en.xml",
                     "rcv_list_pv-9-2020-07-23-rcv-fr.xml", "odp-procedure_2025-2691.json",
                     "odp_mtg-pl-2024-07-16.xml", "press-release_20250204IPR26689.html")
    }
    assert found == {
        "document_rc-10-2025-0249-en.html": ("html", "en"),
        "vot-list_pv-10-2025-05-08-vot-en.xml": ("xml", "en"),
        "rcv_list_pv-9-2020-07-23-rcv-fr.xml": ("xml", None),  # Document.Language="XL": all
        "odp-procedure_2025-2691.json": ("json", None),
        "odp_mtg-pl-2024-07-16.xml": ("xml", None),
        "press-release_20250204IPR26689.html": ("html", "en"),
    }


def test_html_served_in_place_of_xml(
    run: FetchRun, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    serve(VOT, "document_rc-10-2025-0249-en.html")  # a moved file answers with a page
    missing_elsewhere()
    fetch_sitting(run, DAY)
    assert _statuses(run)[VOT] == ("failed", "HTML served in place of XML")
    assert len(run.outcomes) == 5  # the rest of the sitting was still asked for


def test_rdf_xml_in_place_of_json_whatever_the_content_type(
    run: FetchRun, ep: respx.MockRouter, corpus: Path,
    missing_elsewhere: Callable[[], respx.Route],
) -> None:
    ep.get(url__eq=odp_meeting(DAY)).mock(return_value=httpx.Response(
        200, content=_recorded(corpus, "odp_mtg-pl-2024-07-16.xml"),
        headers={"Content-Type": "application/ld+json"},
    ))
    # and a correct file declared with a wrong type is kept: the bytes decide, not the header
    ep.get(url__eq=VOT).mock(return_value=httpx.Response(
        200, content=_recorded(corpus, "vot-list_pv-10-2025-05-08-vot-en.xml"),
        headers={"Content-Type": "text/html; charset=utf-8"},
    ))
    missing_elsewhere()
    fetch_sitting(run, DAY)
    assert _statuses(run)[odp_meeting(DAY)] == ("failed", "XML served in place of JSON")
    assert _statuses(run)[VOT][0] == "added"


def test_french_file_in_place_of_english(
    run: FetchRun, ep: respx.MockRouter, corpus: Path,
    missing_elsewhere: Callable[[], respx.Route],
) -> None:
    english = _recorded(corpus, "vot-list_pv-10-2025-05-08-vot-en.xml")
    french = english.replace(b'<file language="EN"', b'<file language="FR"', 1)
    assert french != english
    ep.get(url__eq=VOT).mock(return_value=httpx.Response(200, content=french))
    missing_elsewhere()
    fetch_sitting(run, DAY)
    assert _statuses(run)[VOT] == ("failed", "French file in place of English")
    assert run.client.cache.get(VOT) is None  # not cached: a rerun asks again


def test_truncated_body_fails_the_item_only(
    run: FetchRun, ep: respx.MockRouter, corpus: Path, serve: Serve,
    missing_elsewhere: Callable[[], respx.Route],
) -> None:
    whole = _recorded(corpus, "vot-list_pv-10-2025-05-08-vot-en.xml")
    route = ep.get(url__eq=VOT).mock(return_value=httpx.Response(200, content=whole[:5000]))
    serve(RCV, "rcv_list_pv-10-2024-09-18-rcv-en.xml")
    missing_elsewhere()
    fetch_sitting(run, DAY)
    status, reason = _statuses(run)[VOT]
    assert status == "failed" and reason is not None and "XML cut short" in reason
    assert route.call_count == 4  # asked again with backoff, up to max_attempts
    assert _statuses(run)[RCV][0] == "added"


def test_service_down_then_up(
    run: FetchRun, ep: respx.MockRouter, corpus: Path, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    body = _recorded(corpus, "odp-procedure_2025-2691.json")  # any JSON answer will do here
    ep.get(url__eq=odp_vote_results(DAY)).mock(side_effect=[
        httpx.Response(503), httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(200, content=body),
    ])
    ep.get(url__eq=odp_meeting(DAY)).mock(side_effect=httpx.ConnectTimeout("down"))
    missing_elsewhere()
    fetch_sitting(run, DAY)
    statuses = _statuses(run)
    assert statuses[odp_vote_results(DAY)][0] == "added"
    assert statuses[odp_meeting(DAY)] == ("failed", "timed out 4 times")
