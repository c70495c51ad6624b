"""MEPs from the directory XML, MEP pages and MEP tables of the corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import lxml.etree
import lxml.html

from whereas.parse.people import (
    parse_member_page,
    parse_mepwatch_meps,
    parse_odp_meps,
    parse_people_directory,
)
from whereas.parse.records import Membership

from .tables import csv_rows


def test_term9_directory(corpus: Path) -> None:
    tree = lxml.etree.parse(str(corpus / "howtheyvote/members_directory_term_9.xml"))
    parsed = parse_people_directory(tree)
    assert parsed.warnings == []
    assert len(parsed.people) == 875
    assert len({p.person_id for p in parsed.people}) == 875
    first = parsed.people[0]
    assert (first.person_id, first.name, first.country) == ("197490", "Magdalena ADAMOWICZ", None)


def test_home_page_gives_country_and_current_group(corpus: Path) -> None:
    page = lxml.html.parse(str(corpus / "howtheyvote/member_info_aaltola_home.html"))
    (person,) = parse_member_page(page).people
    assert (person.person_id, person.name, person.country) == ("256810", "Mika AALTOLA", "FIN")
    assert person.memberships == [Membership("EPP")]


def test_history_page_gives_dated_memberships(corpus: Path) -> None:
    page = lxml.html.parse(str(corpus / "howtheyvote/member_groups_weber_term_10.html"))
    (person,) = parse_member_page(page).people
    assert (person.person_id, person.name, person.country) == ("28229", "Manfred WEBER", "DEU")
    assert person.memberships == [Membership("EPP", date(2024, 7, 16), None)]


def test_page_that_is_not_an_mep_page(corpus: Path) -> None:
    page = lxml.html.parse(str(corpus / "howtheyvote/press-release_20250204IPR26689.html"))
    parsed = parse_member_page(page)
    assert parsed.people == [] and parsed.warnings == ["no MEP id or name found on the page"]


def test_odp_list_flags_lossy_names_and_withholds_swapped_countries(corpus: Path) -> None:
    parsed = parse_odp_meps(csv_rows(corpus / "ep-open-data/data_v1_meps_9_en.csv", "cp1252"))
    people = {p.person_id: p for p in parsed.people}
    assert len(people) == 813
    assert sum("lossy_name" in p.flags for p in parsed.people) == 71
    konecna = people["23699"]
    assert konecna.name == "Kate?ina Kone?ná" and konecna.flags == ["lossy_name"]
    assert konecna.country == "CZE"
    assert (people["840"].name, people["840"].country, people["840"].flags) == (
        "Charles Goerens",
        "LUX",
        [],
    )
    # Spanish MEPs are labelled Estonia and Estonians Spain in this file: neither is trusted.
    assert people["1992"].country is None and people["1992"].flags == ["country_withheld"]
    assert people["124696"].country is None
    assert sum("country_withheld" in p.flags for p in parsed.people) == 66
    assert parsed.warnings == [
        "59 MEPs of Estonia and 7 of Spain: the list swaps the two, their country is left unknown",
        "71 names with letters lost to '?': match them with care",
    ]


def test_mepwatch_table_links_both_ids(corpus: Path) -> None:
    parsed = parse_mepwatch_meps(csv_rows(corpus / "mepwatch/meps-term9.csv"))
    assert parsed.warnings == [] and len(parsed.people) == 867
    morgado = parsed.people[0]
    assert (morgado.person_id, morgado.mep_id, morgado.name) == (
        "254876",
        "7362",
        "Ricardo MORGADO",
    )
    assert (morgado.country, morgado.memberships) == ("PRT", [Membership("EPP")])
    aguilar = next(p for p in parsed.people if p.mep_id == "7244")
    assert aguilar.person_id == "198096"
