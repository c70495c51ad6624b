"""Tallies claimed by secondary sources, checked against the official votes of what they report on.

Equal figures give a "corroborates" link, different ones a "contradicts" link, from the source to
the document holding the official vote; `method` names both votes ("tally:<claim id>-><vote id>").
A figure is only compared with the procedures the source reports on: a different figure for a
different procedure is no conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.reports import REPORTS_ON, claimed_votes, official_votes, same_tally
from whereas.store import schema

Verdict = Literal["corroborates", "contradicts", "unchecked"]
_WHOLE_TEXT = re.compile(
    r"whole|ensemble|as a whole|gesamt|celek|resolution|résolution|entschließung|\bRC\b|B\d+-",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimCheck:
    """What checking one claimed tally found."""

    document_id: str
    claim_vote_id: int
    procedure: str | None
    official_vote_id: int | None
    verdict: Verdict
    reason: str


def _reported(session: Session, document_id: str) -> list[str]:
    return list(
        session.scalars(
            select(schema.DocumentReference.value)
            .where(
                schema.DocumentReference.document_id == document_id,
                schema.DocumentReference.role == REPORTS_ON,
            )
            .order_by(schema.DocumentReference.id)
        )
    )


def final_vote(votes: list[schema.Vote]) -> schema.Vote | None:
    """The vote on the text as a whole: by its subject, else the one with the most voters."""
    counted = [v for v in votes if v.for_ is not None and v.against is not None]
    whole = [v for v in counted if v.subject and _WHOLE_TEXT.search(v.subject)]
    pool = whole or counted
    if not pool:
        return None
    return max(
        pool,
        key=lambda v: ((v.for_ or 0) + (v.against or 0) + (v.abstentions or 0), v.date or v.id),
    )


def _check(claim: schema.Vote, official: dict[str, list[schema.Vote]]) -> ClaimCheck:
    """Compare one claim with the official votes of the procedures its source reports on."""
    doc = claim.document_id
    for procedure, votes in official.items():
        match = next((v for v in votes if same_tally(claim, v)), None)
        if match is not None:
            return ClaimCheck(doc, claim.id, procedure, match.id, "corroborates", "same figures")
    with_votes = {p: v for p, v in official.items() if v}
    if not with_votes:
        return ClaimCheck(
            doc,
            claim.id,
            None,
            None,
            "unchecked",
            "no official vote stored for the procedure(s) reported on",
        )
    if len(with_votes) > 1:
        return ClaimCheck(
            doc,
            claim.id,
            None,
            None,
            "unchecked",
            "the source reports on several procedures and matches none",
        )
    procedure, votes = next(iter(with_votes.items()))
    final = final_vote(votes)
    if final is None:
        return ClaimCheck(doc, claim.id, procedure, None, "unchecked", "no counted official vote")
    return ClaimCheck(
        doc,
        claim.id,
        procedure,
        final.id,
        "contradicts",
        f"claimed {claim.for_}/{claim.against}/{claim.abstentions}, official "
        f"{final.for_}/{final.against}/{final.abstentions}",
    )


def _save(session: Session, check: ClaimCheck) -> None:
    """Write the link unless it is stored already (checking twice changes nothing)."""
    if check.official_vote_id is None or check.verdict == "unchecked":
        return
    official = session.get(schema.Vote, check.official_vote_id)
    if official is None:
        return
    method = f"tally:{check.claim_vote_id}->{check.official_vote_id}"
    exists = session.scalar(
        select(schema.Link.id).where(
            schema.Link.from_document == check.document_id,
            schema.Link.method == method,
            schema.Link.type == check.verdict,
        )
    )
    if exists is None:
        session.add(
            schema.Link(
                type=check.verdict,
                label=None,
                from_document=check.document_id,
                to_document=official.document_id,
                score=1.0 if check.verdict == "corroborates" else 0.0,
                method=method,
            )
        )


def check_claims(session: Session) -> list[ClaimCheck]:
    """Check every claimed tally of every source with reports_on procedures; write the links."""
    documents = session.scalars(
        select(schema.DocumentReference.document_id)
        .where(schema.DocumentReference.role == REPORTS_ON)
        .distinct()
    )
    checks: list[ClaimCheck] = []
    for document_id in sorted(set(documents)):
        official = {p: official_votes(session, p) for p in _reported(session, document_id)}
        for claim in claimed_votes(session, document_id):
            check = _check(claim, official)
            _save(session, check)
            checks.append(check)
    session.flush()
    return checks
