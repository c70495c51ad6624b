"""The one entry point of every writer (CLI, API, pages): check the role, find the items, decide."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from whereas.curation.accounts import require_account
from whereas.curation.decisions import DecisionOutcome, decide
from whereas.curation.queue import QueueFilter, items_by_key, review_queue


def review_items(
    session: Session,
    keys: list[str],
    action: str,
    username: str,
    *,
    value: Any = None,
    reason: str | None = None,
) -> DecisionOutcome:
    """Confirm, reject or correct the items named by `keys` as `username` (a reviewer or admin)."""
    require_account(session, username, "reviewer")
    unique = list(dict.fromkeys(keys))
    found = items_by_key(session, unique)
    items = [found[k] for k in unique if k in found]
    outcome = decide(session, items, action, username, value=value, reason=reason)
    outcome.unknown = [k for k in unique if k not in found]
    return outcome


def review_matching(
    session: Session,
    wanted: QueueFilter,
    action: str,
    username: str,
    *,
    value: Any = None,
    reason: str | None = None,
) -> DecisionOutcome:
    """Decide on every item the filter lists (all of them: there is no cap)."""
    require_account(session, username, "reviewer")
    items = [r.item for r in review_queue(session, wanted)]
    return decide(session, items, action, username, value=value, reason=reason)
