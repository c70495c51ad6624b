"""`fetch_procedure` end to end on recorded EP answers, into a temporary store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import respx

from whereas.sources import FetchRun, fetch_procedure
from whereas.sources.urls import doceo, odp_document, odp_procedure, oeil_summary, votes_xml

Serve = Callable[[str, str], respx.Route]
PROCEDURE = "2025/2691(RSP)"
RC_HTML = doceo("RC-10-2025-0249", "en", "html")
VOT = "https://www.europarl.europa.eu/doceo/document/PV-10-2025-05-08-VOT_EN.xml"


def _serve_2025_2691(serve: Serve) -> dict[str, respx.Route]:
    return {
        "procedure": serve(odp_procedure(PROCEDURE), "odp-procedure_2025-2691.json"),
        "record": serve(odp_document("RC-10-2025-0249"), "odp-document_rc-10-2025-0249.json"),
        "html": serve(RC_HTML, "document_rc-10-2025-0249-en.html"),
        "vot": serve(VOT, "vot-list_pv-10-2025-05-08-vot-en.xml"),
    }


def test_everything_the_procedure_record_leads_to(
    run: FetchRun, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    _serve_2025_2691(serve)
    missing_elsewhere()
    fetch_procedure(run, "eli/dl/proc/2025-2691")
    by_url = {o.item.url: o for o in run.outcomes}
    # 1 procedure record, the OEIL file, 8 documents (ODP record + HTML each), VOT and RCV of
    # 8 May 2025, and the minutes and debate items of 7 and 8 May.
    assert len(run.outcomes) == 24
    assert {by_url[u].status for u in (odp_procedure(PROCEDURE), RC_HTML, VOT)} == {"added"}
    assert by_url[RC_HTML].reference == "RC-B10-0249/2025"
    assert by_url[votes_xml(date(2025, 5, 8), "RCV", "en")].reason == (
        "HTTP 404: not found"
    )
    assert by_url[doceo("TA-10-2025-0096", "en", "html")].status == "failed"
    assert doceo("CRE-10-2025-05-07-ITM-019-02", "en", "html") in by_url
    added = [o for o in run.outcomes if o.status == "added"]
    assert len(added) == 4 and run.failed


def test_a_rerun_resumes_from_the_cache(
    run: FetchRun, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    routes = _serve_2025_2691(serve)
    missing = missing_elsewhere()
    fetch_procedure(run, PROCEDURE)
    first_misses = missing.call_count
    again = FetchRun(run.client, run.store, run.options)
    fetch_procedure(again, PROCEDURE)
    assert all(route.call_count == 1 for route in routes.values())  # served from the cache
    assert missing.call_count == 2 * first_misses  # failures are asked again
    assert {o.status for o in again.outcomes if o.item.url == RC_HTML} == {"unchanged"}
    assert {o.origin for o in again.outcomes if o.status == "unchanged"} == {"cache"}


def test_oeil_file_leads_to_summaries_and_documents_when_odp_is_missing(
    run: FetchRun, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    oeil = "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2021/2540(RSP)"
    serve(oeil, "oeil-procedure-file_2021-2540-rsp.html")
    serve(oeil_summary("1651118"), "oeil-document-summary_1651118.html")
    missing_elsewhere()
    fetch_procedure(run, "2021/2540(RSP)")
    by_url = {o.item.url: o for o in run.outcomes}
    assert by_url[oeil].status == "added"
    assert by_url[oeil_summary("1651118")].status == "added"
    # the six group motions and the text adopted the OEIL lists (it never lists the joint motion)
    documents = [u for u in by_url if u.startswith(doceo("", "en", "html")[:-8])]
    assert sorted(u.rsplit("/", 1)[1] for u in documents) == [
        "B-9-2021-0116_EN.html", "B-9-2021-0117_EN.html", "B-9-2021-0120_EN.html",
        "B-9-2021-0122_EN.html", "B-9-2021-0125_EN.html", "B-9-2021-0128_EN.html",
        "TA-9-2021-0054_EN.html",
    ]


def test_dry_run_fetches_only_what_plans(
    run: FetchRun, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    routes = _serve_2025_2691(serve)
    missing_elsewhere()
    run.options.dry_run = True
    fetch_procedure(run, PROCEDURE)
    assert routes["html"].call_count == 0 and routes["vot"].call_count == 0
    assert routes["procedure"].call_count == 1
    planned = [o for o in run.outcomes if o.status == "planned"]
    assert len(planned) == 22 and RC_HTML in {o.item.url for o in planned}
    assert run.store is not None
    assert all(o.status in {"planned", "read", "failed"} for o in run.outcomes)
