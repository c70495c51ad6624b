"""Stored vectors of indexed entries, loaded once per process into a VectorMatrix and kept fresh."""

from __future__ import annotations

import threading

from sqlalchemy import and_, func, literal_column, select
from sqlalchemy.orm import Session

from whereas.search.backend import lexical_index
from whereas.search.tables import search_entries as e
from whereas.search.vectors import MatrixBuilder, VectorMatrix
from whereas.store.schema import ClauseVector

Stamp = tuple[int, int, int]
_cache: dict[tuple[str, str], tuple[Stamp, VectorMatrix]] = {}
_lock = threading.Lock()
_generation = [0]
LOAD_ROWS = 10_000  # vectors read at a time


def index_changed() -> None:
    """Called when this process writes the index: cached matrices are rebuilt on next use."""
    _generation[0] += 1


def index_generation() -> int:
    """How many times this process has written the index (a part of every cache's stamp)."""
    return _generation[0]


def entry_matrix(session: Session, model: str) -> VectorMatrix:
    """The vectors of every indexed entry under `model` (cached until the store changes)."""
    key = (session.get_bind().engine.url.render_as_string(), model)
    stamp = _stamp(session, model)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    matrix = load_matrix(session, model)
    with _lock:
        _cache[key] = (stamp, matrix)
    return matrix


def load_matrix(session: Session, model: str) -> VectorMatrix:
    """Read the entries' vectors from clause_vectors (joined on the text hash), in chunks."""
    v = ClauseVector.__table__
    query = (
        select(e.c.id, v.c.vector)
        .select_from(e.join(v, and_(v.c.text_hash == e.c.text_hash, v.c.model == model)))
        .order_by(e.c.id)
        .execution_options(yield_per=LOAD_ROWS)
    )
    # At most one vector per entry: the entry count bounds the rows (no second pass to count).
    builder = MatrixBuilder(session.scalar(select(func.count()).select_from(e)) or 0)
    for rows in session.execute(query).partitions():
        builder.add([int(row[0]) for row in rows], [bytes(row[1]) for row in rows])
    return builder.finish()


def _stamp(session: Session, model: str) -> Stamp:
    last_entry = lexical_index(session).stamp(session)
    v = ClauseVector.__table__
    if session.get_bind().dialect.name == "sqlite":  # the rowid grows with every stored vector
        vectors = session.scalar(select(func.max(literal_column("rowid"))).select_from(v))
    else:
        vectors = session.scalar(select(func.count()).select_from(v).where(v.c.model == model))
    return (int(last_entry), int(vectors or 0), _generation[0])
