"""parlparse/mepwatch item_rollcall.csv: every roll call of a term with its totals -> votes.

The "report" column names the text voted; when the title's slot says "RC-" (the "RC- -"
artefact: a stripped link to the joint motion) and the column names a motion, the vote was on the
joint motion, which takes the number of that motion: RC-B9-0065/2022 for B9-0065/2022.
Procedures are not in the table: pass the mapping text_tabled.csv gives (see text_tabled).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from whereas.parse.datasets.rollcall_titles import split_title
from whereas.parse.records import ParsedDocument, Vote
from whereas.parse.votes.inputs import sitting_date, sitting_time
from whereas.parse.votes.references import human_reference, procedure_reference
from whereas.parse.votes.subjects import amendment_of, clause_of
from whereas.parse.votes.tallies import NO_TOTALS, flag

Row = Mapping[str, str]
COLUMNS = frozenset({"identifier", "date", "report", "title", "for", "against", "abstention"})


def parse_item_rollcall(
    rows: Sequence[Row], procedures: Mapping[str, str] | None = None
) -> ParsedDocument:
    """One official roll-call vote per row, with reference, subject, clause and totals."""
    parsed = ParsedDocument()
    untallied: list[str] = []
    for number, row in enumerate(rows, start=1):
        vote = item_vote(row, procedures)
        vote.path = f"row {number}"
        if NO_TOTALS in vote.flags:
            untallied.append(vote.vote_id or vote.path)
        parsed.votes.append(vote)
    if untallied:
        parsed.warnings.append(
            f"{len(untallied)} roll calls without totals: {', '.join(untallied[:10])}"
            + (" ..." if len(untallied) > 10 else "")
        )
    return parsed


def item_vote(row: Row, procedures: Mapping[str, str] | None = None) -> Vote:
    """The vote one row describes."""
    title = split_title(row.get("title") or "")
    reference, procedure = _reference(row.get("report") or "", title.joint_motion)
    subject = title.subject or ""
    clause = clause_of(subject)
    moment = sitting_time(row.get("date"))
    vote = Vote(
        _count(row.get("for")),
        _count(row.get("against")),
        _count(row.get("abstention")),
        roll_call=True,
        official=True,
        date=sitting_date(moment),
        time=moment,
        vote_id=(row.get("identifier") or "").strip() or None,
        subject=subject or None,
        reference=reference,
        procedure=procedure,
        title=title.title,
        text=title.printed or None,
        clause_label=clause.label if clause else None,
        clause_kind=clause.kind if clause else None,
        amendment=amendment_of(subject),
    )
    if vote.procedure is None and reference and procedures:
        vote.procedure = procedure_of(reference, procedures)
    if vote.for_ is None and vote.against is None and vote.abstentions is None:
        flag(vote, NO_TOTALS)
    return vote


def procedure_of(reference: str, procedures: Mapping[str, str]) -> str | None:
    """The procedure of a text, found under its own number or its joint motion's."""
    bare = reference.removeprefix("RC-")
    for key in (reference, bare, f"RC-{bare}"):
        if key in procedures:
            return procedures[key]
    return None


@lru_cache(maxsize=8192)
def _reference(report: str, joint_motion: bool) -> tuple[str | None, str | None]:
    reference = human_reference(report) if report.strip() else None
    if reference is None:
        return None, procedure_reference(report) if report.strip() else None
    if joint_motion and reference.startswith("B"):
        reference = f"RC-{reference}"
    return reference, None


def _count(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() else None
