"""The row counts' pending deltas (PostgreSQL, migration 0012), folded into row_counts.

PostgreSQL's triggers append what each statement changed to row_count_deltas; readers add them
to row_counts (whereas.store.stats), and a fold moves them there in a short transaction of its
own, at the end of an ingest run and of link_store, or when many have piled up. SQLite's
triggers update row_counts directly: nothing to fold.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from whereas.store import schema

# Deltas past which a writer folds them once its own transaction has committed: readers sum
# them on every count they read.
MANY_DELTAS = 10_000
# pg_advisory_xact_lock's key: one fold at a time (each deletes and applies what it saw).
_FOLD_LOCK = 0x0012_C0DE

_FOLD = text(
    "WITH folded AS (DELETE FROM row_count_deltas RETURNING counted, value, n), "
    "applied AS (INSERT INTO row_counts (counted, value, n) "
    "SELECT counted, value, sum(n) FROM folded GROUP BY counted, value ORDER BY counted, value "
    "ON CONFLICT (counted, value) DO UPDATE SET n = row_counts.n + EXCLUDED.n) "
    "SELECT count(*) FROM folded"
)


def fold_deltas(session: Session) -> int:
    """Move the committed deltas into row_counts (the caller commits); how many were folded.

    Run it in a session of its own: the counter rows it updates stay locked until it commits.
    """
    if session.get_bind().dialect.name != "postgresql":
        return 0
    session.execute(select(func.pg_advisory_xact_lock(_FOLD_LOCK)))
    # One statement: the deltas it deletes are the ones it adds, and a delta another fold
    # deleted first is skipped, not added twice.
    return int(session.scalar(_FOLD) or 0)


def pending_deltas(session: Session, at_most: int | None = None) -> int:
    """How many deltas wait to be folded, counted up to `at_most` (all when None)."""
    some = select(schema.RowCountDelta.id).limit(at_most).subquery()
    return int(session.scalar(select(func.count()).select_from(some)) or 0)


def fold_when_many(session: Session) -> int:
    """Fold the deltas if more than MANY_DELTAS wait; how many were folded."""
    if session.get_bind().dialect.name != "postgresql":
        return 0
    if pending_deltas(session, at_most=MANY_DELTAS + 1) <= MANY_DELTAS:
        return 0
    return fold_deltas(session)
