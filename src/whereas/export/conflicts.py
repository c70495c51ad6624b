"""Conflicts a procedure carries because a secondary source contradicts its official record."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.store import schema

# link.claims names the two votes it compared: "tally:<claimed vote id>-><official vote id>".
_TALLY_METHOD = re.compile(r"^tally:(\d+)->(\d+)$")


def _tally(vote: schema.Vote) -> list[int | None]:
    return [vote.for_, vote.against, vote.abstentions]


def contradicted_tallies(
    session: Session, procedure_of: Callable[[schema.Vote], str | None]
) -> dict[str, list[dict[str, Any]]]:
    """Per procedure, each claimed tally that differs from the official one it was checked with."""
    links = session.scalars(
        select(schema.Link).where(schema.Link.type == "contradicts").order_by(schema.Link.id)
    )
    conflicts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for link in links:
        match = _TALLY_METHOD.match(link.method or "")
        if match is None:
            continue
        claim = session.get(schema.Vote, int(match.group(1)))
        official = session.get(schema.Vote, int(match.group(2)))
        procedure = procedure_of(official) if official is not None else None
        if claim is None or official is None or procedure is None:
            continue
        subject = official.subject or "vote"
        day = official.date.isoformat() if official.date else ""
        conflicts[procedure].append(
            {
                "field": f"tally of {subject} {day}".strip(),
                "values": [_tally(official), _tally(claim)],
                "sources": [official.document_id, claim.document_id],
            }
        )
    return conflicts
