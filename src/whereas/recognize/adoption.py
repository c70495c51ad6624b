"""Dates resolutions print in words, in the 24 EU languages ("del 17 aprile 2020", "z dne
17. aprila 2020", "2008 m. gegužės 8 d."), and the day a text adopted was adopted."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from whereas.recognize.headings import ADOPTED_TITLE
from whereas.recognize.months import MONTHS

# The day before the month ("17 aprile 2020", "20. januar 2022", "12 de diciembre de 2017",
# "16ης Δεκεμβρίου 2010", "tal-14 ta' Marzu 2019") or the year first ("2008 m. gegužės 8 d.",
# "2022. január 20-i", "2022. gada 20. janvāra").
_DAY_FIRST = (
    r"(?P<day>\d{{1,2}})(?:\.|er|ης|ας|ου)?\s+(?:de\s+|ta['’]\s+)?(?P<month>{m})\s+"
    r"(?:de\s+)?(?P<year>\d{{4}})"
)
_YEAR_FIRST = (
    r"(?P<year2>\d{{4}})(?:\.|\s+m\.)?\s+(?:gada\s+)?(?:(?P<day2>\d{{1,2}})\.\s+)?"
    r"(?P<month2>{m})(?(day2)|\s+(?P<day3>\d{{1,2}})(?:\s+d\.|-))"
)


@cache
def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for names in MONTHS.values():
        for index, name in enumerate(names, start=1):
            numbers.setdefault(name, index)
    return numbers


@cache
def _written_date() -> re.Pattern[str]:
    names = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.])(?:{_DAY_FIRST.format(m=names)}|{_YEAR_FIRST.format(m=names)})(?!\d)",
        re.IGNORECASE,
    )


def _day(m: re.Match[str]) -> date | None:
    month = _month_numbers()[(m["month"] or m["month2"]).lower()]
    year = int(m["year"] or m["year2"])
    day = int(m["day"] or m["day2"] or m["day3"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def written_dates(text: str) -> list[date]:
    """The dates `text` writes in words in any EU language, in text order."""
    return [day for m in _written_date().finditer(text) if (day := _day(m)) is not None]


def adoption_date(text: str) -> date | None:
    """The date in the title line of a text adopted ("resolution of 16 December 2010 on")."""
    title = ADOPTED_TITLE.search(text)
    if title is None:
        return None
    # The title line's date: in the words matched (year first) or just after them.
    line_start = text.rfind("\n", 0, title.start()) + 1
    line_end = text.find("\n", title.end())
    found = written_dates(text[line_start : line_end if line_end >= 0 else len(text)])
    return found[0] if found else None
