"""HowTheyVote's CSV export layout (main-votes-term9.csv, -term10.csv): final votes -> votes.

HowTheyVote publishes roll calls only; "is_main" marks the final vote on a text. The procedure
each row names also goes to `ParsedDocument.procedures` (reference -> procedure).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from whereas.parse.records import ParsedDocument, Vote, VoteResult
from whereas.parse.votes.inputs import sitting_date, sitting_time
from whereas.parse.votes.references import human_reference, procedure_reference
from whereas.parse.votes.subjects import clause_of

Row = Mapping[str, str]
COLUMNS = frozenset({"id", "timestamp", "display_title", "count_for", "count_against"})
_RESULTS: dict[str, VoteResult] = {
    "ADOPTED": "adopted",
    "REJECTED": "rejected",
    "LAPSED": "lapsed",
    "WITHDRAWN": "withdrawn",
}


def parse_votes_export(rows: Sequence[Row]) -> ParsedDocument:
    """One official vote per row, with its text, procedure, result and totals."""
    parsed = ParsedDocument()
    for number, row in enumerate(rows, start=1):
        vote = export_vote(row)
        vote.path = f"row {number}"
        if vote.for_ is None:
            parsed.warnings.append(f"row {number}: vote {vote.vote_id} has no totals")
        if vote.reference and vote.procedure:
            parsed.procedures.setdefault(vote.reference, vote.procedure)
        parsed.votes.append(vote)
    return parsed


def export_vote(row: Row) -> Vote:
    """The vote one export row describes."""
    moment = sitting_time(row.get("timestamp"))
    place = (row.get("amendment_subject") or "").strip()
    clause = clause_of(place) if place else None
    return Vote(
        _count(row.get("count_for")),
        _count(row.get("count_against")),
        _count(row.get("count_abstention")),
        result=_RESULTS.get((row.get("result") or "").strip().upper()),
        roll_call=True,
        official=True,
        date=sitting_date(moment),
        time=moment,
        vote_id=(row.get("id") or "").strip() or None,
        subject=(row.get("description") or "").strip() or None,
        reference=human_reference(row.get("reference") or ""),
        procedure=procedure_reference(row.get("procedure_reference") or ""),
        title=(row.get("display_title") or "").strip() or None,
        amendment=(row.get("amendment_number") or "").strip() or None,
        clause_label=clause.label if clause else None,
        clause_kind=clause.kind if clause else None,
    )


def _count(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() else None
