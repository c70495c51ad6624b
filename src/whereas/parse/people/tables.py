"""MEP tables -> Person records: the EP Open Data Portal CSV and mepwatch's meps CSV.

The ODP's term-9 list is in cp1252 and its letters outside that code page became "?": the
name is kept as written and the person is flagged "lossy_name" so that matching is careful.
The same list labels Spanish MEPs "Estonia" and Estonian MEPs "Spain" (Madrid-born MEPs of
"Estonia"): when a file shows more MEPs of Estonia than of Spain, those two countries are not
trusted and left unknown (flag "country_withheld"), never swapped by guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from whereas.parse.people.names import LOSSY_NAME, full_name, name_flags
from whereas.parse.records import Membership, ParsedDocument, Person
from whereas.vocabularies.countries import country_code
from whereas.vocabularies.groups import group_code

Row = Mapping[str, str]
ODP_COLUMNS = frozenset({"mep_identifier", "mep_given_name", "mep_family_name"})
MEPWATCH_COLUMNS = frozenset({"firstname", "lastname", "eugroup", "voteid"})
COUNTRY_WITHHELD = "country_withheld"
_SWAPPED = frozenset({"ESP", "EST"})


def parse_odp_meps(rows: Sequence[Row]) -> ParsedDocument:
    """The Open Data Portal's MEP list: id, name, citizenship; lossy names flagged."""
    parsed = ParsedDocument()
    for number, row in enumerate(rows, start=2):
        person_id = (row.get("mep_identifier") or "").strip()
        name = full_name(row.get("mep_given_name"), row.get("mep_family_name"))
        if not person_id or not name:
            parsed.warnings.append(f"line {number}: an MEP without id or name")
            continue
        citizenship = (row.get("mep_citizenship") or "").strip()
        parsed.people.append(
            Person(
                person_id,
                name,
                country=country_code(citizenship) if citizenship else None,
                path=f"line {number}",
                flags=name_flags(name),
            )
        )
    _withhold_swapped_countries(parsed)
    _count_lossy(parsed)
    return parsed


def _withhold_swapped_countries(parsed: ParsedDocument) -> None:
    counts = {code: sum(1 for p in parsed.people if p.country == code) for code in _SWAPPED}
    if counts["EST"] <= counts["ESP"]:
        return
    for person in parsed.people:
        if person.country in _SWAPPED:
            person.country = None
            person.flags.append(COUNTRY_WITHHELD)
    parsed.warnings.append(
        f"{counts['EST']} MEPs of Estonia and {counts['ESP']} of Spain: the list swaps the two, "
        "their country is left unknown"
    )


def parse_mepwatch_meps(rows: Sequence[Row]) -> ParsedDocument:
    """mepwatch's MEP table: EP id, voting id, name, country and last known group."""
    parsed = ParsedDocument()
    for number, row in enumerate(rows, start=2):
        person_id = (row.get("epid") or row.get("mepid") or "").strip()
        name = full_name(row.get("firstname"), row.get("lastname"))
        if not person_id or not name:
            parsed.warnings.append(f"line {number}: an MEP without id or name")
            continue
        person = Person(person_id, name, path=f"line {number}", flags=name_flags(name))
        person.mep_id = (row.get("voteid") or "").strip() or None
        country = (row.get("country") or "").strip()
        person.country = country_code(country) if country else None
        # The table gives the group the MEP was last in, not when: no dates rather than wrong ones.
        code = group_code(row.get("eugroup") or "") if row.get("eugroup") else None
        if code:
            person.memberships.append(Membership(code))
        parsed.people.append(person)
    _count_lossy(parsed)
    return parsed


def _count_lossy(parsed: ParsedDocument) -> None:
    lossy = sum(1 for p in parsed.people if LOSSY_NAME in p.flags)
    if lossy:
        parsed.warnings.append(f"{lossy} names with letters lost to '?': match them with care")
