"""SQLite's query plans of the statements a piece of code makes (tests that read by index)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from whereas.store import Store


def query_plan(connection: Connection, statement: str, parameters: Sequence[Any]) -> str:
    """The plan of one statement, its lines joined ("SEARCH votes USING INDEX ...")."""
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", tuple(parameters))
    return " ".join(str(row[-1]) for row in rows)


def plans_of(store: Store, run: Callable[[Session], Any], reading: str) -> list[str]:
    """The plans of the statements that `run` makes whose SQL, its whitespace made single,
    holds `reading` ("FROM documents"), with their own parameters; what `run` returns is
    dropped."""
    statements: list[tuple[str, Any]] = []

    def seen(_c: Any, _cu: Any, statement: str, parameters: Any, *_: Any) -> None:
        if reading in " ".join(statement.split()):
            statements.append((statement, parameters))

    with store.session() as session:
        event.listen(store.engine, "before_cursor_execute", seen)
        try:
            run(session)
        finally:
            event.remove(store.engine, "before_cursor_execute", seen)
        connection = session.connection()
        return [query_plan(connection, s, p) for s, p in statements]
