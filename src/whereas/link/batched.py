"""Rows written in bounded batches: linking the whole store never holds all it writes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Row, Select, delete, insert, select
from sqlalchemy.orm import Session

INSERT_BATCH = 5000
# Rows removed by one DELETE. A table with a DELETE trigger (the row counts) is not deleted from
# in one pass: SQLite first collects the id of every row the statement removes, about 30 bytes
# each held to its end (11.4 MB for the 285,551 partial repeats of 10,000 scale documents).
DELETE_BATCH = 5000


class BatchedInsert:
    """Inserts rows (dicts of one table's columns) `batch` at a time; `close` writes the rest."""

    def __init__(self, session: Session, table: Any, batch: int | None = None) -> None:
        self._session = session
        self._table = table
        self._batch = batch or INSERT_BATCH
        self._rows: list[dict[str, Any]] = []
        self.written = 0

    def add(self, row: dict[str, Any]) -> None:
        """Queue one row; a full batch is written."""
        self._rows.append(row)
        if len(self._rows) >= self._batch:
            self._write()

    def close(self) -> int:
        """Write what is queued; the number of rows written in all."""
        self._write()
        return self.written

    def _write(self) -> None:
        if self._rows:
            self._session.execute(insert(self._table), self._rows)
            self.written += len(self._rows)
            self._rows = []


def delete_batched(
    session: Session, entity: Any, *where: ColumnElement[bool], batch: int | None = None
) -> int:
    """Delete the rows of `entity` (a mapped class with an `id` key) matching `where`, at most
    `batch` (DELETE_BATCH) a statement, so that what the database holds for one is bounded;
    how many were deleted. The session is not synchronized: linking holds no such objects."""
    size = batch or DELETE_BATCH
    deleted = 0
    while True:
        chosen = select(entity.id).where(*where).limit(size)
        result: Any = session.execute(
            delete(entity).where(entity.id.in_(chosen)).execution_options(synchronize_session=False)
        )
        count = int(result.rowcount or 0)
        deleted += count
        if count < size:
            return deleted


ROW_PAGE = 5000
Ts = TypeVarTuple("Ts")


def row_pages(
    session: Session, query: Select[*Ts], key: Any, size: int | None = None
) -> Iterator[Sequence[Row[*Ts]]]:
    """The rows of `query` a page at a time, by keyset on `key`, its first column (unique).

    Each page is fetched whole and the next one asked for after it is used: the rows can be
    updated in between, and no driver holds the whole result (psycopg would, for one query).
    """
    last: Any = None
    while True:
        page_query = query.order_by(key).limit(size or ROW_PAGE)
        if last is not None:
            page_query = page_query.where(key > last)
        rows = session.execute(page_query).all()
        if not rows:
            return
        yield rows
        newest: Any = rows[-1]
        last = newest[0]  # the key is the first column
