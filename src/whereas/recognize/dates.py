"""Dates of documents: from metadata, from identifiers, and from spans of text found first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from whereas.recognize.recognition import Reference

# Month names of the languages the sources write dates in (English, French, German, Czech,
# the Czech ones in the genitive used after a day: "20. ledna 2022").
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|"
    "januar|jänner|februar|märz|april|juni|juli|oktober|dezember|"
    "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
    "leden|únor|březen|duben|květen|červen|červenec|srpen|říjen|listopad|prosinec"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.])\d{{1,2}}(?:er|st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}(?!\d)", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}(?!\d)", re.IGNORECASE
)
# Day first, as the EP writes them: 20.1.2022, 08/05/2025, 18-07-2019.
_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?![\d])")

METADATA_DATE_KEYS = (
    "date", "article:published_time", "published_time", "datepublished", "date_published",
    "published", "pubdate", "dcterms.date", "dc.date", "dcterms.issued", "publication_date",
    "document_date",
)
EARLIEST = date(1950, 1, 1)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with its span."""

    value: date
    start: int
    end: int


def plausible(day: date | None, today: date | None = None) -> bool:
    """Whether a date can be a document's date: after 1950 and not in the future."""
    return day is not None and EARLIEST <= day <= (today or date.today())


@lru_cache(maxsize=2048)
def _parse_span(span: str) -> date | None:
    parsed = dateparser.parse(
        span,
        languages=["en", "fr", "de", "cs"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed is not None else None


def _make(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_dates(text: str, limit: int = 20_000) -> list[FoundDate]:
    """Plausible dates written in the first `limit` characters of `text`, in text order."""
    head = text[:limit]
    found: list[FoundDate] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(head):
            value = _parse_span(m.group(0))
            if value is not None and plausible(value):
                found.append(FoundDate(value, m.start(), m.end()))
    for m in _NUMERIC.finditer(head):
        value = _make(m[4], m[3], m[1])
        if value is not None and plausible(value):
            found.append(FoundDate(value, m.start(), m.end()))
    for m in _ISO.finditer(head):
        value = _make(m[1], m[2], m[3])
        if value is not None and plausible(value):
            found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date_value(value: str) -> date | None:
    """A date from a metadata value: ISO dates and timestamps, else a date written in words."""
    value = value.strip()
    m = _ISO.match(value)
    if m:
        found = _make(m[1], m[2], m[3])
        return found if plausible(found) else None
    if value.startswith("D:") and value[2:10].isdigit():  # PDF dates: D:20250507120000
        found = _make(value[2:6], value[6:8], value[8:10])
        return found if plausible(found) else None
    dates = find_dates(value, limit=200)
    return dates[0].value if dates else None


def date_from_metadata(metadata: dict[str, str]) -> date | None:
    """The publication date a container states of itself (meta tags, front matter)."""
    for key in METADATA_DATE_KEYS:
        value = metadata.get(key)
        if value:
            found = parse_date_value(value)
            if found is not None:
                return found
    return None


def date_of_reference(ref: Reference) -> date | None:
    """The date an identifier carries: a sitting's day, a press release's registration day."""
    if ref.kind in ("minutes", "debate", "sitting"):
        return _make(ref.value[-10:-6], ref.value[-5:-3], ref.value[-2:])
    if ref.kind == "press_release":
        return _make(ref.value[:4], ref.value[4:6], ref.value[6:8])
    return None


def timestamp_date(value: str) -> date | None:
    """The date of an ISO timestamp with or without a zone ("2025-05-08+02:00")."""
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
