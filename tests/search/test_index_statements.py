"""Storing a document writes its search rows in one statement a table: on SQLite in the
driver's own SQL (no Core statement is built for them, whose per-row parameter building was
most of the time of writing a document's entries), on PostgreSQL in one COPY (psycopg ran an
executemany one statement a row) (issue 10)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text

from whereas.store import Store
from whereas.store.writer import save_document

from .conftest import INVENTED_CLAUSES, invented_resolution

_SEARCH_TABLES = ("search_entries", "search_fts", "search_state")


@contextmanager
def _statements(store: Store) -> Iterator[list[tuple[str, bool, int]]]:
    """Each statement run (its SQL, whether SQLAlchemy compiled it, its parameter sets)."""
    seen: list[tuple[str, bool, int]] = []

    def before(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        compiled = context is not None and context.compiled is not None
        seen.append((sql, compiled, len(params) if many else 1))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def _target(sql: str) -> str | None:
    words = sql.split()
    for keyword in ("INTO", "UPDATE"):
        if keyword in words:
            name = words[words.index(keyword) + 1].strip('"')
            return name if name in _SEARCH_TABLES else None
    return None


_STATEMENTS_ON_ENTRIES = [
    "CREATE TABLE statements_seen (n integer)",
    "CREATE FUNCTION statement_seen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO statements_seen SELECT count(*) FROM added; RETURN NULL; END $$",
    "CREATE TRIGGER statement_seen AFTER INSERT ON search_entries REFERENCING NEW TABLE AS "
    "added FOR EACH STATEMENT EXECUTE FUNCTION statement_seen()",
]


def test_search_rows_one_statement_a_table(database_url: str) -> None:
    store = Store.open(database_url)
    sqlite = store.dialect == "sqlite"
    if not sqlite:  # each INSERT statement on search_entries, with its rows
        with store.session() as session:
            for statement in _STATEMENTS_ON_ENTRIES:
                session.execute(text(statement))
    entries = len(INVENTED_CLAUSES) + 1  # each clause and the document
    with _statements(store) as seen, store.session() as session:
        save_document(session, invented_resolution())
    written = [(_target(sql), compiled, n) for sql, compiled, n in seen if _target(sql)]
    with store.session() as session:
        ids = list(session.scalars(text("SELECT id FROM search_entries ORDER BY id")))
        if sqlite:
            fts = list(session.scalars(text("SELECT rowid FROM search_fts ORDER BY rowid")))
        else:
            inserts = list(session.scalars(text("SELECT n FROM statements_seen")))
    store.close()
    assert len(ids) == entries
    if sqlite:
        assert fts == ids
        # search_state: the entries' ids taken (and on a new store its first row made)
        state = [w for w in written if w[0] == "search_state"]
        assert sorted(w for w in written if w not in state) == [
            ("search_entries", False, entries),
            ("search_fts", False, entries),
        ]
        assert state and not any(compiled for _, compiled, _ in state)
    else:
        assert inserts == [entries]
