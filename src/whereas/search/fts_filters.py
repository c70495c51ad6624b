"""How SQLite applies filters: selective ones as label terms in the match, the rest checked after.

A label term in an FTS5 match costs about one step per entry that holds it (BM25 visits every
entry of every phrase once per query to weigh it), so a filter that keeps most entries (entry
type, language, a common kind) would cost more than it saves: it is checked instead on the ranked
entries, which are few. How many entries hold a label term is counted once and kept per process
until the index has grown by a tenth (so are the counts of words, whereas.search.fts_rank): it
only chooses the plan, never the results.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal_column, select, table
from sqlalchemy.orm import Session

from whereas.search.counts import cached_count
from whereas.search.filters import Filters
from whereas.search.fts5 import indexed_entries, quote
from whereas.search.label_terms import LabelMatch, label_match
from whereas.search.plan import IGNORED_SHARE
from whereas.search.tables import search_entries as e

MATCH_SHARE = 0.2  # a filter keeping at most this share of the entries goes into the match
# A word is counted no further than this share of the entries: no threshold above it is asked of
# words (plan.IGNORED_SHARE itself, fts_rank.COMMON_SHARE 0.25), and counting "the" to the end
# took 49 ms at a million clauses, the most of a search's first run.
TERM_SHARE_CAP = IGNORED_SHARE
UNKNOWN_SHARE = 0.5  # what a date range without year terms is assumed to keep


@dataclass(frozen=True)
class FilterPlan:
    """The label terms to match, and the share of matches the exact check should keep."""

    matched: LabelMatch
    kept: float


def filter_plan(session: Session, filters: Filters, stamp: int) -> FilterPlan:
    """Which of the filters' label groups go into the match (at most MATCH_SHARE each)."""
    labels = label_match(filters)
    if not labels.groups and labels.exact:
        return FilterPlan(labels, 1.0)
    matched: list[tuple[str, ...]] = []
    kept = 1.0 if labels.exact else UNKNOWN_SHARE
    for group in labels.groups:
        share = min(1.0, sum(entry_share(session, "labels", term, stamp) for term in group))
        if share <= MATCH_SHARE:
            matched.append(group)
        else:
            kept *= share
    return FilterPlan(LabelMatch(tuple(matched), labels.exact), kept)


def first_pool(limit: int, kept: float) -> int:
    """How many entries to rank so that about `limit` pass checks keeping `kept` of them."""
    return limit if kept >= 1 else math.ceil(limit * 1.25 / max(kept, 0.02))


def entry_share(session: Session, column: str, term: str, stamp: int) -> float:
    """The share of the entries that hold `term` in `column` of search_fts, cached; 1.0 for a
    word (column "terms") that more than TERM_SHARE_CAP of them hold."""
    entries = _entries(session)
    if column != "terms":
        return _count(session, column, term, stamp) / max(entries, 1)
    # The stamp is at least the number of entries (it counts every entry ever written), even in
    # a transaction whose writes FTS5 has not recorded yet: the cap is never too low.
    cap = int(max(stamp, entries) * TERM_SHARE_CAP) + 1
    counted = _count(session, column, term, stamp, cap)
    return 1.0 if counted < 0 else counted / max(entries, 1)


def _entries(session: Session) -> int:
    """How many entries the index holds: as FTS5 recorded it at the last commit, or counted
    when it has recorded none yet (a new store's first transaction)."""
    return indexed_entries(session) or int(session.scalar(select(func.count()).select_from(e)) or 0)


def _count(session: Session, column: str, term: str, stamp: int, cap: int | None = None) -> int:
    """How many entries hold `term` in `column`, cached; -1 when `cap` or more do."""
    matched = literal_column("search_fts").op("MATCH")(f"{column} : {quote(term)}")
    fts = table("search_fts")
    holding: Select[tuple[Any]] = select(literal_column("1")).select_from(fts).where(matched)
    if cap is not None:
        holding = holding.limit(cap)
    query = select(func.count()).select_from(holding.subquery())

    def count() -> int:
        found = int(session.scalar(query) or 0)
        return -1 if cap is not None and found >= cap else found

    return cached_count(session, f"{column}:{term}", stamp, count)
