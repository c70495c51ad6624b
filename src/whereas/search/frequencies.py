"""How many entries hold each phrase of a query: BM25's document frequencies, kept per version.

FTS5's bm25() counts them once per statement, walking each phrase's entries (8 ms for a word a
fifth of a million entries hold), and a broad query runs two or three ranking statements. The
counts are made here once per version of the index instead and given to whereas_bm25
(whereas.store.native), which scores exactly as bm25() does. The version changes whenever an
entry is written or removed, so the counts are always those of the index searched: the next
entry id (it grows on every write) and FTS5's averages record (row count and total length,
which a removal changes once its transaction commits), read in the search's own transaction.
"""

from __future__ import annotations

import re
import struct
import threading

from sqlalchemy import event, text
from sqlalchemy.orm import Session

_PHRASE = re.compile(r'"(?:[^"]|"")*"\*?')  # a quoted phrase of compile_match, with its prefix star
_VERSION = text(
    "SELECT (SELECT value FROM search_state WHERE name = 'next_entry'),"
    " (SELECT block FROM search_fts_data WHERE id = 1)"
)
_COUNT = text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :expression")
MAX_KEPT = 50_000  # phrases kept per store; beyond, they are counted afresh
MAX_STORES = 16  # stores whose counts are kept; beyond, all are counted afresh
_WRITTEN = "whereas.search.written"  # session.info: the transaction wrote to the index

_kept: dict[str, tuple[tuple[object, ...], dict[str, int]]] = {}  # store -> (version, counts)
_lock = threading.Lock()


def phrase_frequencies(session: Session, terms: str) -> bytes:
    """For each phrase of `terms` (a compile_match expression), in order, how many entries hold
    it in their words: doubles, as whereas_bm25 takes them. In a transaction that has written to
    the index they are counted and not kept: FTS5 records its averages at commit, and a
    rolled-back transaction's version could come again."""
    if session.info.get(_WRITTEN):
        return _packed([_counted(session, phrase) for phrase in phrases(terms)])
    store = session.get_bind().engine.url.render_as_string()
    version = tuple(session.execute(_VERSION).one())
    with _lock:
        kept = _kept.get(store)
        if kept is None or kept[0] != version:
            if len(_kept) >= MAX_STORES:
                _kept.clear()
            kept = (version, {})
            _kept[store] = kept
    counts = kept[1]
    found: list[int] = []
    for phrase in phrases(terms):
        count = counts.get(phrase)
        if count is None:
            count = _counted(session, phrase)
            with _lock:
                if len(counts) >= MAX_KEPT:
                    counts.clear()
                counts[phrase] = count
        found.append(count)
    return _packed(found)


def written(session: Session) -> None:
    """Note that the session's transaction wrote to the index (whereas.search.sqlite)."""
    session.info[_WRITTEN] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _transaction_ended(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


def _counted(session: Session, phrase: str) -> int:
    return int(session.scalar(_COUNT, {"expression": f"terms : {phrase}"}) or 0)


def _packed(counts: list[int]) -> bytes:
    return struct.pack(f"{len(counts)}d", *counts)


def phrases(terms: str) -> list[str]:
    """The phrases of a compile_match expression in the order FTS5 numbers them (as written:
    compile_match quotes every phrase and nothing else)."""
    return _PHRASE.findall(terms)


def forget() -> None:
    """Drop every kept count (a benchmark times a search as a new process would run it)."""
    with _lock:
        _kept.clear()
