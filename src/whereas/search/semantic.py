"""Semantic ranking: entries by the inner product of their stored vectors with a query vector."""

from __future__ import annotations

import numpy as np
from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from whereas.search.backend import Ranked
from whereas.search.matrix_cache import entry_matrix
from whereas.search.pgvector import has_pgvector, pg_nearest
from whereas.search.tables import search_entries as e
from whereas.search.vectors import Floats
from whereas.store.schema import ClauseVector

FILTER_POOL = 5000  # filtered searches first look among this many nearest entries


def nearest(
    session: Session, model: str, query: Floats, where: list[ColumnElement[bool]], limit: int
) -> list[Ranked]:
    """The `limit` entries nearest to `query` that satisfy `where`, best first."""
    if limit <= 0:
        return []
    if has_pgvector(session):
        return pg_nearest(session, model, query, where, limit)
    matrix = entry_matrix(session, model)
    if not where:
        return [Ranked(i, s) for i, s in matrix.nearest(query, limit)]
    # Most filters keep enough of the nearest entries; a narrow one is applied to every row.
    pool = matrix.nearest(query, max(limit, FILTER_POOL))
    kept = _satisfying(session, [i for i, _ in pool], where)
    found = [Ranked(i, s) for i, s in pool if i in kept]
    if len(found) >= limit or len(pool) < FILTER_POOL:
        return found[:limit]
    allowed = np.fromiter(session.scalars(select(e.c.id).where(*where)), dtype=np.int64)
    return [Ranked(i, s) for i, s in matrix.nearest(query, limit, matrix.mask(allowed))]


def entry_vector(session: Session, model: str, entry_id: int) -> Floats | None:
    """The stored vector of one entry under `model`, if it has one."""
    v = ClauseVector.__table__
    blob = session.scalar(
        select(v.c.vector)
        .select_from(e.join(v, and_(v.c.text_hash == e.c.text_hash, v.c.model == model)))
        .where(e.c.id == entry_id)
    )
    return np.frombuffer(bytes(blob), dtype=np.float32).copy() if blob is not None else None


def _satisfying(session: Session, ids: list[int], where: list[ColumnElement[bool]]) -> set[int]:
    kept: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        kept.update(session.scalars(select(e.c.id).where(e.c.id.in_(chunk), *where)))
    return kept
