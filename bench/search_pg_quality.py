"""How far PostgreSQL's fast paths are from exact, on the bench store (bench/search.py --postgres):
the bounded ts_rank ranking of broad queries, and the HNSW nearest vectors."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from whereas.search import fts_rank
from whereas.search.encoder import QueryEncoder
from whereas.search.filters import Filters
from whereas.search.pgvector import _nearest, pg_nearest
from whereas.search.plan import Match
from whereas.search.postgres import PostgresIndex


def pg_exact_overlap(
    session: Session, queries: list[str], counts: dict[str, int], match: Callable[[str], Match]
) -> list[str]:
    """For queries over RANK_CANDIDATES matches: how many of whereas's top 20 score at least the
    20th best ts_rank over every match (ties count: many entries share a score)."""
    index, lines = PostgresIndex(), []
    for query in [q for q in queries if counts[q] > fts_rank.RANK_CANDIDATES]:
        exact = index.rank_exactly(session, match(query), Filters(), 20)
        floor = exact[-1].score - 1e-9
        ranked = index.rank(session, match(query), Filters(), 20)
        good = sum(1 for r in ranked if r.score >= floor)
        lines.append(f"{query!r} {good}/20")
    return lines


def hnsw_recall(session: Session, queries: list[str], encoder: QueryEncoder) -> str:
    """The share of the exact nearest 20 and 300 entries (300: what a hybrid search asks for)
    the HNSW index finds, mean and worst over the queries."""
    shares: dict[int, list[float]] = {20: [], 300: []}
    for query in queries:
        vector = encoder.queries([query])[0]
        for k, found in shares.items():
            approximate = {r.entry_id for r in pg_nearest(session, encoder.model, vector, [], k)}
            statement = _nearest(encoder.model, vector, [], k, typed=False)
            exact = {int(row[0]) for row in session.execute(statement)}
            found.append(len(approximate & exact) / max(len(exact), 1))
    return "; ".join(
        f"top {k}: mean {sum(v) / len(v):.3f}, worst {min(v):.3f}" for k, v in shares.items()
    )
