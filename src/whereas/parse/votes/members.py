"""Voting ids (RCV MepId, "mepid:7244") resolved to the EP's MEP ids (PersId) with a people list."""

from __future__ import annotations

from collections.abc import Iterable

from whereas.parse.records import Person, Vote

VOTING_ID = "mepid:"


def resolve_person_ids(votes: Iterable[Vote], people: Iterable[Person]) -> list[str]:
    """Give members known only by voting id their MEP id; say which ids stay unresolved."""
    by_voting_id = {p.mep_id: p.person_id for p in people if p.mep_id}
    unresolved: set[str] = set()
    for vote in votes:
        for member in (*vote.members, *vote.corrections):
            if not member.person_id.startswith(VOTING_ID):
                continue
            person_id = by_voting_id.get(member.person_id.removeprefix(VOTING_ID))
            if person_id:
                member.person_id = person_id
            else:
                unresolved.add(member.person_id)
    return [f"no MEP id for voting id {v.removeprefix(VOTING_ID)}" for v in sorted(unresolved)]
