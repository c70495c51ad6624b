"""Human-readable and JSON views of a record for `whereas show`."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from whereas.store import schema
from whereas.store.lookup import DocumentRecord, ProcedureRecord, ReferenceRecord


def _tally(v: schema.Vote) -> str:
    counts = "/".join("-" if n is None else str(n) for n in (v.for_, v.against, v.abstentions))
    parts = [v.date.isoformat() if v.date else "", v.subject or "", counts, v.result or ""]
    return "  ".join(p for p in parts if p)


def render_record(console: Console, record: ProcedureRecord | ReferenceRecord) -> None:
    """Print a procedure (documents, votes) or a document record (header, clauses)."""
    from whereas.cli.render_lineage import render_lineage

    if isinstance(record, ProcedureRecord):
        _render_procedure(console, record)
        render_lineage(console, record)
        return
    console.print(f"[bold]{record.reference}[/bold]  ({len(record.documents)} source files)")
    for doc in record.documents:
        _render_document(console, doc)
    render_lineage(console, record)


def _render_procedure(console: Console, record: ProcedureRecord) -> None:
    p = record.procedure
    console.print(f"[bold]{p.reference}[/bold]  {p.title or ''}")
    console.print(f"type: {p.type or '?'}")
    console.print(f"\n[bold]documents[/bold] ({len(record.documents)})")
    for d in record.documents:
        date = d.date.isoformat() if d.date else "          "
        console.print(
            f"  {date}  {d.kind:<18} {d.reference or '-':<22} {d.format:<8} "
            f"{d.language or '-':<4} v{d.version}  {d.id[:12]}",
            markup=False,
        )
    from whereas.cli.render_votes import render_procedure_votes

    render_procedure_votes(console, record)


def _render_document(console: Console, record: DocumentRecord) -> None:
    d = record.document
    console.print(
        f"\n[bold]{d.kind}[/bold] {d.reference or ''}  [dim]{d.format} v{d.version} "
        f"{d.id[:12]}[/dim]"
    )
    for label, value in (
        ("title", d.title),
        ("procedure", d.procedure),
        ("date", d.date.isoformat() if d.date else None),
        ("language", d.language),
        ("publisher", d.publisher),
        ("source", d.source_path or d.source_url),
    ):
        if value:
            console.print(f"  {label}: {value}", markup=False)
    for warning in d.warnings or []:
        console.print(f"  [yellow]warning:[/yellow] {warning}")
    if record.authors:
        console.print(
            "  authors: " + "; ".join(f"{a.name} ({a.group or '?'})" for a in record.authors),
            markup=False,
        )
    for c in record.clauses:
        indent = "      " if c.kind == "point" else "  "
        label = c.label or "-"
        extra = ", ".join(
            [*c.verbs, *(f"@{a}" for a in c.addressees), *(f"#{t}" for t in c.themes)]
        )
        console.print(f"{indent}[cyan]{c.kind[:3]} {label:>4}[/cyan] {_escape(c.text)}")
        if extra:
            console.print(f"{indent}           [dim]{_escape(extra)}[/dim]")
    for v in record.votes:
        console.print(f"  vote: {_tally(v)}", markup=False)


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def record_as_json(record: ProcedureRecord | ReferenceRecord) -> dict[str, Any]:
    """The record as plain JSON values."""
    if isinstance(record, ProcedureRecord):
        from whereas.cli.render_votes import procedure_votes_json

        p = record.procedure
        return {
            "procedure": p.reference,
            "type": p.type,
            "title": p.title,
            "documents": [_doc_summary(d) for d in record.documents],
            **procedure_votes_json(record),
        }
    return {
        "reference": record.reference,
        "documents": [
            {
                **_doc_summary(r.document),
                "authors": [{"name": a.name, "group": a.group} for a in r.authors],
                "clauses": [
                    {
                        "kind": c.kind,
                        "label": c.label,
                        "position": c.position,
                        "text": c.text,
                        "verbs": c.verbs,
                        "addressees": c.addressees,
                        "themes": c.themes,
                    }
                    for c in r.clauses
                ],
                "votes": [_vote_json(v) for v in r.votes],
            }
            for r in record.documents
        ],
    }


def _doc_summary(d: schema.Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "reference": d.reference,
        "procedure": d.procedure,
        "format": d.format,
        "version": d.version,
        "title": d.title,
        "date": d.date.isoformat() if d.date else None,
        "language": d.language,
        "warnings": d.warnings,
    }


def _vote_json(v: schema.Vote) -> dict[str, Any]:
    return {
        "for": v.for_,
        "against": v.against,
        "abstentions": v.abstentions,
        "result": v.result,
        "date": v.date.isoformat() if v.date else None,
        "subject": v.subject,
        "official": v.official,
        "roll_call": v.roll_call,
    }
