"""How SQLite ranks a query: exact BM25 over every match, or over two candidate pools when broad.

FTS5 computes BM25 for every row it ranks (1-2 us a row) after counting, once per statement,
the entries of every phrase of the query (30-40 ns an entry): a query matching hundreds of
thousands of entries cannot be ranked whole in the time a search has. Beyond RANK_CANDIDATES
matches it is ranked among its RANK_CANDIDATES shortest matches (rowids are in order of length),
its REPEATED_CANDIDATES shortest matches that hold one of the query's words at least twice, and
its ALL_REPEATED_CANDIDATES shortest that hold each of them twice: with one occurrence of each
word BM25 prefers the shorter entry, and more occurrences are what let a longer entry beat it.
Scores from the pools are the same BM25 (the labels column, where the repeated words are, weighs
0), so they merge by score. On the bench's million clauses the
top 20 so found score as the exact top 20 for most broad queries (docs/search.md).

The score is whereas_bm25 (whereas.store.native) when it is built: the same BM25 as FTS5's
bm25(search_fts, 1.0, 0.0), fed with the phrases' counts kept per version of the index
(whereas.search.frequencies) and with each entry's length from its rowid, instead of counting
every phrase's entries again in each statement and reading each entry's length from a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Function, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from whereas.config import native_rank
from whereas.search.backend import Ranked
from whereas.search.filters import Filters
from whereas.search.frequencies import phrase_frequencies
from whereas.search.fts5 import (
    BAND_SHIFT,
    FTS,
    MAX_BAND,
    compile_match,
    fts_match,
    repeated_match,
    search_fts,
)
from whereas.search.fts_filters import entry_share, filter_plan, first_pool
from whereas.search.plan import Match, PhraseTerms, Terms, leaves
from whereas.search.tables import search_entries as e
from whereas.store import native

RANK_CANDIDATES = 5_000  # exact BM25 up to this many matches; beyond, the shortest this many
REPEATED_CANDIDATES = 2_000  # and the shortest this many that repeat a word of the query
ALL_REPEATED_CANDIDATES = 1_000  # and this many that repeat each (or more of the one above)
COMMON_SHARE = 0.25  # a word more entries hold ("the", "of") tells nothing by repeating

_every = search_fts.alias("every")
_EVERY_FTS: ColumnClause[Any] = literal_column("every.search_fts")


@dataclass(frozen=True)
class Ranking:
    """The ranked entries, and how many entries the match holds when all were ranked (None
    when it holds more than the candidates): a search's total can reuse it."""

    ranked: list[Ranked]
    expression: str
    matches: int | None


def rank(session: Session, match: Match, filters: Filters, limit: int, stamp: int) -> Ranking:
    """The best `limit` entries that match and pass `filters`, best first."""
    plan = filter_plan(session, filters, stamp)
    expression = fts_match(match, plan.matched)
    score = _score(session, match)
    want = first_pool(limit, plan.kept)
    where = filters.where()
    while True:  # a filter left out of the match is checked here, on the ranked entries
        size = max(RANK_CANDIDATES, want)
        ranked, seen = _shortest(session, expression, score, size + 1, want)
        matches: int | None = seen
        if seen > size:  # broad: add the shortest that repeat words of the query
            matches = None
            repeating = _repeating(session, expression, score, match, want, stamp)
            ranked = _merged(ranked, repeating, want)
        kept = _satisfying(session, ranked, where) if where else ranked
        if len(kept) >= limit or len(ranked) < want:
            return Ranking(kept[:limit], expression, matches)
        want *= 4


def _score(session: Session, match: Match) -> Function[Any]:
    """BM25 of search_fts's rows, the labels column weighing nothing: whereas_bm25 given the
    counts of the query's phrases (its words come first in every MATCH ranked; the phrases
    after them, labels, weigh nothing), or FTS5's bm25()."""
    if not (native_rank() and native.available()):
        return func.bm25(FTS, 1.0, 0.0)
    counts = phrase_frequencies(session, compile_match(match))
    return func.whereas_bm25(FTS, counts, BAND_SHIFT, MAX_BAND)


def _shortest(
    session: Session, expression: str, score: Function[Any], candidates: int, limit: int
) -> tuple[list[Ranked], int]:
    """The best `limit` by BM25 of the first `candidates` matches in rowid order (the shortest
    entries), and how many candidates there were: one statement."""
    first = (
        select(search_fts.c.rowid, score.label("score"))
        .where(FTS.op("MATCH")(expression))
        .order_by(search_fts.c.rowid)
        .limit(candidates)
        .subquery()
    )
    counted = func.count().over().label("candidates")
    query = select(first.c.rowid, first.c.score, counted).order_by(first.c.score, first.c.rowid)
    rows = session.execute(query.limit(limit)).all()
    return [Ranked(int(row[0]), -float(row[1])) for row in rows], int(rows[0][2]) if rows else 0


def _repeating(
    session: Session, expression: str, score: Function[Any], match: Match, want: int, stamp: int
) -> list[Ranked]:
    """The best `want` of the shortest matches that repeat a word of the query, and of the
    shortest that repeat each of its words, ranked in one statement."""
    common = _common_words(session, match, stamp)
    some = repeated_match(match, common=common)
    if some is None:  # only words nearly every entry has: the shortest matches alone
        return []
    some = f"{expression} AND {some}"
    each = repeated_match(match, every=True, common=common)
    if each is None:  # one word or phrase: its repeats have both pools' room
        pool = REPEATED_CANDIDATES + ALL_REPEATED_CANDIDATES
        return _shortest(session, some, score, pool, want)[0]
    cut = _rowid_after(session, some, REPEATED_CANDIDATES)
    if cut is None:  # few enough to rank them all
        return _shortest(session, some, score, REPEATED_CANDIDATES, want)[0]
    every = (
        select(_every.c.rowid)
        .where(_EVERY_FTS.op("MATCH")(f"{expression} AND {each}"))
        .order_by(_every.c.rowid)
        .limit(ALL_REPEATED_CANDIDATES)
        .scalar_subquery()
    )
    scored = score.label("score")
    query = (
        select(search_fts.c.rowid, scored)
        .where(FTS.op("MATCH")(some), or_(search_fts.c.rowid < cut, search_fts.c.rowid.in_(every)))
        .order_by(scored, search_fts.c.rowid)
        .limit(want)
    )
    return [Ranked(int(row[0]), -float(row[1])) for row in session.execute(query)]


def _common_words(session: Session, match: Match, stamp: int) -> frozenset[str]:
    """The query's words more than COMMON_SHARE of the entries hold (counted once, cached)."""
    words = {v for leaf in leaves(match) if isinstance(leaf, Terms) and not leaf.prefix
             for v in leaf.variants}  # fmt: skip
    words |= {w for leaf in leaves(match) if isinstance(leaf, PhraseTerms)
              for variant in leaf.variants for w in variant}  # fmt: skip
    return frozenset(w for w in words if entry_share(session, "terms", w, stamp) > COMMON_SHARE)


def _rowid_after(session: Session, expression: str, count: int) -> int | None:
    """The rowid of the match after the first `count` (None when there are no more)."""
    probe = (
        select(search_fts.c.rowid)
        .where(FTS.op("MATCH")(expression))
        .order_by(search_fts.c.rowid)
        .limit(1)
        .offset(count)
    )
    found = session.execute(probe).first()
    return int(found[0]) if found is not None else None


def _merged(first: list[Ranked], second: list[Ranked], limit: int) -> list[Ranked]:
    """Two rankings by the same BM25 (the labels column weighs 0) as one, best first."""
    best = {r.entry_id: r.score for r in [*first, *second]}
    ordered = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [Ranked(entry, score) for entry, score in ordered]


def _satisfying(
    session: Session, ranked: list[Ranked], where: list[ColumnElement[bool]]
) -> list[Ranked]:
    ids = [r.entry_id for r in ranked]
    kept: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        kept.update(session.scalars(select(e.c.id).where(e.c.id.in_(chunk), *where)))
    return [r for r in ranked if r.entry_id in kept]
