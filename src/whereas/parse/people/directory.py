"""The EP's MEP directory XML (<meps><mep><fullName/><id/>...</mep></meps>) -> Person records."""

from __future__ import annotations

import lxml.etree

from whereas.parse.people.names import name_flags, squash
from whereas.parse.records import Membership, ParsedDocument, Person
from whereas.parse.votes.inputs import XmlSource, body_of, element_text, xml_root
from whereas.read.xpath import ElementPaths
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.countries import country_code
from whereas.vocabularies.groups import group_code


def parse_people_directory(
    source: XmlSource, recognition: Recognition | None = None
) -> ParsedDocument:
    """Every MEP of a directory: id and name, and country and group when the list gives them."""
    parsed = ParsedDocument(body=body_of(source))
    root = xml_root(source)
    if root is None:
        parsed.warnings.append("no XML tree to read MEPs from")
        return parsed
    # One namer for the tree: getpath per MEP would count the MEP's siblings each time (issue 10).
    paths = ElementPaths()
    for element in root.iter("mep"):
        person = directory_person(element, paths=paths)
        if person is None:
            parsed.warnings.append(f"an MEP without id or name at {paths.of(element)}")
        else:
            parsed.people.append(person)
    if not parsed.people:
        parsed.warnings.append("no MEP found in the directory")
    return parsed


def directory_person(
    element: lxml.etree._Element, *, paths: ElementPaths | None = None
) -> Person | None:
    """One <mep> entry, or None when it lacks an id or a name (`paths`: one per tree)."""
    person_id = element_text(element.find("id"))
    name = squash(element_text(element.find("fullName")))
    if not person_id or not name:
        return None
    path = (paths or ElementPaths()).of(element)
    person = Person(person_id, name, path=path, flags=name_flags(name))
    country = element_text(element.find("country"))
    person.country = country_code(country) if country else None
    group = element_text(element.find("politicalGroup"))
    code = group_code(group) if group else None
    if code:
        person.memberships.append(Membership(code))
    return person
