"""Every URL and identifier of the EP services whereas fetches from, in one place.

Services (checked against ../shared/reference/ep-open-data/ep-openapi-spec.json and the recorded
pages in ../shared/corpus/howtheyvote):

| service | URL | identifier |
|---|---|---|
| ODP API v2 procedure | {ODP}/procedures/{process-id} | 2025-2691 (from 2025/2691(RSP)) |
| ODP plenary document | {ODP}/plenary-documents/{doc-id} | B-10-2025-0249, RC-10-2025-0249 |
| ODP adopted text | {ODP}/adopted-texts/{doc-id} | TA-10-2025-0096 |
| ODP sitting | {ODP}/meetings/{event-id}, .../vote-results, .../decisions | MTG-PL-2025-05-08 |
| ODP MEP | {ODP}/meps/{mep-id} | 124936 |
| ODP searches and feeds | {ODP}/adopted-texts?title=..., {ODP}/procedures/feed?... | |
| doceo document | {DOCEO}/{doc-id}_{LANG}.html, .pdf, .docx | RC-10-2025-0249_EN.html |
| doceo votes of a sitting | {DOCEO}/PV-{term}-{date}-VOT_{LANG}.xml, -RCV_ | PV-10-2025-05-08 |
| OEIL procedure file | {OEIL}/oeil/{lang}/procedure-file?reference={ref} | 2021/2540(RSP) |
| OEIL summary | {OEIL}/oeil/{lang}/document-summary?id=1651118 | a number |
| press room | {EP}/news/{lang}/press-room/{id} | 20250204IPR26689 |

ODP answers JSON-LD by default; `format=application/ld+json` is asked explicitly all the same.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

from whereas.errors import InvalidReference
from whereas.recognize.references import normalise_reference
from whereas.recognize.terms import term_of_date

ODP_API = "https://data.europarl.europa.eu/api/v2"
ODP_JSON_LD = "application/ld+json"
EP_SITE = "https://www.europarl.europa.eu"
DOCEO = f"{EP_SITE}/doceo/document"
OEIL = "https://oeil.secure.europarl.europa.eu"
OEIL_PUBLIC = "https://oeil.europarl.europa.eu"
EP_HOSTS = frozenset({
    "data.europarl.europa.eu", "www.europarl.europa.eu", "oeil.europarl.europa.eu",
    "oeil.secure.europarl.europa.eu",
})

_PROCEDURE = re.compile(r"^(\d{4})/(\d{4})\(([A-Z]{3})\)$")
_SERIAL = re.compile(r"^(?:RC-)?[AB](\d{1,2})-(\d{4})/(\d{4})$")
_ADOPTED = re.compile(r"^P(\d{1,2})_TA\((\d{4})\)(\d{4})$")
PRESS_LINK = re.compile(r"/news/[a-z]{2}/press-room/(\d{8}IPR\d{3,6})")
ODP_PROCESS = re.compile(r"eli/dl/proc/(\d{4})-(\d{4})")
ODP_DOCUMENT = re.compile(r"eli/dl/doc/((?:RC|B|TA|A)-\d{1,2}-\d{4}-\d{4})(?![-\d])")
OEIL_SUMMARY = re.compile(r"/oeil/[a-z]{2}/document-summary\?id=(\d+)")


def odp(path: str, **query: str) -> str:
    """An ODP API v2 URL asking for JSON-LD, with `query` (underscores become hyphens)."""
    params = {"format": ODP_JSON_LD} | {k.replace("_", "-"): v for k, v in query.items()}
    return f"{ODP_API}/{path.lstrip('/')}?{urlencode(params)}"


def procedure_reference(ref: str) -> str:
    """The typed human form of a procedure written in any form ("2022/2505(RSP)")."""
    found = normalise_reference(ref)
    if found is None or found.kind != "procedure":
        raise InvalidReference(f"not a procedure reference: {ref!r}")
    return found.value


def process_id(procedure: str) -> str:
    """ODP process id of a procedure: 2025/2691(RSP) -> 2025-2691."""
    year, number = procedure.split("(")[0].split("/")
    return f"{year}-{number}"


def document_id(reference: str) -> str:
    """ODP/doceo id of a document's human form: RC-B10-0249/2025 -> RC-10-2025-0249."""
    m = _ADOPTED.match(reference)
    if m:
        return f"TA-{m[1]}-{m[2]}-{m[3]}"
    m = _SERIAL.match(reference)
    if m is None:
        raise InvalidReference(f"not a motion, joint motion, report or text adopted: {reference!r}")
    prefix = "RC" if reference.startswith("RC-") else reference[0]
    return f"{prefix}-{m[1]}-{m[3]}-{m[2]}"


def reference_of_document_id(doc_id: str) -> str | None:
    """Human form of an ODP/doceo document id (TA-10-2025-0096 -> P10_TA(2025)0096)."""
    found = normalise_reference(doc_id)
    return None if found is None else found.value


def odp_procedure(procedure: str) -> str:
    """ODP record of one procedure."""
    return odp(f"procedures/{process_id(procedure)}")


def odp_document(doc_id: str) -> str:
    """ODP record of a plenary document (B, RC, A) or of a text adopted (TA)."""
    collection = "adopted-texts" if doc_id.startswith("TA-") else "plenary-documents"
    return odp(f"{collection}/{doc_id}")


def sitting_id(day: date) -> str:
    """ODP id of a plenary sitting: MTG-PL-2025-05-08."""
    return f"MTG-PL-{day.isoformat()}"


def odp_meeting(day: date) -> str:
    """ODP record of a plenary sitting."""
    return odp(f"meetings/{sitting_id(day)}")


def odp_vote_results(day: date) -> str:
    """ODP vote results of a sitting (the first page of 500)."""
    return odp(f"meetings/{sitting_id(day)}/vote-results", limit="500")


def odp_mep(mep_id: str) -> str:
    """ODP record of one MEP."""
    return odp(f"meps/{mep_id}")


def odp_adopted_text_search(title: str, since: date, until: date, language: str) -> str:
    """ODP search of texts adopted whose title has `title`, sat between two dates."""
    return odp(
        "adopted-texts", title=title, search_language=language,
        sitting_date=since.isoformat(), sitting_date_end=until.isoformat(),
        sort_by="sitting-date:asc", limit="500",
    )


def odp_feed(collection: str, since: date, **query: str) -> str:
    """ODP feed of what was published or updated in `collection` since a date."""
    return odp(f"{collection}/feed", timeframe="custom", start_date=since.isoformat(), **query)


def doceo(doc_id: str, language: str, extension: str) -> str:
    """doceo file of a document: RC-10-2025-0249_EN.html, TA-10-2025-0096_FR.pdf."""
    return f"{DOCEO}/{doc_id}_{language.upper()}.{extension}"


def minutes_id(day: date) -> str:
    """doceo id of the minutes of a sitting: PV-10-2025-05-08."""
    term = term_of_date(day)
    if term is None:
        raise InvalidReference(f"no parliamentary term on {day.isoformat()}")
    return f"PV-{term}-{day.isoformat()}"


def votes_xml(day: date, annex: str, language: str) -> str:
    """doceo XML annex of the minutes: annex VOT (results of votes) or RCV (roll calls)."""
    return f"{DOCEO}/{minutes_id(day)}-{annex}_{language.upper()}.xml"


def oeil_procedure_file(procedure: str, language: str = "en") -> str:
    """Legislative Observatory procedure file."""
    return f"{OEIL}/oeil/{language}/procedure-file?reference={procedure}"


def oeil_summary(summary_id: str, language: str = "en") -> str:
    """Legislative Observatory summary of one document or event."""
    return f"{OEIL}/oeil/{language}/document-summary?id={summary_id}"


def press_release(release_id: str, language: str = "en") -> str:
    """EP press release (the press room redirects to the URL with the slug)."""
    return f"{EP_SITE}/news/{language}/press-room/{release_id}"
