"""Nearest entries on PostgreSQL with pgvector: clause_vectors.embedding (migration 0007)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, cast, literal_column, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.types import UserDefinedType

from whereas.search.backend import Ranked
from whereas.search.tables import search_entries as e
from whereas.search.vectors import Floats
from whereas.store.schema import ClauseVector

_EMBEDDING: ColumnClause[Any] = literal_column("clause_vectors.embedding")
_known: dict[str, bool] = {}


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
    """The `limit` entries whose vectors have the largest inner product with `query`."""
    literal = "[" + ",".join(f"{x:.7g}" for x in query.tolist()) + "]"
    distance = _EMBEDDING.op("<#>")(cast(bindparam("q", literal), PgVector()))  # -inner product
    v = ClauseVector.__table__
    statement = (
        select(e.c.id, distance)
        .select_from(e.join(v, and_(v.c.text_hash == e.c.text_hash, v.c.model == model)))
        .where(v.c.dim == len(query), *where)
        .order_by(distance, e.c.id)
        .limit(limit)
    )
    return [Ranked(int(row[0]), -float(row[1])) for row in session.execute(statement)]
