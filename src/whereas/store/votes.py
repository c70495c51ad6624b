"""Votes as stored: positions counted by group and by country, stated conflicts, publications.

A roll call states each MEP's group on the day of the vote: that is the group a breakdown uses.
When a list gives none, a dated membership covering the day is used; otherwise the group is
"unknown". Countries come from the people records; an MEP without one is counted as "unknown".
Corrections published after a vote are not positions as voted and are never counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.parse.votes.tallies import TOTALS_MISMATCH, VoteTally
from whereas.store import schema

UNKNOWN = "unknown"
Totals = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class VoteBreakdown:
    """One roll call counted from its positions: overall, by group and by country."""

    vote_id: int
    counted: VoteTally
    by_group: dict[str, VoteTally] = field(default_factory=dict)
    by_country: dict[str, VoteTally] = field(default_factory=dict)
    corrections: int = 0


@dataclass(frozen=True)
class VoteConflict:
    """A vote whose stated totals differ from the positions listed (or from another source)."""

    vote_id: int
    document_id: str
    field: str
    values: list[Totals]


def stated_totals(vote: schema.Vote) -> Totals:
    """For, against and abstentions as the source states them."""
    return (vote.for_, vote.against, vote.abstentions)


def _tally(counts: Counter[str]) -> VoteTally:
    return VoteTally(counts["for"], counts["against"], counts["abstention"])


def group_on(memberships: Iterable[schema.Membership], day: date | None) -> str | None:
    """The group of a dated membership covering `day` (undated memberships say nothing of it)."""
    if day is None:
        return None
    for m in memberships:
        if m.start is not None and m.start <= day and (m.end is None or day <= m.end):
            return m.group
    return None


def vote_breakdowns(session: Session, votes: Sequence[schema.Vote]) -> dict[int, VoteBreakdown]:
    """Breakdowns of the votes that have positions listed (others are left out)."""
    ids = [v.id for v in votes]
    if not ids:
        return {}
    rows = session.execute(
        select(schema.MemberVote, schema.Person.country)
        .outerjoin(schema.Person, schema.Person.id == schema.MemberVote.person_id)
        .where(schema.MemberVote.vote_id.in_(ids))
    ).all()
    days = {v.id: v.date for v in votes}
    need_group = {m.person_id for m, _ in rows if not m.group and not m.corrected}
    memberships = _memberships(session, need_group)
    positions: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    corrections: Counter[int] = Counter()
    for member, country in rows:
        if member.corrected:
            corrections[member.vote_id] += 1
            continue
        group = member.group or group_on(
            memberships.get(member.person_id, []), days[member.vote_id]
        )
        positions[member.vote_id].append((member.position, group or UNKNOWN, country or UNKNOWN))
    return {
        vote_id: _breakdown(vote_id, listed, corrections[vote_id])
        for vote_id, listed in positions.items()
    }


def _breakdown(vote_id: int, listed: list[tuple[str, str, str]], corrected: int) -> VoteBreakdown:
    overall: Counter[str] = Counter()
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    for position, group, country in listed:
        overall[position] += 1
        groups[group][position] += 1
        countries[country][position] += 1
    return VoteBreakdown(
        vote_id,
        _tally(overall),
        {g: _tally(c) for g, c in sorted(groups.items())},
        {k: _tally(c) for k, c in sorted(countries.items())},
        corrected,
    )


def _memberships(session: Session, people: set[str]) -> dict[str, list[schema.Membership]]:
    found: dict[str, list[schema.Membership]] = defaultdict(list)
    if not people:
        return found
    query = select(schema.Membership).where(schema.Membership.person_id.in_(sorted(people)))
    for m in session.scalars(query.order_by(schema.Membership.start)):
        found[m.person_id].append(m)
    return found


def vote_conflicts(
    votes: Sequence[schema.Vote], breakdowns: dict[int, VoteBreakdown]
) -> list[VoteConflict]:
    """Votes flagged totals_mismatch: the stated totals beside the positions counted."""
    conflicts: list[VoteConflict] = []
    for vote in votes:
        if TOTALS_MISMATCH not in (vote.flags or []):
            continue
        counted = breakdowns.get(vote.id)
        values: list[Totals] = [stated_totals(vote)]
        if counted is not None:
            c = counted.counted
            values.append((c.for_, c.against, c.abstentions))
        name = f"vote {vote.subject or vote.source_vote_id or ''} {vote.date or ''} totals"
        conflicts.append(VoteConflict(vote.id, vote.document_id, " ".join(name.split()), values))
    return conflicts


def tally_json(tally: VoteTally) -> dict[str, int]:
    """A tally as JSON values."""
    return {"for": tally.for_, "against": tally.against, "abstentions": tally.abstentions}


def breakdown_json(breakdown: VoteBreakdown) -> dict[str, Any]:
    """A breakdown as JSON values."""
    return {
        "counted": tally_json(breakdown.counted),
        "by_group": {g: tally_json(t) for g, t in breakdown.by_group.items()},
        "by_country": {k: tally_json(t) for k, t in breakdown.by_country.items()},
        "corrections": breakdown.corrections,
    }


def publication_content(session: Session, document_id: str) -> dict[str, tuple[Any, ...]]:
    """What a vote list says, vote by vote (by the list's vote id), to compare publications."""
    votes = session.scalars(select(schema.Vote).where(schema.Vote.document_id == document_id)).all()
    members = Counter(
        session.scalars(
            select(schema.MemberVote.vote_id).where(
                schema.MemberVote.vote_id.in_([v.id for v in votes])
            )
        )
    )
    return {
        v.source_vote_id or f"#{v.position}": (
            v.subject,
            v.result,
            *stated_totals(v),
            members[v.id],
        )
        for v in votes
    }


def totals_conflicts(session: Session, votes: Sequence[schema.Vote]) -> list[dict[str, Any]]:
    """Export-shaped conflicts of the votes whose stated totals differ from their lists."""
    flagged = [v for v in votes if TOTALS_MISMATCH in (v.flags or [])]
    if not flagged:
        return []
    breakdowns = vote_breakdowns(session, flagged)
    return [
        {"field": c.field, "values": [list(t) for t in c.values], "sources": [c.document_id]}
        for c in vote_conflicts(flagged, breakdowns)
    ]
