"""Counts of entries that only choose a plan (never decide a result), kept per process.

How many entries hold a word or a label term is counted once and kept until the index has grown
by a tenth: the count is exact when made, and a plan chosen from a slightly old one is the same
plan (whereas.search.fts_filters, whereas.search.plan.IGNORED_SHARE).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.orm import Session

_REFRESH = 1.1  # counted again once the index has grown by a tenth
_counts: dict[tuple[str, str], tuple[int, int]] = {}  # (store, what) -> (stamp, entries)
_lock = threading.Lock()


def cached_count(session: Session, what: str, stamp: int, count: Callable[[], int]) -> int:
    """`count()` for `what` in the session's store, made again when the stamp has grown."""
    key = (session.get_bind().engine.url.render_as_string(), what)
    with _lock:
        cached = _counts.get(key)
    if cached is not None and cached[0] <= stamp <= cached[0] * _REFRESH + 100:
        return cached[1]
    found = count()
    with _lock:
        _counts[key] = (stamp, found)
    return found


def forget() -> None:
    """Drop every kept count (a benchmark times a search as a new process would run it)."""
    with _lock:
        _counts.clear()
