"""mepwatch vote cards: <id>.json (the vote) and <id>.csv (one row per MEP) -> a vote with members.

The JSON names the item as item_rollcall.csv does (with the "RC- -" artefact) and gives its time
in UTC; MEP rows carry the voting id (MepId), kept as "mepid:<id>" until people resolve it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from whereas.parse.datasets.item_rollcall import item_vote
from whereas.parse.records import MemberVote, ParsedDocument, Position, Vote
from whereas.parse.votes.references import procedure_reference
from whereas.parse.votes.tallies import check_members, check_totals
from whereas.vocabularies.groups import group_code

Row = Mapping[str, str]
CARD_KEYS = frozenset({"id", "for", "against", "abstention", "ref", "name"})
MEMBER_COLUMNS = frozenset({"mepid", "name", "result", "eugroup"})
_POSITIONS: dict[str, Position] = {
    "for": "for",
    "against": "against",
    "abstention": "abstention",
    "abstain": "abstention",
}


def parse_mepwatch_card(card: Mapping[str, Any], members: Sequence[Row] = ()) -> ParsedDocument:
    """The vote of one card, with its members when their rows are given, checked."""
    parsed = ParsedDocument()
    vote = card_vote(card)
    vote.members = card_members(members, vote, parsed.warnings)
    parsed.warnings.extend(check_members(vote))
    mismatch = check_totals(vote)
    if mismatch:
        parsed.warnings.append(mismatch)
    parsed.votes.append(vote)
    return parsed


def card_vote(card: Mapping[str, Any]) -> Vote:
    """The vote a card's JSON describes (no members)."""
    row = {
        "identifier": str(card.get("id") or ""),
        "date": str(card.get("date") or ""),
        "report": str(card.get("ref") or ""),
        "title": str(card.get("name") or ""),
        **{
            k: str(card.get(k) if card.get(k) is not None else "")
            for k in ("for", "against", "abstention")
        },
    }
    vote = item_vote(row)
    vote.title = str(card.get("title") or "") or vote.title
    vote.procedure = procedure_reference(str(card.get("url") or "")) or vote.procedure
    vote.path = "/"
    return vote


def card_members(rows: Sequence[Row], vote: Vote, warnings: list[str]) -> list[MemberVote]:
    """The MEP rows of a card as positions, with their group on the day of the vote."""
    members: list[MemberVote] = []
    for number, row in enumerate(rows, start=1):
        position = _POSITIONS.get((row.get("result") or "").strip().casefold())
        if position is None:
            warnings.append(f"row {number}: position {row.get('result')!r} is not known")
            continue
        mep_id = (row.get("mepid") or "").strip() or None
        label = (row.get("eugroup") or "").strip()
        members.append(
            MemberVote(
                f"mepid:{mep_id}" if mep_id else "",
                (row.get("name") or "").strip(),
                position,
                group_code(label, on=vote.date) if label else None,
                mep_id=mep_id,
            )
        )
    return members
