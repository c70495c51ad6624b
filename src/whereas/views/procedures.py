"""Procedures: the list, and one procedure with its timeline, final vote and every tally."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from whereas.link.thread.summary import ProcedureLineage, procedure_lineage
from whereas.store import schema
from whereas.store.lookup import ProcedureRecord
from whereas.store.stats import table_rows
from whereas.views.common import ExternalLink, Page, procedure_links
from whereas.views.tallies import TallyRow, procedure_tallies
from whereas.views.titles import procedure_titles
from whereas.views.votes import Breakdown, final_vote_with_members, vote_breakdown


@dataclass(frozen=True)
class ProcedureSummary:
    """A procedure as a list shows it."""

    reference: str
    type: str | None
    title: str | None


@dataclass(frozen=True)
class TimelineEntry:
    """A step of a procedure: an event a source states, or a document dated that day."""

    date: date | None
    what: str
    title: str | None
    document_id: str | None = None
    reference: str | None = None


@dataclass
class ProcedureView:
    """Everything the procedure page shows."""

    record: ProcedureRecord
    title: str | None
    legal_basis: str | None
    timeline: list[TimelineEntry]
    final_vote: schema.Vote | None
    breakdown: Breakdown | None
    tallies: list[TallyRow]
    links: list[ExternalLink] = field(default_factory=list)
    lineage: ProcedureLineage | None = None


def list_procedures(
    session: Session, *, limit: int, offset: int, type_: str | None = None, text: str | None = None
) -> Page[ProcedureSummary]:
    """Procedures, newest reference first, optionally of one type or with words in the title."""
    query = select(schema.Procedure)
    if type_:
        query = query.where(schema.Procedure.type == type_.upper())
    if text:
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(schema.Procedure.reference.ilike(pattern), schema.Procedure.title.ilike(pattern))
        )
    if type_ or text:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    else:
        total = table_rows(session, "procedures")
    rows = list(
        session.scalars(
            query.order_by(schema.Procedure.reference.desc()).limit(limit).offset(offset)
        )
    )
    titles = procedure_titles(session, rows)
    items = [ProcedureSummary(p.reference, p.type, titles.get(p.reference)) for p in rows]
    return Page(items, total, limit, offset)


def procedure_view(session: Session, record: ProcedureRecord) -> ProcedureView:
    """The procedure page's content for a record found by `find_record`."""
    procedure = record.procedure
    title = procedure_titles(session, [procedure]).get(procedure.reference)
    final, with_members = final_vote_with_members(session, record.votes)
    breakdown = vote_breakdown(session, with_members) if with_members is not None else None
    return ProcedureView(
        record=record,
        title=title,
        legal_basis=_legal_basis(record.documents),
        timeline=_timeline(session, record),
        final_vote=final,
        breakdown=breakdown,
        tallies=procedure_tallies(session, record, final),
        links=procedure_links(procedure.reference),
        lineage=procedure_lineage(session, procedure.reference),
    )


def _legal_basis(documents: list[schema.Document]) -> str | None:
    for document in documents:
        basis = (document.header or {}).get("legal_basis")
        if isinstance(basis, str) and basis:
            return basis
    return None


def _timeline(session: Session, record: ProcedureRecord) -> list[TimelineEntry]:
    events = session.scalars(
        select(schema.Event).where(schema.Event.procedure == record.procedure.reference)
    )
    entries: dict[tuple[object, ...], TimelineEntry] = {}
    for event in events:
        key = (event.date, event.type, event.title)
        entries.setdefault(
            key, TimelineEntry(event.date, event.type, event.title, event.document_id)
        )
    for document in record.documents:
        key = (document.date, document.kind, document.reference or document.title)
        entries.setdefault(
            key,
            TimelineEntry(
                document.date, document.kind, document.title, document.id, document.reference
            ),
        )
    return sorted(entries.values(), key=lambda e: (e.date or date.max, e.what))
