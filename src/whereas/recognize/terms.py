"""Parliamentary terms of the European Parliament: which term a year or a sitting date falls in."""

from __future__ import annotations

from datetime import date

# First sitting of each directly elected Parliament; a term runs until the next one starts.
TERM_STARTS: dict[int, date] = {
    1: date(1979, 7, 17),
    2: date(1984, 7, 24),
    3: date(1989, 7, 25),
    4: date(1994, 7, 19),
    5: date(1999, 7, 20),
    6: date(2004, 7, 20),
    7: date(2009, 7, 14),
    8: date(2014, 7, 1),
    9: date(2019, 7, 2),
    10: date(2024, 7, 16),
}
LAST_TERM = max(TERM_STARTS)


def term_of_date(day: date) -> int | None:
    """The term whose sittings include `day`, or None before the first elected Parliament."""
    found: int | None = None
    for term, start in sorted(TERM_STARTS.items()):
        if day >= start:
            found = term
    return found


def year_fits_term(year: int, term: int) -> bool:
    """Whether a document numbered in `year` can belong to `term` (terms straddle two years)."""
    start = TERM_STARTS.get(term)
    if start is None:
        return False
    return start.year <= year <= start.year + 5
