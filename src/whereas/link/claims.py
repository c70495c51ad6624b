"""Tallies claimed by secondary sources, checked against the official votes of what they report on.

Equal figures give a "corroborates" link, different ones a "contradicts" link, from the source to
the document holding the official vote; `method` names both votes ("tally:<claim id>-><vote id>").
A figure is only compared with the procedures the source reports on: a different figure for a
different procedure is no conflict. Sources are checked one at a time, a page of them read at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.batched import row_pages
from whereas.link.evidence import Figures, VoteRow, claimed_votes, official_votes, same_tally
from whereas.link.reports import REPORTS_ON
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


DOCUMENT_PAGE = 500


class CountedVote(Figures, Protocol):
    """A vote with what choosing the final one needs."""

    @property
    def id(self) -> int:
        """The vote's row id."""
        ...

    @property
    def subject(self) -> str | None:
        """What was voted ("whole text", "§ 1/2")."""
        ...

    @property
    def date(self) -> dt.date | None:
        """The day of the vote."""
        ...


V = TypeVar("V", bound=CountedVote)


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


def final_vote(votes: Sequence[V]) -> V | None:
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


def _check(claim: VoteRow, official: dict[str, list[VoteRow]]) -> ClaimCheck:
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


def _save(session: Session, check: ClaimCheck, official: dict[str, list[VoteRow]]) -> None:
    """Write the link unless it is stored already (checking twice changes nothing)."""
    if check.official_vote_id is None or check.verdict == "unchecked":
        return
    held = (v for votes in official.values() for v in votes if v.id == check.official_vote_id)
    vote = next(held, None)
    if vote is None:
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
                to_document=vote.document_id,
                score=1.0 if check.verdict == "corroborates" else 0.0,
                method=method,
            )
        )


def iter_claim_checks(session: Session) -> Iterator[ClaimCheck]:
    """Check every claimed tally of every source with reports_on procedures, writing the links
    and yielding each check, source by source (exhaust it: the last links are flushed at its
    end)."""
    reference = schema.DocumentReference
    query = select(reference.document_id).where(reference.role == REPORTS_ON).distinct()
    for rows in row_pages(session, query, reference.document_id, DOCUMENT_PAGE):
        for (document_id,) in rows:
            official = {p: official_votes(session, p) for p in _reported(session, document_id)}
            for claim in claimed_votes(session, document_id):
                check = _check(claim, official)
                _save(session, check, official)
                yield check
    session.flush()


def check_claims(session: Session) -> list[ClaimCheck]:
    """Check every claimed tally of every source with reports_on procedures; write the links."""
    return list(iter_claim_checks(session))
