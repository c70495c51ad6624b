"""JSON-ready values of the views: one shape per thing, shared by the API and the downloads."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from whereas.store import schema
from whereas.views.common import ExternalLink, Page
from whereas.views.documents import DocumentView
from whereas.views.people import GroupSummary, GroupView, MepSummary, MepView
from whereas.views.procedures import ProcedureSummary, ProcedureView
from whereas.views.tallies import TallyRow
from whereas.views.votes import Breakdown, PositionCount, VoteView


def iso(value: date | datetime | None) -> str | None:
    """A date as ISO 8601, or None."""
    return value.isoformat() if value else None


def source(document: schema.Document) -> dict[str, Any]:
    """Where a document's values come from: its file or URL, hash and reading time."""
    return {
        "document": document.id,
        "path": document.source_path,
        "url": document.source_url,
        "sha256": document.id,
        "read_at": iso(document.read_at),
    }


def page(items: list[dict[str, Any]], listing: Page[Any]) -> dict[str, Any]:
    """A page of a list with its position in the whole."""
    return {
        "items": items,
        "total": listing.total,
        "limit": listing.limit,
        "offset": listing.offset,
        "next_offset": listing.next_offset,
    }


def links(found: list[ExternalLink]) -> list[dict[str, str]]:
    """Links to the EP's own pages."""
    return [{"label": link.label, "url": link.url} for link in found]


def procedure_summary(item: ProcedureSummary) -> dict[str, Any]:
    """A procedure in a list."""
    return {"reference": item.reference, "type": item.type, "title": item.title}


def document_summary(d: schema.Document) -> dict[str, Any]:
    """A document in a list."""
    return {
        "id": d.id,
        "kind": d.kind,
        "reference": d.reference,
        "procedure": d.procedure,
        "title": d.title,
        "date": iso(d.date),
        "language": d.language,
        "publisher": d.publisher,
        "version": d.version,
        "format": d.format,
    }


def vote(v: schema.Vote) -> dict[str, Any]:
    """A vote or tally with the document it was read from."""
    return {
        "id": v.id,
        "official": v.official,
        "roll_call": v.roll_call,
        "reference": v.reference,
        "procedure": v.procedure,
        "date": iso(v.date),
        "subject": v.subject,
        "clause_label": v.clause_label,
        "for": v.for_,
        "against": v.against,
        "abstentions": v.abstentions,
        "result": v.result,
        "document": v.document_id,
        "text": v.text,
    }


def _counts(items: list[PositionCount]) -> list[dict[str, Any]]:
    return [{"key": c.key, **c.counts, "total": c.total} for c in items]


def breakdown(b: Breakdown | None) -> dict[str, Any] | None:
    """A roll call counted by group and by country."""
    if b is None:
        return None
    return {"vote": b.vote.id, "by_group": _counts(b.by_group), "by_country": _counts(b.by_country)}


def tally(row: TallyRow) -> dict[str, Any]:
    """One source's figures and their mark against the record."""
    return {
        **vote(row.vote),
        "mark": row.mark,
        "source": {"kind": row.document.kind, "title": row.document.title, **source(row.document)},
    }


def procedure_view(view: ProcedureView) -> dict[str, Any]:
    """A procedure with its documents, timeline, votes and every tally."""
    p = view.record.procedure
    return {
        "reference": p.reference,
        "type": p.type,
        "title": view.title,
        "legal_basis": view.legal_basis,
        "documents": [document_summary(d) for d in view.record.documents],
        "timeline": [
            {
                "date": iso(e.date),
                "what": e.what,
                "title": e.title,
                "document": e.document_id,
                "reference": e.reference,
            }
            for e in view.timeline
        ],
        "final_vote": vote(view.final_vote) if view.final_vote else None,
        "final_vote_breakdown": breakdown(view.breakdown),
        "votes": [vote(v) for v in view.record.votes],
        "tallies": [tally(t) for t in view.tallies],
        "links": links(view.links),
    }


def clause(c: schema.Clause, votes: list[schema.Vote]) -> dict[str, Any]:
    """A clause with its vocabulary and the votes on it."""
    return {
        "position": c.position,
        "kind": c.kind,
        "label": c.label,
        "parent": c.parent_position,
        "text": c.text,
        "verbs": c.verbs,
        "addressees": c.addressees,
        "themes": c.themes,
        "footnotes": list(c.footnotes or []),
        "votes": [vote(v) for v in votes],
    }


def document_view(view: DocumentView) -> dict[str, Any]:
    """A document clause by clause with its authors, votes, claims, facts and quotes."""
    record = view.record
    d = record.document
    return {
        **document_summary(d),
        "groups": d.groups,
        "header": d.header,
        "warnings": d.warnings,
        "authors": [
            {"name": a.name, "group": a.group, "person": a.person_id} for a in record.authors
        ],
        "clauses": [clause(c, view.clause_votes.get(c.position, [])) for c in record.clauses],
        "other_votes": [vote(v) for v in view.unattached_votes],
        "votes": [vote(v) for v in record.votes if v.official],
        "claims": [{**vote(c.vote), "mark": c.mark} for c in view.claims],
        "facts": [
            {"value": f.value, "what": f.what, "approx": f.approx, "text": f.text}
            for f in view.facts
        ],
        "quotes": [{"person": q.person, "role": q.role, "text": q.text} for q in view.quotes],
        "reports_on": view.reports_on,
        "body": d.body,
        "source": source(d),
        "links": links(view.links),
    }


def vote_view(view: VoteView) -> dict[str, Any]:
    """A vote with each MEP's position and the breakdown."""
    return {
        **vote(view.vote),
        "members": [
            {"person": m.person_id, "name": m.name, "group": m.group, "position": m.position}
            for m in view.members
        ],
        "breakdown": breakdown(view.breakdown),
    }


def mep_summary(m: MepSummary) -> dict[str, Any]:
    """An MEP in a list."""
    return {"id": m.id, "name": m.name, "country": m.country, "group": m.group}


def mep_view(view: MepView) -> dict[str, Any]:
    """An MEP with groups over time, tabled texts and latest positions."""
    p = view.person
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country,
        "groups": [
            {"group": m.group, "from": iso(m.start), "to": iso(m.end)} for m in view.memberships
        ],
        "tabled": [document_summary(d) for d in view.tabled],
        "positions_total": view.positions_total,
        "positions": [
            {"vote": vote(pos.vote), "position": pos.position, "group": pos.group}
            for pos in view.positions
        ],
    }


def group_summary(g: GroupSummary) -> dict[str, Any]:
    """A group in a list."""
    return {"code": g.code, "label": g.label, "members": g.members, "positions": g.positions}


def group_view(view: GroupView) -> dict[str, Any]:
    """A group with its members and cohesion per roll call."""
    return {
        **group_summary(view.group),
        "mean_agreement": view.mean_agreement,
        "members_list": [mep_summary(m) for m in view.members],
        "cohesion": [
            {"vote": vote(c.vote), "counts": c.counts, "agreement": round(c.agreement, 4)}
            for c in view.cohesion
        ],
    }
