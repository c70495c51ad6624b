"""Vote records: roll-call lists (RCV) and results of votes (VOT) -> Vote records, checked."""

from __future__ import annotations

from whereas.parse.votes.members import resolve_person_ids
from whereas.parse.votes.publications import PublicationChange, compare_publications
from whereas.parse.votes.roll_call import parse_roll_call, roll_call_vote
from whereas.parse.votes.subjects import ClauseRef, amendment_of, clause_of
from whereas.parse.votes.tallies import (
    TOTALS_MISMATCH,
    VoteTally,
    check_members,
    check_totals,
    count_positions,
    tally_by_group,
)
from whereas.parse.votes.vote_results import parse_vote_results

__all__ = [
    "TOTALS_MISMATCH",
    "ClauseRef",
    "PublicationChange",
    "VoteTally",
    "amendment_of",
    "check_members",
    "check_totals",
    "clause_of",
    "compare_publications",
    "count_positions",
    "parse_roll_call",
    "parse_vote_results",
    "resolve_person_ids",
    "roll_call_vote",
    "tally_by_group",
]
