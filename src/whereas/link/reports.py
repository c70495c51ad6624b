"""Which procedure a press release, news item, statement or summary reports on.

Explicit references first; otherwise the store is asked: the procedure's title words (country,
subject) must be in the source, and its vote day or its tally must agree with the source's. A
country alone never links a report to another year's procedure; unsure means no link, and why.

Sources are read a page at a time; when a source names no procedure, only the evidence of the
procedures voted on its day or with its tally is read (never every procedure's).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.batched import row_pages
from whereas.link.evidence import (
    EvidenceIndex,
    ProcedureEvidence,
    claimed_votes,
    evidence_of,
    official_votes,
    procedure_references,
    procedures_voted,
    same_tally,
)
from whereas.link.words import TextWords, subject_score, title_words
from whereas.store import schema

__all__ = [
    "ProcedureEvidence",
    "ReportLink",
    "claimed_votes",
    "link_reports_to_procedures",
    "official_votes",
    "procedure_references",
    "same_tally",
    "title_words",
]
SECONDARY_KINDS = ("press_release", "news", "statement", "procedure_summary")
SOURCE_PAGE = 200  # documents looked at a time (the sources among them read with their bodies)


class Dated(Protocol):
    """A stored document's date, and the header its parser wrote."""

    @property
    def header(self) -> dict[str, Any] | None:
        """What the parser read (its "date" when the document has none)."""
        ...

    @property
    def date(self) -> dt.date | None:
        """The document's date."""
        ...


@dataclass(frozen=True, slots=True)
class Source:
    """A secondary document as report linking reads it."""

    id: str
    procedure: str | None
    title: str | None
    body: str
    header: dict[str, Any] | None
    date: dt.date | None


def document_day(document: Dated) -> dt.date | None:
    """The publication day of a stored document: its date, else the one its parser read."""
    if document.date is not None:
        return document.date
    written = (document.header or {}).get("date")
    try:
        return dt.date.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        return None


log = logging.getLogger(__name__)
REPORTS_ON = "reports_on"
REPORT_WINDOW = timedelta(days=14)  # a report of a vote appears the day of the vote or after
MIN_SUBJECT = 0.5
Method = Literal["existing", "explicit", "inferred", "none"]
_TEXT_KINDS = ("procedure", "text_adopted", "joint_motion", "motion", "report")


@dataclass(frozen=True)
class ReportLink:
    """The procedures one secondary document reports on, how they were found, and why."""

    document_id: str
    procedures: list[str]
    method: Method
    reason: str
    scores: dict[str, float] = field(default_factory=dict)


def _existing(session: Session, document_id: str) -> list[str]:
    return list(
        session.scalars(
            select(schema.DocumentReference.value).where(
                schema.DocumentReference.document_id == document_id,
                schema.DocumentReference.role == REPORTS_ON,
            )
        )
    )


def _procedure_of(session: Session, kind: str, value: str) -> str | None:
    """The procedure an identifier belongs to, as the store knows it."""
    if kind == "procedure":
        return value
    found = session.scalar(
        select(schema.Document.procedure).where(
            schema.Document.reference == value, schema.Document.procedure.is_not(None)
        )
    )
    return found or session.scalar(
        select(schema.Vote.procedure).where(
            schema.Vote.reference == value, schema.Vote.procedure.is_not(None)
        )
    )


def explicit_procedures(session: Session, document: Source) -> list[str]:
    """Procedures the document names, directly or through the texts it cites."""
    found = [document.procedure] if document.procedure else []
    rows = session.execute(
        select(schema.DocumentReference.kind, schema.DocumentReference.value).where(
            schema.DocumentReference.document_id == document.id,
            schema.DocumentReference.kind.in_(_TEXT_KINDS),
        )
    )
    for kind, value in rows:
        procedure = _procedure_of(session, kind, value)
        if procedure:
            found.append(procedure)
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class _Candidate:
    reference: str
    subject: float
    tally: bool
    day: bool


def _day_agrees(
    evidence: ProcedureEvidence, published: dt.date | None, claimed: set[dt.date]
) -> bool:
    """The source's vote day is a vote day of the procedure, or it appeared within a month after."""
    if claimed:
        return bool(claimed & evidence.days)
    if published is None:
        return False
    return any(day <= published <= day + REPORT_WINDOW for day in evidence.days)


def _vote_days(published: dt.date | None, claimed: set[dt.date]) -> set[dt.date]:
    """The days a procedure's vote must fall on for `_day_agrees` (the claimed days, else the
    REPORT_WINDOW before publication)."""
    if claimed or published is None:
        return claimed
    return {published - timedelta(days=n) for n in range(REPORT_WINDOW.days + 1)}


def _candidates(session: Session, document: Source) -> list[_Candidate]:
    """The procedures on the source's subject voted on its day or with its tally.

    Only those can be chosen (`_choose` links by tally or by day), so only the procedures with
    such an official vote are read, whatever the number of procedures in the store.
    """
    claims = claimed_votes(session, document.id)
    claimed_days = {c.date for c in claims if c.date is not None}
    published = document_day(document)
    voted = procedures_voted(session, _vote_days(published, claimed_days), claims)
    if not voted:
        return []
    text = TextWords.of(f"{document.title or ''} {document.body}")
    out: list[_Candidate] = []
    for evidence in EvidenceIndex(evidence_of(session, voted)).possible(text):
        subject = subject_score(evidence.words, text)
        tally = any(same_tally(c, v) for c in claims for v in evidence.votes)
        # the exact tally of the procedure lets a few title words do (titles are translated)
        if subject < MIN_SUBJECT and not (tally and subject > 0):
            continue
        out.append(
            _Candidate(
                evidence.reference, subject, tally, _day_agrees(evidence, published, claimed_days)
            )
        )
    return out


def _choose(document_id: str, candidates: list[_Candidate]) -> ReportLink:
    """The procedure(s) the evidence points to, or none with the reason."""
    scores = {c.reference: c.subject for c in candidates}
    by_tally = [c for c in candidates if c.tally and (c.day or not any(x.day for x in candidates))]
    if by_tally:
        return ReportLink(
            document_id,
            [c.reference for c in by_tally],
            "inferred",
            "subject and tally agree",
            scores,
        )
    dated = sorted((c for c in candidates if c.day), key=lambda c: -c.subject)
    if not dated:
        return ReportLink(
            document_id,
            [],
            "none",
            "no stored procedure on this subject was voted shortly before this source was "
            "published, nor with the tally it states",
            scores,
        )
    if len(dated) > 1 and dated[0].subject - dated[1].subject < 0.25:
        return ReportLink(
            document_id,
            [],
            "none",
            "ambiguous: " + ", ".join(c.reference for c in dated) + " fit equally",
            scores,
        )
    return ReportLink(
        document_id, [dated[0].reference], "inferred", "subject words and vote day agree", scores
    )


class _Linker:
    """Decides one source at a time."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def link(self, document: Source) -> ReportLink:
        existing = _existing(self._session, document.id)
        if existing:
            return ReportLink(document.id, existing, "existing", "linked before")
        explicit = explicit_procedures(self._session, document)
        if explicit:
            return ReportLink(document.id, explicit, "explicit", "the source names it")
        return _choose(document.id, _candidates(self._session, document))


def iter_report_links(session: Session) -> Iterator[ReportLink]:
    """Give each secondary document its reports_on procedures, yielding what was decided and
    why, source by source (exhaust it: the last links are flushed at its end)."""
    d = schema.Document
    columns = select(d.id, d.procedure, d.title, d.body, d.header, d.date)
    linker = _Linker(session)
    # Pages of all ids (the primary key's order), then the sources among them: paging on the
    # sources themselves would have the database sort every remaining source for each page. The
    # kind is checked here: given id IN (...) AND kind IN (...), SQLite (no statistics) takes the
    # kind index and reads every source of the store for each page.
    for page in row_pages(session, select(d.id, d.kind), d.id, SOURCE_PAGE):
        wanted = [i for i, kind in page if kind in SECONDARY_KINDS]
        if not wanted:
            continue
        for row in session.execute(columns.where(d.id.in_(wanted)).order_by(d.id)).all():
            document = Source(*row)
            link = linker.link(document)
            if link.method in ("explicit", "inferred"):
                for procedure in link.procedures:
                    session.add(
                        schema.DocumentReference(
                            document_id=document.id,
                            kind="procedure",
                            value=procedure,
                            role=REPORTS_ON,
                        )
                    )
            else:
                log.info("%s: %s", document.id[:12], link.reason)
            yield link
    session.flush()


def link_reports_to_procedures(session: Session) -> list[ReportLink]:
    """Give each secondary document its reports_on procedures; return what was decided and why."""
    return list(iter_report_links(session))
