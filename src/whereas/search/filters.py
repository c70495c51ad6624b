"""What results may be: the filters of a search as conditions on search_entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_

from whereas.search.labels import country_key
from whereas.search.results import Entry
from whereas.search.tables import search_entries as e

CLAUSE_KINDS = frozenset({"citation", "recital", "paragraph", "point"})


@dataclass(frozen=True)
class Filters:
    """Kinds, languages, years, a date range, entry type, and what the entries are about.

    Values of one filter are alternatives (any of them); different filters must all hold.
    """

    kinds: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    entry: Entry | None = None
    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    procedure_types: tuple[str, ...] = ()

    def where(self) -> list[ColumnElement[bool]]:
        """The conditions on search_entries (clause kinds and document kinds both apply)."""
        conditions = self._record_conditions()
        for name, values in (
            ("countries", tuple(country_key(c) for c in self.countries)),
            ("groups", self.groups),
            ("verbs", self.verbs),
            ("addressees", self.addressees),
            ("themes", self.themes),
        ):
            if values:
                # Without case on both databases (SQLite's LIKE already ignored it).
                column = e.c[name]
                conditions.append(
                    or_(*(column.icontains(f"|{v}|", autoescape=True) for v in values))
                )
        if self.procedure_types:
            conditions.append(e.c.procedure_type.in_([t.upper() for t in self.procedure_types]))
        return conditions

    def date_conditions(self) -> list[ColumnElement[bool]]:
        """The date range alone (the part of the filters index terms can only narrow)."""
        conditions: list[ColumnElement[bool]] = []
        if self.date_from:
            conditions.append(e.c.date >= self.date_from)
        if self.date_to:
            conditions.append(e.c.date <= self.date_to)
        return conditions

    def _record_conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        document_kinds = [k for k in self.kinds if k not in CLAUSE_KINDS]
        clause_kinds = [k for k in self.kinds if k in CLAUSE_KINDS]
        if document_kinds:
            conditions.append(e.c.kind.in_(document_kinds))
        if clause_kinds:
            conditions.append(e.c.clause_kind.in_(clause_kinds))
        if self.languages:
            conditions.append(e.c.language.in_(self.languages))
        if self.years:
            conditions.append(e.c.year.in_(self.years))
        conditions.extend(self.date_conditions())
        if self.entry:
            conditions.append(e.c.entry == self.entry)
        return conditions
