"""`fetch country` and `update` through the ODP searches and feeds, then procedure by procedure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import respx

from whereas.sources import FetchRun, fetch_country, fetch_procedure, update
from whereas.sources.urls import (
    doceo,
    odp_adopted_text_search,
    odp_document,
    odp_feed,
    odp_procedure,
)

Serve = Callable[[str, str], respx.Route]
PROCEDURE = "2025/2691(RSP)"
RC_HTML = doceo("RC-10-2025-0249", "en", "html")
# Search answers are not in the corpus: minimal JSON-LD of the shape the ODP answers with.
SEARCH = b'{"data": [{"id": "eli/dl/doc/TA-10-2025-0096", "type": "Work"}]}'
TEXT = b'{"data": [{"id": "eli/dl/doc/TA-10-2025-0096", "adopts": "eli/dl/proc/2025-2691"}]}'


def test_country_finds_texts_adopted_then_their_procedures(
    run: FetchRun, ep: respx.MockRouter, serve: Serve,
    missing_elsewhere: Callable[[], respx.Route],
) -> None:
    search = odp_adopted_text_search("Ukraine", date(2025, 1, 1), date(2025, 12, 31), "en")
    ep.get(url__eq=search).mock(return_value=httpx.Response(200, content=SEARCH))
    ep.get(url__eq=odp_document("TA-10-2025-0096")).mock(
        return_value=httpx.Response(200, content=TEXT))
    serve(odp_procedure(PROCEDURE), "odp-procedure_2025-2691.json")
    serve(RC_HTML, "document_rc-10-2025-0249-en.html")
    missing_elsewhere()
    assert fetch_country(run, "Ukraine", 2025, until=date(2025, 12, 31)) == ["2025-2691"]
    by_url = {o.item.url: o for o in run.outcomes}
    assert by_url[search].status == "read"  # a search plans, it is not a document
    assert by_url[RC_HTML].status == "added"


def test_update_revalidates_and_keeps_old_versions(
    run: FetchRun, ep: respx.MockRouter, corpus: Path,
    missing_elsewhere: Callable[[], respx.Route],
) -> None:
    page = (corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html").read_bytes()
    record = (corpus / "howtheyvote" / "odp-procedure_2025-2691.json").read_bytes()

    def conditional(request: httpx.Request) -> httpx.Response:
        if request.headers.get("If-None-Match") == '"p1"':
            return httpx.Response(304)
        return httpx.Response(200, content=record, headers={"ETag": '"p1"'})

    procedure = ep.get(url__eq=odp_procedure(PROCEDURE)).mock(side_effect=conditional)
    html = ep.get(url__eq=RC_HTML).mock(side_effect=[
        httpx.Response(200, content=page, headers={"Last-Modified": "Wed, 07 May 2025 GMT"}),
        httpx.Response(200, content=page + b"\n<!-- corrigendum -->\n"),
    ])
    since = date(2025, 5, 1)
    ep.get(url__eq=odp_feed("procedures", since, process_type="RSP")).mock(
        return_value=httpx.Response(200, content=b'{"data": [{"id": "eli/dl/proc/2025-2691"}]}'))
    ep.get(url__eq=odp_feed("adopted-texts", since, work_type="TEXT_ADOPTED")).mock(
        return_value=httpx.Response(200, content=b'{"data": []}'))
    missing_elsewhere()
    fetch_procedure(run, PROCEDURE)

    later = FetchRun(run.client, run.store, run.options)
    later.options.revalidate = True
    assert update(later, since) == ["2025-2691"]
    by_url = {o.item.url: o for o in later.outcomes}
    assert (by_url[odp_procedure(PROCEDURE)].status, by_url[odp_procedure(PROCEDURE)].origin) == (
        "unchanged", "not_modified")
    assert procedure.calls.last.request.headers["If-None-Match"] == '"p1"'
    assert html.calls.last.request.headers["If-Modified-Since"] == "Wed, 07 May 2025 GMT"
    assert (by_url[RC_HTML].status, by_url[RC_HTML].version) == ("added", 2)
