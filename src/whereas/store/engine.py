"""Engines for the store: SQLite (embedded, WAL) by default, PostgreSQL for shared deployments.

Dialect-specific set-up lives here and in store/dialect.py, nowhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from whereas.errors import StoreError
from whereas.store import native


def normalise_url(url: str) -> str:
    """Accept the usual spellings of a database URL; PostgreSQL goes through psycopg 3."""
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling does not cover DDL: a migration that fails half-way
    # would leave tables behind. Let SQLAlchemy emit BEGIN itself (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for `url` (sqlite:///path or postgresql://...), made on demand, never at import."""
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except Exception as exc:  # SQLAlchemy raises ArgumentError and others on bad URLs
        raise StoreError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"folder of the SQLite store does not exist: {parent}")
        native.register()  # before the engine's first connection: SQLite runs it on each
        engine = create_engine(full)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(full, pool_pre_ping=True)
    backend = parsed.get_backend_name()
    raise StoreError(f"unsupported database: {backend} (use sqlite or postgresql)")
