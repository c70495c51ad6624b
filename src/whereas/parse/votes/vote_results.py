"""Results of votes (VOT XML, Annex 1 of the minutes): every vote of a sitting, roll call or not.

Votes come grouped by agenda item; inside an item a title row names the text voted ("Joint motion
for a resolution RC-B10-0249/2025 (...)") and "Other motions for resolutions" opens the group
motions, which lapse once the joint motion is adopted. A split vote is a header row ("split") and
one row per part: the parts become votes with subject "§ 1/1", "§ 1/2"; the header is no vote.
Votes by show of hands keep their result with counts None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.etree

from whereas.parse.records import ParsedDocument, Vote, VoteResult
from whereas.parse.votes.inputs import (
    XmlSource,
    body_of,
    element_text,
    iso_date,
    sitting_time,
    xml_root,
)
from whereas.parse.votes.references import human_reference, leading_reference
from whereas.parse.votes.subjects import clause_of
from whereas.parse.votes.tallies import flag
from whereas.read.xpath import ElementPaths
from whereas.recognize.recognition import Recognition
from whereas.recognize.references import find_references

_RESULTS: dict[str, VoteResult] = {
    "ADOPTED": "adopted",
    "REJECTED": "rejected",
    "LAPSED": "lapsed",
    "WITHDRAWN": "withdrawn",
}
_COUNTED = {"ROLL_CALL", "ELECTRONICAL", "SECRET"}
_PART = re.compile(r"^(\d+)\b")
OBSERVATION_MISMATCH = "observation_mismatch"


@dataclass
class _Item:
    """What the rows of one agenda item share while they are read in order."""

    title: str | None
    reference: str | None
    procedure: str | None
    group_motions: bool = False


def parse_vote_results(source: XmlSource, recognition: Recognition | None = None) -> ParsedDocument:
    """Every vote of the sitting, in list order, with subject, author, result and totals."""
    parsed = ParsedDocument(body=body_of(source))
    root = xml_root(source)
    if root is None:
        parsed.warnings.append("no XML tree to read the results of votes from")
        return parsed
    sitting = root.find("sitting")
    day = iso_date(sitting.get("date") if sitting is not None else root.get("date"))
    if day is not None:
        parsed.header["sitting_date"] = day.isoformat()
    if sitting is not None and sitting.get("lastUpdate"):
        parsed.header["last_update"] = sitting.get("lastUpdate", "")
    # One namer for the tree: getpath per row would count the row's siblings each time (issue 10).
    paths = ElementPaths()
    for element in root.iter("vote"):
        parsed.votes.extend(_item_votes(element, day, parsed.warnings, paths))
    if not parsed.votes:
        parsed.warnings.append("no vote found in the results of votes")
    return parsed


def _item_votes(
    element: lxml.etree._Element, day: date | None, warnings: list[str], paths: ElementPaths
) -> list[Vote]:
    item = _Item(element_text(element.find("title")) or None, _item_reference(element), None)
    item.procedure = _procedure(element_text(element.find("label")))
    votes: list[Vote] = []
    for row in element.iterfind("votings/voting"):
        if row.get("type") == "TITLE_BLOCK":
            _enter_block(item, element_text(row.find("title")))
        elif _rcv(row) != "split":
            vote = _row_vote(row, item, warnings, paths)
            vote.date = day
            votes.append(vote)
    return votes


def _enter_block(item: _Item, title: str) -> None:
    item.group_motions = title.casefold().startswith("other motions")
    motions = [r.value for r in find_references(title) if r.kind in ("motion", "joint_motion")]
    if motions:
        item.reference = motions[0]


def _row_vote(
    row: lxml.etree._Element, item: _Item, warnings: list[str], paths: ElementPaths
) -> Vote:
    printed = element_text(row.find("amendmentSubject")) or element_text(row.find("title"))
    number = element_text(row.find("amendmentNumber"))
    part = _PART.match(_rcv(row))
    subject = printed + (f"/{part[1]}" if part else "")
    if number and number != "§":
        subject += f" - Am {number}"
    label = element_text(row.find("label"))
    reference = item.reference or leading_reference(label)[0]
    if item.group_motions:
        reference = human_reference(printed) or reference
    clause = clause_of(printed)
    vote = Vote(
        None,
        None,
        None,
        result=_RESULTS.get(row.get("result", "")),
        roll_call=row.get("resultType") == "ROLL_CALL",
        official=True,
        subject=subject or None,
        reference=reference,
        procedure=item.procedure,
        vote_id=row.get("votingId"),
        title=item.title,
        text=label or None,
        clause_label=clause.label if clause else None,
        clause_kind=clause.kind if clause else None,
        amendment=number if number and number != "§" else None,
        author=_author(element_text(row.find("amendmentAuthor"), keep_lines=True)),
        path=paths.of(row),
    )
    if row.get("resultType") in _COUNTED:
        # Rows voted by show of hands carry the time the list was published, not a vote time.
        vote.time = sitting_time(row.get("voteTimestamp"))
        _read_totals(row, vote, warnings)
    return vote


def _read_totals(row: lxml.etree._Element, vote: Vote, warnings: list[str]) -> None:
    counts = [_count(row.get(a)) for a in ("numberFavor", "numberAgainst", "numberAbstention")]
    vote.for_, vote.against, vote.abstentions = counts
    observed = [_count(n) for n in re.findall(r"\d+", element_text(row.find("observations")))]
    if len(observed) == 3 and None not in counts and observed != counts:
        flag(vote, OBSERVATION_MISMATCH)
        warnings.append(f"vote {vote.vote_id}: totals {counts} but the observations say {observed}")


def _item_reference(element: lxml.etree._Element) -> str | None:
    for document in element.iterfind("documents/document"):
        number = document.get("documentNumber", "")
        prefix = "RC-" if document.get("documentType") == "RC" else ""
        reference = human_reference(prefix + number.strip())
        if reference:
            return reference
    found = find_references(element_text(element.find("label")))
    return found[0].value if found and found[0].kind != "procedure" else None


def _procedure(label: str) -> str | None:
    return next((r.value for r in find_references(label) if r.kind == "procedure"), None)


def _author(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return ", ".join(lines) or None


def _rcv(row: lxml.etree._Element) -> str:
    return element_text(row.find("rcv/value"))


def _count(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None
