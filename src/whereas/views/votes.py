"""Votes: lists, one vote with its MEPs, and the breakdown of a roll call by group and country."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.link.claims import final_vote
from whereas.link.reports import same_tally
from whereas.parse.votes.tallies import VoteTally
from whereas.store import schema
from whereas.store.votes import vote_breakdowns
from whereas.views.common import Page

POSITIONS = ("for", "against", "abstention")


@dataclass
class PositionCount:
    """How the members of one group (or country) voted."""

    key: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POSITIONS, 0))

    @property
    def total(self) -> int:
        """Members of this group or country who voted."""
        return sum(self.counts.values())


@dataclass
class Breakdown:
    """A roll call split by political group and by country."""

    vote: schema.Vote
    by_group: list[PositionCount]
    by_country: list[PositionCount]


@dataclass
class VoteView:
    """A vote with each MEP's position (empty when not a roll call)."""

    vote: schema.Vote
    members: list[schema.MemberVote]
    breakdown: Breakdown | None


def list_votes(
    session: Session,
    *,
    limit: int,
    offset: int,
    procedure: str | None = None,
    reference: str | None = None,
    official: bool | None = None,
) -> Page[schema.Vote]:
    """Votes and tallies, newest first, filtered by procedure, text reference or officialness."""
    query = select(schema.Vote)
    if procedure:
        query = query.where(schema.Vote.procedure == procedure)
    if reference:
        query = query.where(schema.Vote.reference == reference)
    if official is not None:
        query = query.where(schema.Vote.official.is_(official))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = (schema.Vote.date.desc(), schema.Vote.id)
    rows = list(session.scalars(query.order_by(*order).limit(limit).offset(offset)))
    return Page(rows, total, limit, offset)


def vote_view(session: Session, vote: schema.Vote) -> VoteView:
    """A vote with its MEPs, sorted by group and name."""
    members = list(
        session.scalars(
            select(schema.MemberVote)
            .where(schema.MemberVote.vote_id == vote.id)
            .order_by(schema.MemberVote.group, schema.MemberVote.name)
        )
    )
    return VoteView(vote, members, vote_breakdown(session, vote) if members else None)


def final_vote_with_members(
    session: Session, votes: list[schema.Vote]
) -> tuple[schema.Vote | None, schema.Vote | None]:
    """The final vote, and the roll call with the same figures that has MEP positions."""
    final = final_vote(votes)
    if final is None:
        return None, None
    with_members = set(
        session.scalars(
            select(schema.MemberVote.vote_id)
            .where(schema.MemberVote.vote_id.in_([v.id for v in votes]))
            .distinct()
        )
    )
    if final.id in with_members:
        return final, final
    candidates = [v for v in votes if v.id in with_members and same_tally(v, final)]
    return final, (candidates[0] if candidates else _same_roll_call(session, final))


def _same_roll_call(session: Session, final: schema.Vote) -> schema.Vote | None:
    """A roll call of the same day with the same figures, filed under another reference.

    Some sources file a joint motion's votes under the first group motion's number.
    """
    if final.date is None or final.for_ is None:
        return None
    with_members = select(schema.MemberVote.vote_id).distinct().scalar_subquery()
    return session.scalar(
        select(schema.Vote)
        .where(
            schema.Vote.date == final.date,
            schema.Vote.for_ == final.for_,
            schema.Vote.against == final.against,
            schema.Vote.abstentions == final.abstentions,
            schema.Vote.id.in_(with_members),
        )
        .limit(1)
    )


def vote_breakdown(session: Session, vote: schema.Vote) -> Breakdown:
    """Positions in one roll call counted by group and by the MEPs' countries (store.votes)."""
    found = vote_breakdowns(session, [vote]).get(vote.id)
    if found is None:
        return Breakdown(vote, [], [])
    return Breakdown(vote, _counts(found.by_group), _counts(found.by_country))


def _counts(tallies: dict[str, VoteTally]) -> list[PositionCount]:
    rows = [
        PositionCount(key, {"for": t.for_, "against": t.against, "abstention": t.abstentions})
        for key, t in tallies.items()
    ]
    return sorted(rows, key=lambda c: (-c.total, c.key))
