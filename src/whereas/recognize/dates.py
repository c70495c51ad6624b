"""Dates of documents: from metadata, from identifiers, and from spans of text found first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from whereas.recognize.months import MONTHS
from whereas.recognize.recognition import Reference

# Month names of the languages the sources write dates in, with their numbers: the written forms
# of whereas.recognize.months, plus the abbreviations, unaccented spellings and the Czech
# nominative ("leden") the sources also use.
_EXTRA_MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    "fr": {"fevrier": 2, "aout": 8, "decembre": 12},
    "de": {"jänner": 1},
    "cs": {
        "leden": 1, "únor": 2, "březen": 3, "duben": 4, "květen": 5, "červen": 6,
        "červenec": 7, "srpen": 8, "říjen": 10, "listopad": 11, "prosinec": 12,
    },
}  # fmt: skip
_MONTHS_BY_LANGUAGE: dict[str, dict[str, int]] = {
    language: {**{name: n for n, name in enumerate(MONTHS[language], start=1)}, **extra}
    for language, extra in _EXTRA_MONTHS.items()
}
MONTH_NUMBERS = {
    name: number for names in _MONTHS_BY_LANGUAGE.values() for name, number in names.items()
}
_MONTH = re.compile("|".join(MONTH_NUMBERS), re.IGNORECASE)
# A month name stands between a space and a space or a full stop: it is a whole word. The
# patterns take the word, and it is kept when it is a month (one test per word, rather than
# every month name tried at every word).
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})(?P<suffix>er|st|nd|rd|th)?\.?\s+(?P<month>\w+)\.?\s+"
    r"(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"(?<!\w)(?P<month>\w+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE
)
# Day first, as the EP writes them: 20.1.2022, 08/05/2025, 18-07-2019. Any sign may follow
# the year ("25.11.2024-()" on mirrors that drop the procedure, "25.11.2024(2024/...)"), but
# not a letter, a digit, or a separator and a digit ("25.11.20241", "1.2.2024.5", a range).
_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\w|[./-]\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?![\d])")

METADATA_DATE_KEYS = (
    "date",
    "article:published_time",
    "published_time",
    "datepublished",
    "date_published",
    "published",
    "pubdate",
    "dcterms.date",
    "dc.date",
    "dcterms.issued",
    "publication_date",
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


_ORDINALS = {"1": "st", "21": "st", "31": "st", "2": "nd", "22": "nd", "3": "rd", "23": "rd"}


def _written_date(m: re.Match[str]) -> date | None:
    """The date of a span found by the day-month-year patterns, parsed as dateparser would.

    dateparser takes about a millisecond a span; the forms the sources use (a day, a month
    name, a year) are read directly, and anything else (a wrong ordinal, an impossible day,
    a far year, other digits than ASCII) goes to dateparser.
    """
    day, year, name = m["day"], m["year"], m["month"].lower()
    month = MONTH_NUMBERS.get(name)
    if month and _ordinal_fits(day, m.groupdict().get("suffix"), name) and _usual(day, year):
        found = _make(year, str(month), day)
        if found is not None:
            return found
    return _parse_span(m.group(0))


def _ordinal_fits(day: str, suffix: str | None, month: str) -> bool:
    """No suffix, or the English ordinal of the day ("1st", "22nd", "7th") before an English
    month, or "1er" before a French one (dateparser reads no other mix)."""
    if not suffix:
        return True
    number, suffix = day.lstrip("0"), suffix.lower()
    if suffix == "er":
        return number == "1" and month in _MONTHS_BY_LANGUAGE["fr"]
    return suffix == _ORDINALS.get(number, "th") and month in _MONTHS_BY_LANGUAGE["en"]


def _usual(day: str, year: str) -> bool:
    return (day + year).isascii() and "1900" <= year < "2100"


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
            if not _MONTH.fullmatch(m["month"]):
                continue
            value = _written_date(m)
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
