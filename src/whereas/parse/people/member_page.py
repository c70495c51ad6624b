"""An MEP's pages on europarl.europa.eu (home, history of a term) -> one Person record.

The home page names the current group only (no dates); a term's history page lists each group
membership with its dates ("16-07-2024 ... : Group of ... - Chair", "dd-mm-yyyy / dd-mm-yyyy : ").
"""

from __future__ import annotations

import re
from datetime import date, datetime

import lxml.etree

from whereas.parse.people.names import name_flags, squash
from whereas.parse.records import Membership, ParsedDocument, Person
from whereas.parse.votes.inputs import XmlSource, body_of, element_text, xml_root
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.countries import country_code
from whereas.vocabularies.groups import group_code

_MEP_URL = re.compile(r"/meps/[a-z]{2}/(\d+)(?:/|$)")
_PERIOD = re.compile(
    r"^(?P<start>\d\d-\d\d-\d{4})\s*(?:/\s*(?P<end>\d\d-\d\d-\d{4})|\.\.\.)?\s*:\s*(?P<what>.+)$"
)
_GROUP_HEADINGS = {"political groups", "groupes politiques", "fraktionen"}


def parse_member_page(source: XmlSource, recognition: Recognition | None = None) -> ParsedDocument:
    """The MEP a page describes: id, name, country and group memberships."""
    parsed = ParsedDocument(body=body_of(source))
    root = xml_root(source)
    person_id = _person_id(root) if root is not None else None
    name = _first_text(root, "sln-member-name") if root is not None else ""
    if root is None or not person_id or not name:
        parsed.warnings.append("no MEP id or name found on the page")
        return parsed
    person = Person(person_id, name, flags=name_flags(name))
    person.country = _country(root)
    person.memberships = _dated_groups(root) or _current_group(root)
    if not person.memberships:
        parsed.warnings.append(f"no political group found for MEP {person_id}")
    parsed.people.append(person)
    return parsed


def _person_id(root: lxml.etree._Element) -> str | None:
    hrefs = root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    for href in hrefs if isinstance(hrefs, list) else []:
        match = _MEP_URL.search(str(href))
        if match:
            return match[1]
    return None


def _country(root: lxml.etree._Element) -> str | None:
    # The country heads the line naming the national party: "Finland - Kansallinen Kokoomus".
    for element in _with_class(root, "mt-1 mb-1"):
        if "title-h3" in (element.get("class") or ""):
            first = element_text(element).split(" - ")[0]
            code = country_code(first)
            if code:
                return code
    return None


def _current_group(root: lxml.etree._Element) -> list[Membership]:
    code = group_code(_first_text(root, "sln-political-group-name"))
    return [Membership(code)] if code else []


def _dated_groups(root: lxml.etree._Element) -> list[Membership]:
    memberships: list[Membership] = []
    for block in _with_class(root, "erpl_meps-status"):
        heading = element_text(block.find(".//h4")).casefold()
        if heading not in _GROUP_HEADINGS:
            continue
        for item in block.iter("li"):
            membership = _membership(squash(element_text(item)))
            if membership:
                memberships.append(membership)
    return memberships


def _membership(text: str) -> Membership | None:
    match = _PERIOD.match(text)
    if match is None:
        return None
    start, end = _day(match["start"]), _day(match["end"])
    label = match["what"]
    # The role follows the group after a dash, and some group names hold a dash themselves.
    while label:
        code = group_code(label, on=start)
        if code:
            return Membership(code, start, end)
        label = label.rpartition(" - ")[0]
    return None


def _day(text: str | None) -> date | None:
    return datetime.strptime(text, "%d-%m-%Y").date() if text else None


def _with_class(root: lxml.etree._Element, name: str) -> list[lxml.etree._Element]:
    found = root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")
    return (
        [e for e in found if isinstance(e, lxml.etree._Element)] if isinstance(found, list) else []
    )


def _first_text(root: lxml.etree._Element, name: str) -> str:
    found = _with_class(root, name)
    return squash(element_text(found[0])) if found else ""
