"""Roll-call vote lists (RCV XML, "Result of roll-call votes", Annex 2 of the minutes) -> votes.

One format since 2019 in several spellings: term 9 and 10 files, the older register naming (with a
DOCTYPE), members with MepId only or MepId and PersId. Corrections and voting intentions published
after the vote ("Intentions") never change the result as announced: they are kept apart, in
`Vote.corrections` (each with corrected=True), and `Vote.members` stays the record as voted.
"""

from __future__ import annotations

import lxml.etree

from whereas.parse.records import MemberVote, ParsedDocument, Position, Vote
from whereas.parse.votes.inputs import (
    XmlSource,
    body_of,
    element_text,
    iso_date,
    sitting_date,
    sitting_time,
    xml_root,
)
from whereas.parse.votes.references import leading_reference
from whereas.parse.votes.subjects import amendment_of, clause_of
from whereas.parse.votes.tallies import NO_TOTALS, check_members, check_totals, flag
from whereas.read.xpath import ElementPaths
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.groups import group_code

_SECTIONS: dict[str, Position] = {
    "Result.For": "for",
    "Result.Against": "against",
    "Result.Abstention": "abstention",
}
_INTENTIONS: dict[str, Position] = {
    "Intentions.Result.For": "for",
    "Intentions.Result.Against": "against",
    "Intentions.Result.Abstention": "abstention",
}


def parse_roll_call(
    source: XmlSource,
    recognition: Recognition | None = None,
    *,
    known_people: frozenset[str] | None = None,
) -> ParsedDocument:
    """Every roll call of a sitting with its totals, positions and corrections, checked."""
    parsed = ParsedDocument(body=body_of(source))
    root = xml_root(source)
    if root is None:
        parsed.warnings.append("no XML tree to read roll calls from")
        return parsed
    parsed.header.update(_header(root))
    titles = {t.get("DlvId", ""): element_text(t) for t in root.iter("VoteTitle")}
    # One namer for the tree: getpath per vote would count the vote's siblings each time (issue 10).
    paths = ElementPaths()
    for element in root.iter("RollCallVote.Result"):
        vote, warnings = roll_call_vote(element, titles, paths=paths)
        warnings.extend(check_members(vote, known_people))
        parsed.votes.append(vote)
        parsed.warnings.extend(warnings)
    if not parsed.votes:
        parsed.warnings.append("no roll-call vote found")
    return parsed


def _header(root: lxml.etree._Element) -> dict[str, str | list[str]]:
    fields = {
        "sitting_date": "Sitting.Date",
        "minutes": "EP.Reference",
        "sitting": "Sitting.Identifier",
    }
    return {key: root.get(attr, "") for key, attr in fields.items() if root.get(attr)}


def roll_call_vote(
    element: lxml.etree._Element,
    titles: dict[str, str] | None = None,
    *,
    paths: ElementPaths | None = None,
) -> tuple[Vote, list[str]]:
    """One roll call: description, time, totals, members and corrections, with what went wrong.

    `paths` names the elements of the tree: share one across the votes of a file.
    """
    warnings: list[str] = []
    moment = sitting_time(element.get("Date"))
    day = sitting_date(moment) or iso_date(_sitting_of(element))
    description = element_text(element.find("RollCallVote.Description.Text"))
    reference, subject = leading_reference(description)
    clause = clause_of(subject)
    vote = Vote(
        None,
        None,
        None,
        roll_call=True,
        official=True,
        date=day,
        time=moment,
        vote_id=element.get("Identifier"),
        subject=subject or None,
        text=description or None,
        reference=reference,
        clause_label=clause.label if clause else None,
        clause_kind=clause.kind if clause else None,
        amendment=amendment_of(subject),
        title=(titles or {}).get(element.get("DlvId", "")),
        path=(paths or ElementPaths()).of(element),
    )
    _read_totals(element, vote, warnings)
    vote.members = _members(element, vote, warnings)
    vote.corrections = _corrections(element, vote)
    mismatch = check_totals(vote)
    if mismatch:
        warnings.append(mismatch)
    return vote, warnings


def _read_totals(element: lxml.etree._Element, vote: Vote, warnings: list[str]) -> None:
    totals: dict[Position, int | None] = {}
    for tag, position in _SECTIONS.items():
        section = element.find(tag)
        number = section.get("Number") if section is not None else None
        if number is not None and not number.strip().isdigit():
            warnings.append(f"vote {vote.vote_id}: {tag} Number={number!r} is not a count")
            number = None
        totals[position] = int(number) if number is not None else None
    vote.for_, vote.against, vote.abstentions = (
        totals["for"],
        totals["against"],
        totals["abstention"],
    )
    if all(n is None for n in totals.values()):
        flag(vote, NO_TOTALS)
        warnings.append(f"vote {vote.vote_id}: no totals stated")


def _members(element: lxml.etree._Element, vote: Vote, warnings: list[str]) -> list[MemberVote]:
    members: list[MemberVote] = []
    for tag, position in _SECTIONS.items():
        for group_list in element.iterfind(f"{tag}/Result.PoliticalGroup.List"):
            label = group_list.get("Identifier", "")
            group = group_code(label, on=vote.date) if label else None
            if group is None:
                warnings.append(f"vote {vote.vote_id}: unknown group {label!r}")
            for name in group_list.iterfind("PoliticalGroup.Member.Name"):
                members.append(_member(name, position, group))
    return members


def _member(element: lxml.etree._Element, position: Position, group: str | None) -> MemberVote:
    mep_id = (element.get("MepId") or "").strip() or None
    pers_id = (element.get("PersId") or "").strip()
    # Person ids are the EP's MEP ids (PersId); files with only the voting id say so in the id.
    person_id = pers_id or (f"mepid:{mep_id}" if mep_id else "")
    return MemberVote(person_id, element_text(element), position, group, mep_id=mep_id)


def _corrections(element: lxml.etree._Element, vote: Vote) -> list[MemberVote]:
    groups = {m.person_id: m.group for m in vote.members}
    corrections: list[MemberVote] = []
    for tag, position in _INTENTIONS.items():
        for name in element.iterfind(f"Intentions/{tag}/Member.Name"):
            member = _member(name, position, None)
            member.group = groups.get(member.person_id)
            member.corrected = True
            corrections.append(member)
    return corrections


def _sitting_of(element: lxml.etree._Element) -> str | None:
    root = element.getroottree().getroot()
    return root.get("Sitting.Date")
