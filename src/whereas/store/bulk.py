"""Many rows into one table in one executemany of the driver, with SQLAlchemy's own conversions.

A Core INSERT costs SQLAlchemy's compiling and parameter building for every row (issue 10: a
third of the storing process's time on a resolution went there, not to the database). Here the
statement is written once per table and column set, and each value goes through the same bind
processor the Core INSERT would apply (JSON, dates, the SHA type), so the stored rows are the
same; the statement still runs through the session's connection (its transaction, its error
types).

On PostgreSQL (psycopg 3) two rows or more go in one COPY instead: psycopg runs an executemany
as one statement a row, and each statement fires the row count triggers (migrations 0011,
0012), which appended a row_count_deltas row per row inserted (two for a member vote). COPY is
one statement: its statement triggers fire once, with every row in their transition table. Its
text format receives the same converted values an INSERT would bind (psycopg's own dumpers:
NULL, dates, timestamps with their offset, bytea, JSON), and the server parses them as it would
a literal of the column's type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert
from sqlalchemy.orm import Session

Row = dict[str, Any]
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Statement:
    """An INSERT of some columns of a table in the driver's own SQL, and each column's converter."""

    insert: str
    keys: tuple[str, ...]
    processors: tuple[Processor, ...]
    copy: str | None = None  # COPY ... FROM STDIN, for many rows (PostgreSQL with psycopg 3)

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


# By table object, not name: two Table objects may name one table with other columns
# (whereas.search.postgres's search_entries with its tsvector).
_statements: dict[tuple[str, str, Table, tuple[str, ...]], _Statement | None] = {}


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
    if statement.copy is not None and len(rows) > 1:
        _copy(connection, statement.copy, statement.parameters(rows))
    else:  # one row: an INSERT is one statement too, and one round trip less than a COPY
        connection.exec_driver_sql(statement.insert, statement.parameters(rows))


def _copy(connection: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """The rows in one COPY on the session's connection (its transaction). Errors go through
    SQLAlchemy's own handling, as exec_driver_sql's do: raised as its exceptions (an
    IntegrityError stays one, a Python error is a StatementError), a lost connection
    invalidated, `handle_error` listeners called. The engine's cursor listeners see it as the
    executemany it replaces (statement counts).

    Unlike an INSERT, COPY parses text and casts nothing: values must already be of their
    column's Python type (3.0 for an integer column is an error, not 3), and an error raised
    while rows are written (a value the driver cannot adapt) aborts the transaction, where an
    INSERT had sent nothing: roll back, or write under a savepoint.
    """
    driver: Any = connection.connection.driver_connection
    dispatch = connection.dispatch
    cursor = None
    try:
        with driver.cursor() as cursor:
            dispatch.before_cursor_execute(connection, cursor, sql, rows, None, True)
            with cursor.copy(sql) as copy:
                for values in rows:
                    copy.write_row(values)
            dispatch.after_cursor_execute(connection, cursor, sql, rows, None, True)
    except Exception as exc:
        connection._handle_dbapi_exception(exc, sql, rows, cursor, None)


def _statement(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Statement | None:
    """The statement for these columns, made once per dialect, table and column set."""
    cache_key = (dialect.name, dialect.driver, table, keys)
    if cache_key not in _statements:
        _statements[cache_key] = _make_statement(dialect, table, keys)
    return _statements[cache_key]


def _make_statement(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Statement | None:
    columns = [table.c[k] for k in keys]
    if any(c.default is not None for c in table.c if c.key not in keys):
        return None
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(c) for c in columns)
    processors = tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns)
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    markers = ", ".join([marker] * len(columns))
    sql = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({markers})"
    copy = None
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        copy = f"COPY {quote.format_table(table)} ({names}) FROM STDIN"
    return _Statement(sql, keys, processors, copy)
