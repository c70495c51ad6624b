"""What a procedure is recognised by in a secondary source: title words, official votes, days.

Votes are read as rows (`VoteRow`), procedures a page at a time with a few queries per page. The
`EvidenceIndex` finds the procedures a source can be about without comparing it with every
procedure of the store: a procedure counts only when the source has one of its title words,
and, when its title names a country, that country.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from whereas.link.words import TextWords, country_words, title_words
from whereas.store import schema

PROCEDURE_PAGE = 200
_IN_CHUNK = 500
_T = TypeVar("_T")


class Figures(Protocol):
    """The figures of a vote or of a claimed tally."""

    @property
    def for_(self) -> int | None:
        """Votes in favour."""
        ...

    @property
    def against(self) -> int | None:
        """Votes against."""
        ...

    @property
    def abstentions(self) -> int | None:
        """Abstentions."""
        ...


@dataclass(frozen=True, slots=True)
class VoteRow:
    """A vote as linking reads it: its figures, subject and day."""

    id: int
    document_id: str
    subject: str | None
    for_: int | None
    against: int | None
    abstentions: int | None
    date: dt.date | None


_V = schema.Vote
_VOTE_COLUMNS = (_V.id, _V.document_id, _V.subject, _V.for_, _V.against, _V.abstentions, _V.date)


def _vote(row: Any) -> VoteRow:
    return VoteRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6])


def same_tally(claim: Figures, official: Figures) -> bool:
    """Whether an official vote has the figures a claim states (unstated figures match any)."""
    pairs = (
        (claim.for_, official.for_),
        (claim.against, official.against),
        (claim.abstentions, official.abstentions),
    )
    return all(c is None or c == o for c, o in pairs) and any(c is not None for c, _ in pairs)


def claimed_votes(session: Session, document_id: str) -> list[VoteRow]:
    """The tallies a document claims (not official), in document order."""
    query = select(*_VOTE_COLUMNS).where(_V.document_id == document_id, _V.official.is_(False))
    return [VoteRow(*row) for row in session.execute(query.order_by(_V.position))]


def procedure_references(session: Session, procedure: str) -> set[str]:
    """The identifiers of the texts of a procedure (motions, joint motion, text adopted)."""
    refs = set(
        session.scalars(
            select(schema.Document.reference).where(schema.Document.procedure == procedure)
        )
    )
    refs |= set(session.scalars(select(_V.reference).where(_V.procedure == procedure)))
    return {r for r in refs if r}


def official_votes(session: Session, procedure: str) -> list[VoteRow]:
    """The official votes of a procedure: by its reference or by the texts it voted."""
    refs = procedure_references(session, procedure)
    condition = _V.procedure == procedure
    if refs:
        condition = or_(condition, _V.reference.in_(refs))
    query = select(*_VOTE_COLUMNS).where(_V.official.is_(True), condition)
    return [VoteRow(*row) for row in session.execute(query.order_by(_V.id))]


@dataclass
class ProcedureEvidence:
    """A procedure's title words, official votes and their days."""

    reference: str
    words: set[str] = field(default_factory=set)
    votes: list[VoteRow] = field(default_factory=list)

    @property
    def days(self) -> set[dt.date]:
        """The days the procedure was voted on."""
        return {v.date for v in self.votes if v.date is not None}


def _chunks(values: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def _page_evidence(session: Session, page: list[tuple[str, str | None]]) -> list[ProcedureEvidence]:
    """The evidence of a page of (reference, title) procedures, as `official_votes` has it."""
    references = [reference for reference, _ in page]
    titles: dict[str, list[str]] = {r: [t or ""] for r, t in page}
    texts: dict[str, set[str]] = defaultdict(set)
    d = schema.Document
    for part in _chunks(references):
        rows = session.execute(
            select(d.procedure, d.title, d.reference).where(d.procedure.in_(part))
        )
        for procedure, title, reference in rows:
            titles[procedure or ""].append(title or "")
            if reference:
                texts[procedure or ""].add(reference)
        for procedure, reference in session.execute(
            select(_V.procedure, _V.reference).where(_V.procedure.in_(part))
        ):
            if reference:
                texts[procedure or ""].add(reference)
    voted = sorted({r for refs in texts.values() for r in refs})
    by_procedure: dict[str, list[VoteRow]] = defaultdict(list)
    by_text: dict[str, list[VoteRow]] = defaultdict(list)
    query = select(*_VOTE_COLUMNS).where(_V.official.is_(True))
    for part in _chunks(references):
        on_procedure = query.add_columns(_V.procedure).where(_V.procedure.in_(part))
        for row in session.execute(on_procedure):
            by_procedure[row.procedure or ""].append(_vote(row))
    for part in _chunks(voted):
        on_text = query.add_columns(_V.reference).where(_V.reference.in_(part))
        for row in session.execute(on_text):
            by_text[row.reference or ""].append(_vote(row))
    out = []
    for reference in references:
        votes = {v.id: v for v in by_procedure.get(reference, [])}
        for text in texts.get(reference, ()):
            votes.update((v.id, v) for v in by_text.get(text, []))
        words = set().union(*(title_words(t) for t in titles[reference]))
        out.append(ProcedureEvidence(reference, words, [votes[i] for i in sorted(votes)]))
    return out


def procedure_evidence(session: Session) -> Iterator[ProcedureEvidence]:
    """Every stored procedure with what it can be recognised by, in reference order."""
    p = schema.Procedure
    last: str | None = None
    while True:
        query = select(p.reference, p.title).order_by(p.reference).limit(PROCEDURE_PAGE)
        if last is not None:
            query = query.where(p.reference > last)
        page = [(reference, title) for reference, title in session.execute(query)]
        if not page:
            return
        yield from _page_evidence(session, page)
        last = page[-1][0]


def evidence_of(session: Session, references: set[str]) -> list[ProcedureEvidence]:
    """The evidence of the stored procedures among `references`, in the database's reference
    order (as `procedure_evidence` gives them)."""
    p = schema.Procedure
    out: list[ProcedureEvidence] = []
    for part in _chunks(sorted(references)):
        query = select(p.reference, p.title).where(p.reference.in_(part)).order_by(p.reference)
        out.extend(_page_evidence(session, [(r, t) for r, t in session.execute(query)]))
    return out


def _procedures_of_votes(session: Session, votes: list[tuple[str | None, str | None]]) -> set[str]:
    """The procedures whose official votes (`official_votes`) include votes of these
    (procedure, reference): by the vote's procedure, or by a text of the procedure it voted."""
    found = {procedure for procedure, _ in votes if procedure}
    references = sorted({reference for _, reference in votes if reference})
    d = schema.Document
    for part in _chunks(references):
        found.update(
            session.scalars(
                select(d.procedure).where(d.reference.in_(part), d.procedure.is_not(None))
            )
        )
        found.update(
            session.scalars(
                select(_V.procedure).where(_V.reference.in_(part), _V.procedure.is_not(None))
            )
        )
    return {procedure for procedure in found if procedure}


def procedures_voted(session: Session, days: set[dt.date], claims: Sequence[Figures]) -> set[str]:
    """The procedures with an official vote on one of `days` or with the tally of one of
    `claims`: the only ones a source naming no procedure can be linked to (read by the votes'
    day and figures, never procedure by procedure)."""
    votes: list[tuple[str | None, str | None]] = []
    official = select(_V.procedure, _V.reference).where(_V.official.is_(True))
    for part in _chunks(sorted(days)):
        votes.extend((p, r) for p, r in session.execute(official.where(_V.date.in_(part))))
    for claim in claims:
        stated = [
            column == figure
            for column, figure in (
                (_V.for_, claim.for_),
                (_V.against, claim.against),
                (_V.abstentions, claim.abstentions),
            )
            if figure is not None
        ]
        if stated:
            votes.extend((p, r) for p, r in session.execute(official.where(*stated)))
    return _procedures_of_votes(session, votes)


class EvidenceIndex:
    """The procedures of the store by the words a source must have for them to count."""

    def __init__(self, evidence: Iterator[ProcedureEvidence] | list[ProcedureEvidence]) -> None:
        self._evidence: list[ProcedureEvidence] = []
        self._by_country: dict[str, list[int]] = defaultdict(list)
        self._by_start: dict[str, list[int]] = defaultdict(list)
        known = country_words()
        for position, found in enumerate(evidence):
            self._evidence.append(found)
            countries = found.words & known
            # subject_score: a title naming a country needs the country in the source; one
            # that names none needs two of its words
            for word in sorted(countries):
                self._by_country[word].append(position)
            if not countries:
                for start in sorted({w[:3] for w in found.words}):
                    self._by_start[start].append(position)

    @classmethod
    def of(cls, session: Session) -> EvidenceIndex:
        """The index of every stored procedure."""
        return cls(procedure_evidence(session))

    def possible(self, text: TextWords) -> list[ProcedureEvidence]:
        """The procedures whose subject score in `text` can be above zero, in reference order."""
        found: set[int] = set()
        for word, positions in self._by_country.items():
            if text.has(word):
                found.update(positions)
        for start in text.by_start:
            found.update(self._by_start.get(start, ()))
        return [self._evidence[p] for p in sorted(found)]
