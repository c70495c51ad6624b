"""What parsers give the store: the records of one document, each with where it was found.

Every record carries `span` (start, end offsets in the document's text) or `path` (an XPath or
JSON pointer) so that the store can say where each value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

ClauseKind = Literal["citation", "recital", "paragraph", "point"]
VoteResult = Literal["adopted", "rejected", "lapsed", "withdrawn"]
Position = Literal["for", "against", "abstention", "did_not_vote"]
Span = tuple[int, int]


@dataclass
class Clause:
    """One clause of a resolution, in document order; `parent` is the position of its paragraph."""

    kind: ClauseKind
    label: str | None
    position: int
    text: str
    parent: int | None = None
    verbs: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    span: Span | None = None
    path: str | None = None
    # The footnotes the clause refers to: their text when the document has it ("OJ C 117,
    # 11.3.2022, p. 109."), else the marker's number; the markers are not in `text`.
    footnotes: list[str] = field(default_factory=list)


@dataclass
class Author:
    """An author of a tabled text, with the group it tabled for (a group code) when known."""

    name: str
    group: str | None = None
    person_id: str | None = None
    span: Span | None = None
    path: str | None = None


@dataclass
class MemberVote:
    """One MEP's position in one roll-call vote."""

    person_id: str
    name: str
    position: Position
    group: str | None = None
    corrected: bool = False
    mep_id: str | None = None  # the voting-system id (RCV MepId), beside the person id (PersId)


@dataclass
class Vote:
    """A vote or a tally: official (from a vote list) or claimed (by a press release, news...)."""

    for_: int | None
    against: int | None
    abstentions: int | None
    result: VoteResult | None = None
    roll_call: bool = False
    date: date | None = None
    subject: str | None = None
    clause_label: str | None = None
    reference: str | None = None
    procedure: str | None = None
    official: bool = False
    time: datetime | None = None
    vote_id: str | None = None
    text: str | None = None
    members: list[MemberVote] = field(default_factory=list)
    span: Span | None = None
    path: str | None = None
    author: str | None = None  # as printed: "Renew", "ECR, PfE", "original text", "committee"
    amendment: str | None = None  # the amendment number as printed: "1", "3D= 19D="
    clause_kind: ClauseKind | None = None  # what clause_label labels: "paragraph", "recital"
    corrections: list[MemberVote] = field(default_factory=list)  # stated after the vote
    flags: list[str] = field(default_factory=list)  # machine-readable issues: "totals_mismatch"
    title: str | None = None  # the title of the item voted ("Situation in Kazakhstan")


@dataclass
class Fact:
    """A quantity a document states, with what it counts and its approximation."""

    value: float
    what: str | None
    approx: str | None
    text: str
    span: Span | None = None


@dataclass
class Quote:
    """A quotation attributed to a person."""

    person: str
    role: str | None
    text: str
    span: Span | None = None


@dataclass
class Membership:
    """A person's membership of a political group (group code) over a period."""

    group: str
    start: date | None = None
    end: date | None = None


@dataclass
class Person:
    """An MEP or another person the document describes (ids are the EP's MEP ids as strings)."""

    person_id: str
    name: str
    country: str | None = None
    memberships: list[Membership] = field(default_factory=list)
    path: str | None = None
    mep_id: str | None = None  # the voting-system id (RCV MepId) when the source gives it
    flags: list[str] = field(default_factory=list)  # "lossy_name": letters lost to "?"


@dataclass
class Event:
    """A step of a procedure (tabled, debate, vote, decision...) on a date, with its documents."""

    date: date | None
    type: str
    title: str | None = None
    references: list[str] = field(default_factory=list)
    path: str | None = None


@dataclass
class ParsedDocument:
    """Everything the kind-specific parsers found in one document."""

    body: str = ""
    clauses: list[Clause] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    header: dict[str, str | list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    procedures: dict[str, str] = field(default_factory=dict)  # reference -> procedure it states
    events: list[Event] = field(default_factory=list)
