"""Every tally of a procedure's final vote, from every source, marked against the record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.claims import final_vote
from whereas.link.reports import same_tally
from whereas.store import schema
from whereas.store.lookup import ProcedureRecord

Mark = Literal["record", "corroborated", "contradicted", "unchecked"]
_CLAIM_METHOD = re.compile(r"^tally:(\d+)->(\d+)$")


@dataclass(frozen=True)
class TallyRow:
    """One source's figures for the final vote and whether they agree with the record."""

    vote: schema.Vote
    document: schema.Document
    mark: Mark


def procedure_tallies(
    session: Session, record: ProcedureRecord, final: schema.Vote | None
) -> list[TallyRow]:
    """The final vote as each official source gives it, then every claim of other sources."""
    documents = {d.id: d for d in record.documents}
    per_source: dict[str, list[schema.Vote]] = {}
    for vote in record.votes:
        per_source.setdefault(vote.document_id, []).append(vote)
    missing = set(per_source) - set(documents)
    if missing:
        documents |= {
            d.id: d
            for d in session.scalars(select(schema.Document).where(schema.Document.id.in_(missing)))
        }
    rows: list[TallyRow] = []
    for document_id, votes in sorted(per_source.items()):
        chosen = final_vote(votes)
        if chosen is not None:
            mark = _compare(chosen, final, official=True)
            rows.append(TallyRow(chosen, documents[document_id], mark))
    rows.extend(_claims(session, record, documents, final))
    return rows


def _compare(vote: schema.Vote, final: schema.Vote | None, *, official: bool) -> Mark:
    if final is None:
        return "unchecked"
    if vote.id == final.id and official:
        return "record"
    return "corroborated" if same_tally(vote, final) else "contradicted"


def _claims(
    session: Session,
    record: ProcedureRecord,
    documents: dict[str, schema.Document],
    final: schema.Vote | None,
) -> list[TallyRow]:
    secondary = [d.id for d in record.documents]
    claims = list(
        session.scalars(
            select(schema.Vote)
            .where(schema.Vote.document_id.in_(secondary), schema.Vote.official.is_(False))
            .order_by(schema.Vote.document_id, schema.Vote.position)
        )
    )
    verdicts = claim_verdicts(session, [c.id for c in claims])
    rows = []
    for claim in claims:
        mark = verdicts.get(claim.id) or _compare(claim, final, official=False)
        rows.append(TallyRow(claim, documents[claim.document_id], mark))
    return rows


def claim_verdicts(session: Session, claim_ids: list[int]) -> dict[int, Mark]:
    """The stored verdicts (links written by link/claims.py) of claimed tallies, by vote id."""
    if not claim_ids:
        return {}
    links = session.execute(
        select(schema.Link.type, schema.Link.method).where(
            schema.Link.type.in_(["corroborates", "contradicts"]),
            schema.Link.method.like("tally:%"),
        )
    )
    wanted = set(claim_ids)
    verdicts: dict[int, Mark] = {}
    for type_, method in links:
        found = _CLAIM_METHOD.match(method or "")
        if found and int(found[1]) in wanted:
            verdicts[int(found[1])] = "corroborated" if type_ == "corroborates" else "contradicted"
    return verdicts
