"""Nearest entries on PostgreSQL with pgvector: clause_vectors.embedding (migration 0007),
through an HNSW index (whereas.search.vector_index) when its (model, dimension) has one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.types import UserDefinedType

from whereas.search.backend import Ranked
from whereas.search.tables import search_entries as e
from whereas.search.vector_index import has_vector_index, sql_string
from whereas.search.vectors import Floats
from whereas.store.schema import ClauseVector

_EMBEDDING: ColumnClause[Any] = literal_column("clause_vectors.embedding")
_known: dict[str, bool] = {}
# For the transaction of a search: candidates kept while walking the graph (pgvector's default
# is 40; see docs/search.md for the recall it gives), and a walk that goes on past them while the
# filters reject its rows, in strict order of distance (the ORDER BY ... LIMIT above it relies
# on that order; `relaxed_order` would need the rows sorted again).
EF_SEARCH = 400
_SCAN_SETTINGS = (("hnsw.ef_search", str(EF_SEARCH)), ("hnsw.iterative_scan", "strict_order"))


class PgVector(UserDefinedType[Any]):
    """pgvector's `vector` type, for a query vector bound as its text form."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        """The type's name in SQL."""
        return "vector"


def has_pgvector(session: Session) -> bool:
    """Whether the store has the embedding column (pgvector was available to migration 0007)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    url = bind.engine.url.render_as_string()
    if url not in _known:
        query = text(
            "SELECT 1 FROM information_schema.columns"
            " WHERE table_name = 'clause_vectors' AND column_name = 'embedding'"
        )
        _known[url] = session.execute(query).first() is not None
    return _known[url]


def pg_nearest(
    session: Session, model: str, query: Floats, where: list[ColumnElement[bool]], limit: int
) -> list[Ranked]:
    """The `limit` entries whose vectors have the largest inner product with `query`, ties by
    entry id; through the HNSW index of (model, dimension) when there is one."""
    dim = len(query)
    if has_vector_index(session, model, dim):
        for name, value in _SCAN_SETTINGS:
            session.execute(select(func.set_config(name, value, True)))
        found = session.execute(_nearest(model, query, where, limit, typed=True)).all()
        # The index scan gives up after hnsw.max_scan_tuples rows: a filter that keeps few of
        # the nearest entries may leave the page short, and then only an exact scan is sure.
        if len(found) == limit:
            return [Ranked(int(row[0]), -float(row[1])) for row in found]
    found = session.execute(_nearest(model, query, where, limit, typed=False)).all()
    return [Ranked(int(row[0]), -float(row[1])) for row in found]


def _nearest(
    model: str, query: Floats, where: list[ColumnElement[bool]], limit: int, *, typed: bool
) -> Select[Any]:
    """Entries by inner product: on `embedding::vector(D)`, the expression the HNSW index holds
    (the planner still scans exactly when the filters keep few entries), or on the untyped
    column, which no index holds. Model and dimension are written in the statement so that the
    planner can match the partial index's predicate."""
    dim = len(query)
    literal = "[" + ",".join(f"{x:.7g}" for x in query.tolist()) + "]"
    column = f"clause_vectors.embedding::vector({dim})" if typed else "clause_vectors.embedding"
    distance = literal_column(column).op("<#>")(cast(bindparam("q", literal), PgVector()))
    v = ClauseVector.__table__
    return (
        select(e.c.id, distance)
        .select_from(v.join(e, e.c.text_hash == v.c.text_hash))
        .where(literal_column(f"clause_vectors.model = {sql_string(model)}", Boolean))
        .where(literal_column(f"clause_vectors.dim = {dim}", Boolean), *where)
        .order_by(distance, e.c.id)
        .limit(limit)
    )
