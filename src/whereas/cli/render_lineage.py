"""`whereas show`: the lineage of a procedure, the derivations and repeats of a document."""

from __future__ import annotations

from rich.console import Console
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, object_session

from whereas.link.thread.redline import redline_text
from whereas.link.thread.summary import procedure_lineage
from whereas.store import schema
from whereas.store.lookup import DocumentRecord, ProcedureRecord, ReferenceRecord

_THREAD_TYPES = ("derives_from", "repeats")


def render_lineage(console: Console, record: ProcedureRecord | ReferenceRecord) -> None:
    """Print the thread sections of a record (nothing when it has no lineage or repeats)."""
    if isinstance(record, ProcedureRecord):
        session = object_session(record.procedure)
        if session is not None:
            _procedure(console, session, record.procedure.reference)
        return
    for doc in record.documents:
        session = object_session(doc.document)
        if session is not None:
            _document(console, session, doc)


def _procedure(console: Console, session: Session, procedure: str) -> None:
    summary = procedure_lineage(session, procedure)
    if summary.final is None or not summary.pairs:
        return
    final = summary.final.document
    console.print(f"\n[bold]lineage[/bold] (into {final.reference or final.id[:12]})")
    for m in summary.motions:
        groups = ", ".join(m.groups) or "?"
        console.print(
            f"  {m.reference or m.document_id[:12]} ({groups}): {m.survived}/{m.clauses}"
            f" clauses kept ({m.share:.0%})",
            markup=False,
        )
    for a in summary.additions:
        vote = a.vote
        said = f"{vote.subject}, {vote.result}" if vote is not None else "no vote record found"
        console.print(
            f"  added in plenary: {a.kind} {a.label or a.position} after "
            f"{a.after or 'the start'} ({said})",
            markup=False,
        )


def _label(clauses: dict[tuple[str, int], schema.Clause], doc: str, pos: int | None) -> str:
    clause = clauses.get((doc, pos or 0))
    return "-" if clause is None else f"{clause.kind[:3]} {clause.label or clause.position}"


def _document(console: Console, session: Session, record: DocumentRecord) -> None:
    doc_id = record.document.id
    links = list(
        session.scalars(
            select(schema.Link)
            .where(
                schema.Link.type.in_(_THREAD_TYPES),
                or_(schema.Link.from_document == doc_id, schema.Link.to_document == doc_id),
            )
            .order_by(schema.Link.type, schema.Link.from_clause, schema.Link.id)
        )
    )
    if not links:
        return
    docs = {
        d.id: d
        for d in session.scalars(
            select(schema.Document).where(
                schema.Document.id.in_(
                    {link.to_document for link in links} | {link.from_document for link in links}
                )
            )
        )
    }
    clauses = {
        (c.document_id, c.position): c
        for c in session.scalars(select(schema.Clause).where(schema.Clause.document_id.in_(docs)))
    }
    d = record.document
    console.print(f"\n[bold]thread of {d.kind} {d.format} {d.id[:12]}[/bold] ({len(links)} links)")
    for link in links:
        other = link.to_document if link.from_document == doc_id else link.from_document
        other_doc = docs.get(other)
        name = (other_doc.reference if other_doc else None) or other[:12]
        outgoing = link.from_document == doc_id
        mine = _label(clauses, doc_id, link.from_clause if outgoing else link.to_clause)
        theirs = _label(clauses, other, link.to_clause if outgoing else link.from_clause)
        arrow = "<-" if outgoing else "->"
        score = "" if link.score is None else f" {link.score:.2f}"
        console.print(
            f"    {mine} {arrow} {name} {theirs}  {link.type} {link.label}{score}", markup=False
        )
        if outgoing and link.label in ("reworded", "merged", "split") and link.to_clause:
            old = clauses.get((other, link.to_clause))
            new = clauses.get((doc_id, link.from_clause or 0))
            if old is not None and new is not None:
                console.print(f"        {redline_text(old.text, new.text)}", markup=False)
