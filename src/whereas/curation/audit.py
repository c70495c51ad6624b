"""The audit log: every human change, who made it, when and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.store import schema


def record(
    session: Session,
    actor: str,
    action: str,
    target: str,
    *,
    document_id: str | None = None,
    reason: str | None = None,
    detail: dict[str, Any] | None = None,
) -> schema.AuditEntry:
    """Add one entry to the log (in the caller's transaction)."""
    entry = schema.AuditEntry(
        at=datetime.now(UTC),
        actor=actor,
        action=action,
        target=target,
        document_id=document_id,
        reason=reason,
        detail=detail or {},
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditPage:
    """A page of the log, newest first, and how many entries match in all."""

    total: int
    entries: list[dict[str, Any]]


def audit_log(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    document_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> AuditPage:
    """Entries of the log, newest first, optionally of one actor, action or document."""
    a = schema.AuditEntry
    where = [
        c
        for c in (
            a.actor == actor if actor else None,
            a.action == action if action else None,
            a.document_id == document_id if document_id else None,
        )
        if c is not None
    ]
    total = session.scalar(select(func.count()).select_from(a).where(*where)) or 0
    rows = session.scalars(
        select(a).where(*where).order_by(a.id.desc()).limit(limit).offset(offset)
    )
    return AuditPage(total, [entry_json(e) for e in rows])


def entry_json(entry: schema.AuditEntry) -> dict[str, Any]:
    """One entry as JSON."""
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
    return {
        "id": entry.id,
        "at": at.isoformat(timespec="seconds"),
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "document": entry.document_id,
        "reason": entry.reason,
        "detail": entry.detail or {},
    }
