"""Decisions: confirm, reject or correct machine values, one or many, each kept as its own fact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.curation.audit import record
from whereas.curation.items import ReviewItem
from whereas.curation.values import check_correction
from whereas.errors import InvalidDecision
from whereas.store import schema

ACTIONS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}


@dataclass
class DecisionOutcome:
    """What a decision on one or many items did: every item is counted, none silently left."""

    action: str
    changed: int = 0
    unchanged: int = 0  # the same decision was in force already
    unknown: list[str] = field(default_factory=list)  # keys naming no item

    def as_json(self) -> dict[str, Any]:
        """The outcome as the API and the CLI report it."""
        return {
            "action": self.action,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "unknown": self.unknown,
        }


def current_decisions(session: Session, keys: Iterable[str]) -> dict[str, schema.ReviewDecision]:
    """The latest decision on each key that has one."""
    wanted = sorted(set(keys))
    found: dict[str, schema.ReviewDecision] = {}
    d = schema.ReviewDecision
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for decision in session.scalars(select(d).where(d.item_key.in_(chunk)).order_by(d.id)):
            found[decision.item_key] = decision  # later ids win
    return found


def state_of(item: ReviewItem, decision: schema.ReviewDecision | None) -> tuple[str, bool]:
    """The item's state and whether the machine value changed since it was decided."""
    if decision is None:
        return "suggested", False
    if decision.machine_value != item.machine:
        return "suggested", True  # a re-run said something else: back in the queue
    return decision.state, False


def decide(
    session: Session,
    items: list[ReviewItem],
    action: str,
    author: str,
    *,
    value: Any = None,
    reason: str | None = None,
) -> DecisionOutcome:
    """Record `action` on every item by `author` (already checked to hold a role)."""
    if action not in ACTIONS:
        raise InvalidDecision(f"the action is one of {', '.join(ACTIONS)}")
    state = ACTIONS[action]
    outcome = DecisionOutcome(action)
    current = current_decisions(session, (i.key for i in items))
    for item in items:
        kept = value if action == "correct" else None
        if action == "correct":
            kept = check_correction(item.kind, value)
        before = current.get(item.key)
        if _same(before, item, state, kept):
            outcome.unchanged += 1
            continue
        _save(session, item, state, kept, author, reason)
        outcome.changed += 1
    session.flush()
    return outcome


def _same(before: schema.ReviewDecision | None, item: ReviewItem, state: str, value: Any) -> bool:
    return (
        before is not None
        and before.machine_value == item.machine
        and before.state == state
        and before.value == value
    )


def _save(
    session: Session, item: ReviewItem, state: str, value: Any, author: str, reason: str | None
) -> None:
    session.add(
        schema.ReviewDecision(
            item_key=item.key,
            document_id=item.document_id,
            state=state,
            machine_value=item.machine,
            value=value,
            reason=reason,
            author=author,
            decided_at=datetime.now(UTC),
        )
    )
    detail = {"kind": item.kind, "machine": item.machine, "value": value}
    record(
        session, author, state, item.key, document_id=item.document_id, reason=reason, detail=detail
    )
