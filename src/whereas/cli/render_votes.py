"""A procedure's votes for `whereas show`: the clause voted on, flags, group and country counts."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from whereas.export.json_export import clause_id
from whereas.link.votes import ClauseAttachment
from whereas.parse.votes.tallies import VoteTally
from whereas.store import schema
from whereas.store.lookup import ProcedureRecord
from whereas.store.votes import breakdown_json

_RELATION = {"on": "", "after": "after ", "before": "before "}


def _counts(values: tuple[int | None, ...]) -> str:
    return "/".join("-" if n is None else str(n) for n in values)


def _where(found: ClauseAttachment | None) -> str:
    if found is None:
        return ""
    return f"[{_RELATION[found.relation]}{found.kind} {found.label}]"


def _line(vote: schema.Vote, found: ClauseAttachment | None) -> str:
    parts = [
        vote.date.isoformat() if vote.date else "",
        vote.subject or "",
        _where(found),
        _counts((vote.for_, vote.against, vote.abstentions)),
        vote.result or "",
        "roll call" if vote.roll_call else "",
        f"by {vote.author}" if vote.author else "",
        " ".join(f"!{f}" for f in vote.flags or []),
    ]
    return "  ".join(p for p in parts if p)


def _tallies(label: str, tallies: dict[str, VoteTally]) -> str:
    shown = ", ".join(
        f"{k} {_counts((t.for_, t.against, t.abstentions))}" for k, t in tallies.items()
    )
    return f"      {label}: {shown}"


def render_procedure_votes(console: Console, record: ProcedureRecord) -> None:
    """Print each vote with its clause, and its breakdowns when it was by roll call."""
    console.print(f"\n[bold]votes[/bold] ({len(record.votes)})")
    for vote in record.votes:
        console.print(f"  {_line(vote, record.clauses.get(vote.id))}", markup=False)
        breakdown = record.breakdowns.get(vote.id)
        if breakdown is not None:
            console.print(_tallies("by group", breakdown.by_group), markup=False)
            console.print(_tallies("by country", breakdown.by_country), markup=False)
    for conflict in record.conflicts:
        values = "  vs  ".join(_counts(v) for v in conflict.values)
        console.print(f"  [yellow]conflict:[/yellow] {conflict.field}: {values} (stated vs listed)")


def procedure_votes_json(record: ProcedureRecord) -> dict[str, Any]:
    """The votes and vote conflicts of a procedure as JSON values."""
    return {
        "votes": [_vote_json(v, record) for v in record.votes],
        "vote_conflicts": [
            {"field": c.field, "values": [list(v) for v in c.values], "sources": [c.document_id]}
            for c in record.conflicts
        ],
    }


def _vote_json(vote: schema.Vote, record: ProcedureRecord) -> dict[str, Any]:
    found = record.clauses.get(vote.id)
    breakdown = record.breakdowns.get(vote.id)
    return {
        "for": vote.for_,
        "against": vote.against,
        "abstentions": vote.abstentions,
        "result": vote.result,
        "date": vote.date.isoformat() if vote.date else None,
        "subject": vote.subject,
        "official": vote.official,
        "roll_call": vote.roll_call,
        "reference": vote.reference,
        "author": vote.author,
        "amendment": vote.amendment,
        "clause": _clause_json(found),
        "flags": list(vote.flags or []),
        "source": vote.document_id,
        "breakdown": breakdown_json(breakdown) if breakdown is not None else None,
    }


def _clause_json(found: ClauseAttachment | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "id": clause_id(found.document_id, found.position),
        "relation": found.relation,
        "kind": found.kind,
        "label": found.label,
    }
