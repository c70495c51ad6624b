"""MEPs and political groups: lists, one MEP's record, one group's members and cohesion."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.store import schema
from whereas.store.stats import row_counts
from whereas.views.common import Page
from whereas.vocabularies.groups import all_groups

POSITIONS_SHOWN = 200


@dataclass(frozen=True)
class MepSummary:
    """An MEP as a list shows them."""

    id: str
    name: str
    country: str | None
    group: str | None


@dataclass(frozen=True)
class Position:
    """How one MEP voted in one vote."""

    vote: schema.Vote
    position: str
    group: str | None


@dataclass
class MepView:
    """Everything the MEP page shows."""

    person: schema.Person
    memberships: list[schema.Membership]
    tabled: list[schema.Document]
    positions: list[Position]
    positions_total: int


@dataclass(frozen=True)
class GroupSummary:
    """A political group with how many MEPs and roll-call positions the store holds."""

    code: str
    label: str
    members: int
    positions: int


@dataclass(frozen=True)
class VoteCohesion:
    """A group's positions in one roll call and its agreement index (1: all voted alike)."""

    vote: schema.Vote
    counts: dict[str, int]
    agreement: float


@dataclass
class GroupView:
    """Everything the group page shows."""

    group: GroupSummary
    members: list[MepSummary]
    cohesion: list[VoteCohesion]

    @property
    def mean_agreement(self) -> float | None:
        """The group's mean agreement index over the roll calls in the store."""
        if not self.cohesion:
            return None
        return sum(c.agreement for c in self.cohesion) / len(self.cohesion)


def group_label(code: str) -> str:
    """The English label of a group code, the code itself when unknown."""
    return next((g.label for g in all_groups() if g.code == code), code)


def list_meps(
    session: Session,
    *,
    limit: int,
    offset: int,
    text: str | None = None,
    group: str | None = None,
    country: str | None = None,
) -> Page[MepSummary]:
    """MEPs by name, optionally with words in the name, of a group or of a country."""
    query = select(schema.Person)
    if text:
        query = query.where(schema.Person.name.ilike(f"%{text.strip()}%"))
    if country:
        query = query.where(schema.Person.country == country.upper())
    if group:
        members = select(schema.Membership.person_id).where(schema.Membership.group == group)
        query = query.where(schema.Person.id.in_(members))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = list(
        session.scalars(
            query.order_by(schema.Person.name, schema.Person.id).limit(limit).offset(offset)
        )
    )
    latest = _latest_groups(session, [p.id for p in rows])
    items = [MepSummary(p.id, p.name, p.country, latest.get(p.id)) for p in rows]
    return Page(items, total, limit, offset)


def _latest_groups(session: Session, person_ids: list[str]) -> dict[str, str]:
    rows = session.scalars(
        select(schema.Membership)
        .where(schema.Membership.person_id.in_(person_ids))
        .order_by(schema.Membership.start.desc())
    )
    latest: dict[str, str] = {}
    for membership in rows:
        latest.setdefault(membership.person_id, membership.group)
    return latest


def mep_view(session: Session, person: schema.Person) -> MepView:
    """An MEP's groups over time, the texts they tabled and their latest roll-call positions."""
    memberships = session.scalars(
        select(schema.Membership)
        .where(schema.Membership.person_id == person.id)
        .order_by(schema.Membership.start)
    )
    tabled = session.scalars(
        select(schema.Document)
        .join(schema.Author, schema.Author.document_id == schema.Document.id)
        .where(schema.Author.person_id == person.id)
        .order_by(schema.Document.date.desc())
        .distinct()
    )
    positions_query = (
        select(schema.Vote, schema.MemberVote.position, schema.MemberVote.group)
        .join(schema.MemberVote, schema.MemberVote.vote_id == schema.Vote.id)
        .where(schema.MemberVote.person_id == person.id)
    )
    total = session.scalar(select(func.count()).select_from(positions_query.subquery())) or 0
    rows = session.execute(
        positions_query.order_by(schema.Vote.date.desc(), schema.Vote.id).limit(POSITIONS_SHOWN)
    )
    positions = [Position(vote, position, group) for vote, position, group in rows]
    return MepView(person, list(memberships), list(tabled), positions, total)


def list_groups(session: Session) -> list[GroupSummary]:
    """Every group the store's memberships or roll calls name, largest first."""
    member_rows = session.execute(
        select(
            schema.Membership.group, func.count(schema.Membership.person_id.distinct())
        ).group_by(schema.Membership.group)
    )
    members: dict[str, int] = {code: n for code, n in member_rows if code}
    positions = {code: n for code, n in row_counts(session, "member_votes.group").items() if code}
    codes = sorted(set(members) | {c for c in positions if c})
    summaries = [
        GroupSummary(c, group_label(c), members.get(c, 0), positions.get(c, 0)) for c in codes
    ]
    return sorted(summaries, key=lambda g: (-g.members, -g.positions, g.code))


def group_view(session: Session, code: str, *, member_limit: int = 1000) -> GroupView | None:
    """A group's MEPs and its cohesion in each roll call; None when the store has no trace of it."""
    summary = next((g for g in list_groups(session) if g.code == code), None)
    if summary is None:
        return None
    members = list_meps(session, limit=member_limit, offset=0, group=code).items
    return GroupView(summary, members, _cohesion(session, code))


def _cohesion(session: Session, code: str) -> list[VoteCohesion]:
    rows = session.execute(
        select(schema.MemberVote.vote_id, schema.MemberVote.position, func.count())
        .where(schema.MemberVote.group == code)
        .group_by(schema.MemberVote.vote_id, schema.MemberVote.position)
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for vote_id, position, count in rows:
        counts[vote_id][position] = count
    votes = session.scalars(select(schema.Vote).where(schema.Vote.id.in_(list(counts))))
    result = [VoteCohesion(v, counts[v.id], agreement_index(counts[v.id])) for v in votes]
    return sorted(result, key=lambda c: (c.vote.date is None, c.vote.date, c.vote.id), reverse=True)


def agreement_index(counts: dict[str, int]) -> float:
    """Hix-Noury-Roland agreement index of one group's for/against/abstention counts."""
    values = [counts.get(p, 0) for p in ("for", "against", "abstention")]
    total = sum(values)
    if total == 0:
        return 1.0
    top = max(values)
    return (top - 0.5 * (total - top)) / total
