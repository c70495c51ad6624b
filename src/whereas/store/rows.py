"""Parsed records -> row values for the store's tables, each with its provenance span or path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whereas.parse.records import Author, Clause, Event, Fact, Quote, Span, Vote
from whereas.recognize.references import find_references

Row = dict[str, Any]


def _span(span: Span | None) -> Row:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def clause_rows(doc_id: str, clauses: list[Clause]) -> list[Row]:
    """Rows of the clauses table, in document order."""
    return [
        {
            "document_id": doc_id,
            "position": c.position,
            "kind": c.kind,
            "label": c.label,
            "parent_position": c.parent,
            "text": c.text,
            "verbs": c.verbs,
            "addressees": c.addressees,
            "themes": c.themes,
            "path": c.path,
            "footnotes": list(c.footnotes),
            **_span(c.span),
        }
        for c in clauses
    ]


def footnote_reference_rows(doc_id: str, notes: Iterable[tuple[int, list[str]]]) -> list[Row]:
    """Rows of document_references for the identifiers each clause's footnotes name.

    `notes` holds each clause's position and footnotes.
    A footnote "Texts adopted, P9_TA(2022)0012." under "having regard to its previous
    resolutions" is the citation's own reference: role "footnote", with the clause's position.
    The footnote is not in the clause's text, so the row has no span.
    """
    out: list[Row] = []
    for position, footnotes in notes:
        seen: set[str] = set()
        for ref in (r for note in footnotes for r in find_references(note)):
            if ref.value not in seen:
                seen.add(ref.value)
                out.append(
                    {
                        "document_id": doc_id,
                        "kind": ref.kind,
                        "value": ref.value,
                        "role": "footnote",
                        "span_start": None,
                        "span_end": None,
                        "clause_position": position,
                    }
                )
    return out


def author_rows(doc_id: str, authors: list[Author]) -> list[Row]:
    """Rows of the authors table, in the order the document lists them."""
    return [
        {
            "document_id": doc_id,
            "position": i,
            "name": a.name,
            "group": a.group,
            "person_id": a.person_id,
            "path": a.path,
            **_span(a.span),
        }
        for i, a in enumerate(authors)
    ]


def fact_rows(doc_id: str, facts: list[Fact]) -> list[Row]:
    """Rows of the facts table."""
    return [
        {
            "document_id": doc_id,
            "position": i,
            "value": f.value,
            "what": f.what,
            "approx": f.approx,
            "text": f.text,
            **_span(f.span),
        }
        for i, f in enumerate(facts)
    ]


def quote_rows(doc_id: str, quotes: list[Quote]) -> list[Row]:
    """Rows of the quotes table."""
    return [
        {
            "document_id": doc_id,
            "position": i,
            "person": q.person,
            "role": q.role,
            "text": q.text,
            **_span(q.span),
        }
        for i, q in enumerate(quotes)
    ]


def event_rows(doc_id: str, events: list[Event], procedure: str | None) -> list[Row]:
    """Rows of the events table: the steps of the document's procedure."""
    return [
        {
            "document_id": doc_id,
            "position": i,
            "procedure": procedure,
            "date": e.date,
            "type": e.type,
            "title": e.title,
            "references": e.references,
            "path": e.path,
        }
        for i, e in enumerate(events)
    ]


def statement_rows(doc_id: str, procedures: dict[str, str]) -> list[Row]:
    """Rows of reference_procedures: texts the document says belong to a procedure."""
    return [
        {"document_id": doc_id, "reference": ref, "procedure": proc}
        for ref, proc in sorted(procedures.items())
    ]


def vote_rows(doc_id: str, votes: list[Vote]) -> list[Row]:
    """Rows of the votes table, in the order the document gives them."""
    return [
        {
            "document_id": doc_id,
            "position": i,
            "official": v.official,
            "roll_call": v.roll_call,
            "reference": v.reference,
            "procedure": v.procedure,
            "date": v.date,
            "time": v.time,
            "subject": v.subject,
            "clause_label": v.clause_label,
            "for_": v.for_,
            "against": v.against,
            "abstentions": v.abstentions,
            "result": v.result,
            "source_vote_id": v.vote_id,
            "text": v.text,
            "path": v.path,
            "author": v.author,
            "amendment": v.amendment,
            "clause_kind": v.clause_kind,
            "title": v.title,
            "flags": list(v.flags),
            **_span(v.span),
        }
        for i, v in enumerate(votes)
    ]


def member_vote_rows(stored: Iterable[tuple[int, Vote]]) -> list[Row]:
    """Rows of member_votes for votes already stored: positions as voted, then corrections."""
    return [
        {
            "vote_id": vote_id,
            "person_id": m.person_id,
            "name": m.name,
            "position": m.position,
            "group": m.group,
            # Corrections never change the result as announced: they are kept apart, flagged.
            "corrected": m.corrected or corrected,
            "mep_id": m.mep_id,
        }
        for vote_id, vote in stored
        for corrected, members in ((False, vote.members), (True, vote.corrections))
        for m in members
    ]
