"""`whereas show` of a procedure: each source's figures for its final vote, against the record."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from sqlalchemy.orm import Session

from whereas.link.claims import final_vote
from whereas.store.lookup import ProcedureRecord
from whereas.views.tallies import TallyRow, procedure_tallies

_MARKS = {
    "record": "record",
    "corroborated": "agrees",
    "contradicted": "CONTRADICTS",
    "unchecked": "unchecked",
}


def tally_rows(session: Session, record: ProcedureRecord) -> list[TallyRow]:
    """The final vote from each official source, then each claim of a press release or news item."""
    return procedure_tallies(session, record, final_vote(list(record.votes)))


def render_tallies(console: Console, rows: list[TallyRow]) -> None:
    """One line per source: its figures, what it is, and how it compares with the record."""
    if not rows:
        return
    console.print(f"\n[bold]tallies of the final vote[/bold] ({len(rows)} sources)")
    for row in rows:
        v, d = row.vote, row.document
        figures = "/".join("-" if n is None else str(n) for n in (v.for_, v.against, v.abstentions))
        who = d.publisher or d.kind
        console.print(
            f"  {figures:<14} {_MARKS[row.mark]:<12} {d.kind:<16} {who}  {d.id[:12]}",
            markup=False,
        )


def tallies_json(rows: list[TallyRow]) -> list[dict[str, Any]]:
    """The same rows as JSON values."""
    return [
        {
            "for": r.vote.for_,
            "against": r.vote.against,
            "abstentions": r.vote.abstentions,
            "mark": r.mark,
            "official": r.vote.official,
            "document": r.document.id,
            "kind": r.document.kind,
            "publisher": r.document.publisher,
            "text": r.vote.text,
        }
        for r in rows
    ]
