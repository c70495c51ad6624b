"""How SQLite ranks a query: exact BM25 over every match, or over two candidate pools when broad.

FTS5 computes BM25 for every row it ranks (about 1 us a row): a query matching hundreds of
thousands of entries cannot be ranked whole within the time a search has. Beyond
RANK_CANDIDATES matches it is ranked among two pools of RANK_CANDIDATES / 2 entries each: its
shortest matches (rowids are in order of length) and its shortest matches that hold one of the
query's words at least twice. With one occurrence of each word BM25 prefers the shorter entry,
and a second occurrence is what lets a longer entry beat it; on the bench's million clauses the
top 20 so found score as the exact top 20 for most broad queries (docs/search.md). Scores from
the two pools are the same BM25 (the labels column weighs 0), so they merge by score.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from whereas.search.backend import Ranked
from whereas.search.filters import Filters
from whereas.search.fts5 import FTS, fts_match, repeated_match, search_fts
from whereas.search.fts_filters import filter_plan, first_pool
from whereas.search.plan import Match
from whereas.search.tables import search_entries as e

RANK_CANDIDATES = 10_000

Pool = tuple[Select[int], int | None]  # the matching rows, and the rowid they stop before


def rank(session: Session, match: Match, filters: Filters, limit: int, stamp: int) -> list[Ranked]:
    """The best `limit` entries that match and pass `filters`, best first."""
    plan = filter_plan(session, filters, stamp)
    expression = fts_match(match, plan.matched)
    want = first_pool(limit, plan.kept)
    size = max(RANK_CANDIDATES, want)
    pools: list[Pool] = [(_matching(expression), None)]
    if _rowid_after(session, expression, size) is not None:  # broad: two bounded pools
        repeated = f"{expression} AND {repeated_match(match)}"
        pools = [
            (_matching(expression), _rowid_after(session, expression, size // 2)),
            (_matching(repeated), _rowid_after(session, repeated, size // 2)),
        ]
    where = filters.where()
    while True:  # a filter left out of the match is checked here, on the ranked entries
        ranked, exhausted = _ranked(session, pools, want)
        kept = _satisfying(session, ranked, where) if where else ranked
        if len(kept) >= limit or exhausted:
            return kept[:limit]
        want *= 4


def _matching(expression: str) -> Select[int]:
    return select(search_fts.c.rowid).where(FTS.op("MATCH")(expression))


def _rowid_after(session: Session, expression: str, count: int) -> int | None:
    """The rowid of the match after the first `count` (None when there are no more)."""
    probe = _matching(expression).order_by(search_fts.c.rowid).limit(1).offset(count)
    found = session.execute(probe).first()
    return int(found[0]) if found is not None else None


def _ranked(session: Session, pools: list[Pool], limit: int) -> tuple[list[Ranked], bool]:
    """The best `limit` of the pools by BM25, and whether the pools hold no more."""
    # Labelled, so that ORDER BY reuses the column: with its own bound weights the ORDER BY
    # expression differs from the selected one and SQLite computed BM25 twice a row.
    score = func.bm25(FTS, 1.0, 0.0).label("score")  # the labels column weighs nothing
    best: dict[int, float] = {}
    exhausted = True
    for matching, cut in pools:
        query = matching.add_columns(score)
        if cut is not None:
            query = query.where(search_fts.c.rowid < cut)
        rows = session.execute(query.order_by(score, search_fts.c.rowid).limit(limit)).all()
        exhausted = exhausted and len(rows) < limit
        best.update((int(row[0]), -float(row[1])) for row in rows)
    ordered = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [Ranked(entry, score) for entry, score in ordered], exhausted


def _satisfying(
    session: Session, ranked: list[Ranked], where: list[ColumnElement[bool]]
) -> list[Ranked]:
    ids = [r.entry_id for r in ranked]
    kept: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        kept.update(session.scalars(select(e.c.id).where(e.c.id.in_(chunk), *where)))
    return [r for r in ranked if r.entry_id in kept]
