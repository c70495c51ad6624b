"""Filters inside the full-text match: an entry's labels as index terms, a filter as terms to find.

Each label (kind, clause kind, language, year, entry type, procedure type, and every country,
group, verb, addressee and theme) is one term: a letter for the label's name and the value's
UTF-8 bytes in hex ("c7561" is country ua), so any value is one alphanumeric token and no two
values share one. A filter becomes groups of terms: an entry must hold a term of every group.
The index narrows by these terms; the exact conditions of `Filters.where()` still decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import cast

from whereas.search.filters import CLAUSE_KINDS, Filters
from whereas.search.labels import country_key, decode

# Label name -> the letter its terms start with (whereas.search.fts5 uses "r" and "z").
SINGLE = {"kind": "k", "clause_kind": "q", "language": "l", "entry": "e", "procedure_type": "p"}
MULTI = {"countries": "c", "groups": "g", "verbs": "v", "addressees": "a", "themes": "t"}
YEAR = "y"
MAX_RANGE_YEARS = 30  # a date range over more years is left to the exact condition alone


@lru_cache(maxsize=8192)
def label_term(letter: str, value: str) -> str:
    """The index term of one label value."""
    return letter + value.encode("utf-8").hex()


def entry_label_terms(columns: dict[str, object]) -> list[str]:
    """The label terms of one entry, from its search_entries columns."""
    terms = [
        label_term(letter, str(columns[name]))
        for name, letter in SINGLE.items()
        if columns.get(name) is not None
    ]
    if columns.get("year") is not None:
        terms.append(f"{YEAR}{columns['year']}")
    for name, letter in MULTI.items():
        terms.extend(_column_terms(letter, cast("str | None", columns.get(name))))
    return terms


@lru_cache(maxsize=8192)
def _column_terms(letter: str, column: str | None) -> tuple[str, ...]:
    """The terms of one multi-valued column ("|kz|ua|"): the entries of a document share
    its countries and groups, and clauses repeat their verbs, addressees and themes."""
    # Multi-valued labels are compared without case (a LIKE on SQLite, ILIKE on PostgreSQL).
    values = dict.fromkeys(v.lower() for v in decode(column))
    return tuple(label_term(letter, v) for v in values)


@dataclass(frozen=True)
class LabelMatch:
    """Groups of label terms an entry must hold (one term of each group).

    `exact` is False when a condition is only narrowed by the terms (a date range that does not
    cover whole years): the caller must also apply the exact condition.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    exact: bool = True


def label_match(filters: Filters) -> LabelMatch:
    """The label terms that find the entries `filters` keeps."""
    groups: list[tuple[str, ...]] = []
    document_kinds = [k for k in filters.kinds if k not in CLAUSE_KINDS]
    clause_kinds = [k for k in filters.kinds if k in CLAUSE_KINDS]
    for letter, values in (
        (SINGLE["kind"], document_kinds),
        (SINGLE["clause_kind"], clause_kinds),
        (SINGLE["language"], list(filters.languages)),
        (SINGLE["entry"], [filters.entry] if filters.entry else []),
        (SINGLE["procedure_type"], [t.upper() for t in filters.procedure_types]),
        (MULTI["countries"], [country_key(c) for c in filters.countries]),
        (MULTI["groups"], [g.lower() for g in filters.groups]),
        (MULTI["verbs"], [v.lower() for v in filters.verbs]),
        (MULTI["addressees"], [a.lower() for a in filters.addressees]),
        (MULTI["themes"], [t.lower() for t in filters.themes]),
    ):
        if values:
            groups.append(tuple(sorted({label_term(letter, v) for v in values})))
    if filters.years:
        groups.append(tuple(sorted({f"{YEAR}{y}" for y in filters.years})))
    years, exact = _range_years(filters.date_from, filters.date_to)
    if years:
        groups.append(tuple(f"{YEAR}{y}" for y in years))
    return LabelMatch(tuple(groups), exact)


def _range_years(first: date | None, last: date | None) -> tuple[list[int], bool]:
    """The years a date range touches, and whether it covers each of them whole."""
    if first is None and last is None:
        return [], True
    if first is None or last is None or last.year - first.year >= MAX_RANGE_YEARS:
        return [], False
    if last < first:
        return [], False  # an empty range: left to the exact condition, which finds nothing
    whole = (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31)
    return list(range(first.year, last.year + 1)), whole
