"""Title and publisher of a document: resolution titles, headlines, front matter, site names."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from whereas.read.document import ReadDocument
from whereas.recognize.headings import resolution_title
from whereas.recognize.recognition import DocumentKind

EUROPEAN_PARLIAMENT = "European Parliament"
LEGISLATIVE_OBSERVATORY = "Legislative Observatory"
EP_KINDS: frozenset[DocumentKind] = frozenset({
    "motion", "joint_motion", "text_adopted", "report", "amendments", "vote_results", "roll_call",
    "sitting", "minutes", "debate",
})
RESOLUTION_KINDS: frozenset[DocumentKind] = frozenset({
    "motion", "joint_motion", "text_adopted", "report",
})
MAX_TITLE = 400

_CURRENT_PAGE = re.compile(r"Current page:\s*([^\n]{5,300})")
_OEIL_LABELS = frozenset({"Full procedure", "Basic information", "Procedure file", "Summary"})
_COPYRIGHT = re.compile(r"©\s*((?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)
_PROCEDURE_LINE = re.compile(r"^\d{4}/\d{4}\(\w{3}\)")


def _first_segment(value: str | None) -> str | None:
    if not value:
        return None
    segment = value.split(" | ")[0].strip()
    return segment or None


def _plausible_heading(line: str) -> bool:
    return (
        10 < len(line) < 300 and " " in line and line not in _OEIL_LABELS
        and line[0].isupper() and not line.endswith((".", ",")) and not _PROCEDURE_LINE.match(line)
    )


def _oeil_title(text: str, kind: DocumentKind) -> str | None:
    """The title beside the procedure reference: above it in a summary, below it in a file."""
    stripped = (line.strip(" •\t") for line in text[:20_000].split("\n"))
    lines = [line for line in stripped if any(c.isalnum() for c in line)]
    for index, line in enumerate(lines):
        if not _PROCEDURE_LINE.match(line):
            continue
        before = lines[max(0, index - 1) : index]
        after = lines[index + 1 : index + 3]
        for near in (before + after if kind == "procedure_summary" else after + before):
            if _plausible_heading(near):
                return near
    return None


def _resolution_title(text: str) -> str | None:
    return resolution_title(text[:20_000])


def document_title(doc: ReadDocument, kind: DocumentKind) -> str | None:
    """The document's title: the "on ..." of a resolution, a headline, the front matter title."""
    meta = doc.metadata
    if kind in RESOLUTION_KINDS:
        found = _resolution_title(doc.text) or _resolution_title(meta.get("title", ""))
        if found:
            return found[:MAX_TITLE]
    if kind in ("procedure_file", "procedure_summary"):
        found = _oeil_title(doc.text, kind)
        if found:
            return found
    for key in ("structured_data.headline", "og:title", "title", "dc.title", "headline"):
        found = _first_segment(meta.get(key))
        if found:
            return found[:MAX_TITLE]
    m = _CURRENT_PAGE.search(doc.text[:20_000])
    if m:
        return m.group(1).strip()
    headings = [b.text for b in doc.blocks[:200] if b.kind == "heading" and len(b.text) > 5]
    return headings[0][:MAX_TITLE] if headings else None


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _oeil(doc: ReadDocument) -> bool:
    return LEGISLATIVE_OBSERVATORY in doc.text[:10_000] or (
        doc.metadata.get("planet") == LEGISLATIVE_OBSERVATORY
    )


def document_publisher(doc: ReadDocument, kind: DocumentKind) -> str | None:
    """Who published it: the EP or its Legislative Observatory, else the site or its name."""
    if kind in ("procedure_file", "procedure_summary") and _oeil(doc):
        return LEGISLATIVE_OBSERVATORY
    meta = doc.metadata
    for key in ("og:site_name", "publisher", "site_name", "application-name"):
        if meta.get(key):
            return meta[key]
    for key in ("structured_data.original_source", "source_url", "og:url", "canonical", "url"):
        site = _site(meta.get(key))
        if site:
            return EUROPEAN_PARLIAMENT if site.endswith("europarl.europa.eu") else site
    if kind in EP_KINDS or (kind in ("press_release", "people") and _ep_page(doc)):
        return EUROPEAN_PARLIAMENT
    m = _COPYRIGHT.search(doc.text[:20_000])
    return m.group(1).lower() if m else None


def _ep_page(doc: ReadDocument) -> bool:
    copyright_line = doc.metadata.get("copyright", "")
    return EUROPEAN_PARLIAMENT in copyright_line or "Press room" in doc.text[:10_000] or (
        "MEPs" in doc.text[:10_000] and EUROPEAN_PARLIAMENT in doc.text[:10_000]
    )
