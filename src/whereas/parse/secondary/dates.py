"""Dates as news sites and press offices write them, and the publication date of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier januar jänner ledna leden",
        "february feb février fevrier februar února únor",
        "march mar mars märz března březen",
        "april apr avril dubna duben",
        "may mai května květen",
        "june jun juin juni června červen",
        "july jul juillet juli července červenec",
        "august aug août aout srpna srpen",
        "september sep sept septembre září",
        "october oct octobre oktober října říjen",
        "november nov novembre listopadu listopad",
        "december dec décembre decembre dezember prosince prosinec",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "monday lundi montag pondělí", "tuesday mardi dienstag úterý",
        "wednesday mercredi mittwoch středa středu", "thursday jeudi donnerstag čtvrtek",
        "friday vendredi freitag pátek", "saturday samedi samstag sobota sobotu",
        "sunday dimanche sonntag neděle neděli",
    ]
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _number
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_I = re.IGNORECASE
_DAY_MONTH = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<month>{_MONTH})\.?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?(?!\w)", _I
)
_MONTH_DAY = re.compile(
    rf"(?<!\w)(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"(?![\w:])", _I
)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<day>\d{1,2})([./-])(?P<month>\d{1,2})\2(?P<year>\d{4})(?![\d./-])"
)
_ISO = re.compile(r"(?<![\d/])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_TIME = r"\d{1,2}[:.h]\d{2}"
_DATELINE = re.compile(
    rf"(?:^|\n)\s*(?:[A-ZÀ-ÝČŠŘŽ][\w\-]+,\s*)?(?:(?:{_WEEKDAY}),?\s+)?(?P<date>[^\n]{{6,30}}?)"
    rf"\s*(?:[-–—|,]\s*{_TIME}|\s[-–—]\s)", _I
)
_TIMED = re.compile(rf"{_TIME}\s*[-–—|,]?\s*(?P<date>[^\n]{{6,24}})", _I)
_WEEKDAY_ONLY = re.compile(
    rf"(?:\bon\s+|\bce\s+|\bam\s+|\bv\s+|\bve\s+)?(?P<weekday>{_WEEKDAY})(?!\w)", _I
)
_TODAY = re.compile(r"\b(?:today|aujourd['’]hui|heute|dnes|dnešní\w*)\b", _I)
_YESTERDAY = re.compile(r"\b(?:yesterday|hier|gestern|včera)\b", _I)
EARLIEST = date(1950, 1, 1)


@dataclass(frozen=True)
class WrittenDate:
    """A date found in text, its span, and whether the year was written or inferred."""

    value: date
    start: int
    end: int
    year_written: bool = True


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.casefold().rstrip(".")]


def find_dates(text: str, context_year: int | None = None) -> list[WrittenDate]:
    """Dates written in `text` in text order; a date without a year takes `context_year`."""
    found: list[WrittenDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_NUMERIC, _ISO, _DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            year = m.group("year")
            if year is None and context_year is None:
                continue
            value = _make(int(year or context_year or 0), _month(m.group("month")), int(m["day"]))
            if value is not None and value >= EARLIEST:
                found.append(WrittenDate(value, m.start(), m.end(), year is not None))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, context_year: int | None = None) -> date | None:
    """The first date written in `text`."""
    dates = find_dates(text, context_year)
    return dates[0].value if dates else None


def dateline(text: str, context_year: int | None = None) -> date | None:
    """A publication line: "Brusel, 7. ledna 2022 -", "18-07-2019 - 11:37", "11:37 18.07.2019"."""
    for pattern in (_DATELINE, _TIMED):
        for m in pattern.finditer(text):
            found = first_date(m.group("date"), context_year)
            if found is not None:
                return found
    return None


def weekday_on_or_before(weekday: int, day: date) -> date:
    """The last `weekday` (0 = Monday) on or before `day`."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def relative_day(text: str, published: date | None) -> date | None:
    """The day a sentence speaks of: "today", "yesterday", "on Thursday", a written date."""
    if published is None:
        return first_date(text)
    written = find_dates(text, published.year)
    if written:
        return written[0].value
    if _TODAY.search(text):
        return published
    if _YESTERDAY.search(text):
        return published - timedelta(days=1)
    m = _WEEKDAY_ONLY.search(text)
    if m:
        return weekday_on_or_before(_WEEKDAYS[m.group("weekday").casefold()], published)
    return None


def in_future(day: date, today: date | None = None) -> bool:
    """Whether a date is after today (a page cannot be published tomorrow)."""
    return day > (today or date.today())
