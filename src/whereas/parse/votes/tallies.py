"""Tallies of a roll call: counted from its members, by group, checked against its totals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from whereas.parse.records import MemberVote, Vote

TOTALS_MISMATCH = "totals_mismatch"
MEMBER_WITHOUT_ID = "member_without_id"
DUPLICATE_MEMBER = "duplicate_member"
UNKNOWN_MEMBER = "unknown_member"
UNKNOWN_GROUP = "unknown_group"
NO_TOTALS = "no_totals"


@dataclass(frozen=True)
class VoteTally:
    """For, against and abstentions, as counted from a list of positions."""

    for_: int = 0
    against: int = 0
    abstentions: int = 0

    @property
    def voters(self) -> int:
        """Everyone who took part (did-not-vote excluded)."""
        return self.for_ + self.against + self.abstentions


def count_positions(members: Iterable[MemberVote]) -> VoteTally:
    """The tally of a list of positions."""
    counts = Counter(m.position for m in members)
    return VoteTally(counts["for"], counts["against"], counts["abstention"])


def tally_by_group(vote: Vote) -> dict[str | None, VoteTally]:
    """The vote's tally in each group (None: members whose group is not known), from its members."""
    groups: dict[str | None, list[MemberVote]] = {}
    for member in vote.members:
        groups.setdefault(member.group, []).append(member)
    return {group: count_positions(members) for group, members in groups.items()}


def check_totals(vote: Vote) -> str | None:
    """Compare the stated totals with the members counted; flag the vote and say how on mismatch."""
    stated = (vote.for_, vote.against, vote.abstentions)
    if not vote.members or all(n is None for n in stated):
        return None
    counted = count_positions(vote.members)
    # A section the file does not state is not checked: its count is unknown, not zero.
    pairs = zip(stated, (counted.for_, counted.against, counted.abstentions), strict=True)
    if all(s is None or s == c for s, c in pairs):
        return None
    flag(vote, TOTALS_MISMATCH)
    return (
        f"vote {vote.vote_id}: totals {_show(stated)} but the lists hold "
        f"{counted.for_}/{counted.against}/{counted.abstentions}"
    )


def check_members(vote: Vote, known: set[str] | frozenset[str] | None = None) -> list[str]:
    """Members without an id, listed twice, or (given the known ids) unknown: flags and warnings."""
    warnings: list[str] = []
    seen: set[str] = set()
    for member in vote.members:
        if not member.person_id:
            flag(vote, MEMBER_WITHOUT_ID)
            warnings.append(f"vote {vote.vote_id}: {member.name!r} has no MEP id")
        elif member.person_id in seen:
            flag(vote, DUPLICATE_MEMBER)
            warnings.append(f"vote {vote.vote_id}: MEP {member.person_id} is listed twice")
        elif known is not None and member.person_id not in known:
            flag(vote, UNKNOWN_MEMBER)
            warnings.append(f"vote {vote.vote_id}: MEP {member.person_id} is not a known MEP")
        seen.add(member.person_id)
    return warnings


def flag(vote: Vote, name: str) -> None:
    """Add a machine-readable flag to a vote once."""
    if name not in vote.flags:
        vote.flags.append(name)


def _show(totals: tuple[int | None, int | None, int | None]) -> str:
    return "/".join("?" if n is None else str(n) for n in totals)
