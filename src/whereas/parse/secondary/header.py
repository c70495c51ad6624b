"""Title, publisher and publication date of a secondary source, from metadata or its text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from whereas.parse.secondary.dates import dateline, first_date, in_future
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

_TITLE_KEYS = ("og:title", "title", "structured_data.headline", "headline", "twitter:title")
_TITLE_SUFFIX = re.compile(r"\s*[|–-]\s*(?:News|European Parliament|Legislative Observatory|"
                           r"Press room|Document summary)(?:\s*[|–-]\s*.*)?$", re.I)
_DATE_KEYS = ("article:published_time", "datepublished", "date", "published", "pubdate",
              "dcterms.date", "available", "last-modified")
_URL_KEYS = ("og:url", "source_url", "url", "structured_data.original_source", "canonical")
_PROCEDURE = re.compile(r"\b\d{4}/\d{4}\([A-Z]{3}\)")
_CURRENT_PAGE = re.compile(r"^Current page:\s*\n?(?P<title>[^\n]+)", re.M)
_COPYRIGHT = re.compile(r"©\s*(?P<site>[\w.-]+\.[a-z]{2,})", re.I)
_EP_PRESS = re.compile(r"Ref\.:\s*\d{8}IPR\d{5}|^Press room\n(?:.*\n){0,40}?Press Releases$", re.M)
_PUBLISHERS = {
    "europarl.europa.eu": "European Parliament",
    "oeil.secure.europarl.europa.eu": "European Parliament, Legislative Observatory",
    "eeas.europa.eu": "European External Action Service",
}


@dataclass
class Header:
    """What a secondary source says of itself."""

    title: str | None = None
    date: date | None = None
    publisher: str | None = None
    warnings: list[str] = field(default_factory=list)


def _title(doc: ReadDocument, recognition: Recognition) -> str | None:
    if recognition.kind == "procedure_summary":
        found = _summary_title(doc.text)
        if found:
            return found
    for key in _TITLE_KEYS:
        value = doc.metadata.get(key)
        if value and not value.lower().startswith("document summary"):
            return _TITLE_SUFFIX.sub("", " ".join(value.split())) or None
    m = _CURRENT_PAGE.search(doc.text)
    if m:
        return m.group("title").strip()
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    return headings[0] if headings else recognition.title


def _summary_title(text: str) -> str | None:
    """An OEIL summary's title: the line just before the procedure reference."""
    m = _PROCEDURE.search(text)
    if not m:
        return None
    before = [line.strip() for line in text[:m.start()].splitlines() if line.strip()]
    return before[-1] if before else None


def _metadata_date(doc: ReadDocument, kind: str) -> date | None:
    for key in _DATE_KEYS:
        if kind == "procedure_summary" and key in {"available", "last-modified"}:
            continue  # on OEIL pages these are the day the page was served, not the summary's
        value = doc.metadata.get(key)
        if value:
            found = first_date(value)
            if found is not None:
                return found
    return None


def _text_date(doc: ReadDocument, kind: str) -> date | None:
    if kind == "procedure_summary":
        m = _PROCEDURE.search(doc.text)
        if m:
            return first_date(doc.text[m.end():m.end() + 40])
    return dateline(doc.text)


def publication_date(doc: ReadDocument, recognition: Recognition) -> tuple[date | None, list[str]]:
    """The day the page was published: metadata first, else a dateline in the text."""
    candidates = (
        _metadata_date(doc, recognition.kind),
        _text_date(doc, recognition.kind),
        recognition.date,
    )
    warnings: list[str] = []
    for found in candidates:
        if found is None:
            continue
        if in_future(found):
            warnings.append(f"publication date {found.isoformat()} is in the future: ignored")
            continue
        return found, warnings
    return None, warnings


def _host(doc: ReadDocument) -> str | None:
    for key in _URL_KEYS:
        value = doc.metadata.get(key)
        if value and value.startswith("http"):
            return urlparse(value).hostname
    m = _COPYRIGHT.search(doc.text)
    return m.group("site") if m else None


def publisher(doc: ReadDocument, recognition: Recognition) -> str | None:
    """Who published the page: the recognised publisher, else the site it came from."""
    if recognition.publisher:
        return recognition.publisher
    head = doc.text[:5000]
    observatory = recognition.kind == "procedure_summary" or "Legislative Observatory" in head
    if observatory and "European Parliament" in head:
        return _PUBLISHERS["oeil.secure.europarl.europa.eu"]
    if _EP_PRESS.search(doc.text):
        return _PUBLISHERS["europarl.europa.eu"]
    host = _host(doc)
    if host is None:
        return None
    host = host.removeprefix("www.")
    for domain, name in _PUBLISHERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host


def read_header(doc: ReadDocument, recognition: Recognition) -> Header:
    """Title, date and publisher of a secondary source."""
    day, warnings = publication_date(doc, recognition)
    return Header(_title(doc, recognition), day, publisher(doc, recognition), warnings)
