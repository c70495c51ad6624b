"""Many rows into one table in one executemany of the driver, with SQLAlchemy's own conversions.

A Core INSERT costs SQLAlchemy's compiling and parameter building for every row (issue 10: a
third of the storing process's time on a resolution went there, not to the database). Here the
statement is written once per table and column set, and each value goes through the same bind
processor the Core INSERT would apply (JSON, dates, the SHA type), so the stored rows are the
same; the statement still runs through the session's connection (its transaction, its error
types).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Table, insert
from sqlalchemy.orm import Session

Row = dict[str, Any]
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Statement:
    """An INSERT of some columns of a table in the driver's own SQL, and each column's converter."""

    sql: str
    keys: tuple[str, ...]
    processors: tuple[Processor, ...]

    def parameters(self, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
        """Each row's values in column order, converted as SQLAlchemy would bind them."""
        keys = self.keys
        converted = [(i, p) for i, p in enumerate(self.processors) if p is not None]
        if not converted:
            return [tuple([r[k] for k in keys]) for r in rows]
        made = []
        for row in rows:
            values = [row[k] for k in keys]
            for i, process in converted:
                values[i] = process(values[i])
            made.append(tuple(values))
        return made


_statements: dict[tuple[str, str, tuple[str, ...]], _Statement | None] = {}


def insert_rows(session: Session, table: Table, rows: Sequence[Row]) -> None:
    """One executemany INSERT of `rows` (dicts of column keys, all with the same keys) into `table`.

    A table with a Python-side default for a column the rows leave out goes through a Core
    INSERT, which applies it.
    """
    if not rows:
        return
    connection = session.connection()
    statement = _statement(connection.dialect, table, tuple(rows[0]))
    if statement is None:
        session.execute(insert(table), list(rows))
        return
    connection.exec_driver_sql(statement.sql, statement.parameters(rows))


def _statement(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Statement | None:
    """The statement for these columns, made once per dialect, table and column set."""
    cache_key = (dialect.name, table.name, keys)
    if cache_key not in _statements:
        _statements[cache_key] = _make_statement(dialect, table, keys)
    return _statements[cache_key]


def _make_statement(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Statement | None:
    columns = [table.c[k] for k in keys]
    if any(c.default is not None for c in table.c if c.key not in keys):
        return None
    quote = dialect.identifier_preparer
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(quote.format_column(c) for c in columns)
    markers = ", ".join([marker] * len(columns))
    sql = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({markers})"
    processors = tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns)
    return _Statement(sql, keys, processors)
