"""Backup and restore of a whole store, portable between SQLite and PostgreSQL.

A backup is gzipped JSON lines: a header with the schema revision, then every row of every table
(raw bytes and per-MEP positions included) in foreign-key order. The search index is not in it:
restore rebuilds it. A backup made at an older revision is restored at that revision and then
upgraded, so old backups stay usable.
"""

from __future__ import annotations

import base64
import gzip
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, Table, insert, select, text
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

from whereas.errors import StoreError
from whereas.store.counts import fold_deltas
from whereas.store.engine import make_engine
from whereas.store.migrate import current_revision, upgrade

FORMAT = "whereas.backup/1"
_BATCH = 1000
# The search index (search_* tables, FTS5 shadow tables included) is rebuilt, not copied; the
# row counts are kept by triggers as the rows go in (migrations 0011, 0012).
_LEFT_OUT = ("alembic_version", "search_", "row_counts", "row_count_deltas")


@dataclass(frozen=True)
class BackupSummary:
    """What a backup or restore moved: rows per table and the schema revision."""

    revision: str | None
    rows: dict[str, int]


def _kept(table: str) -> bool:
    return not table.startswith(_LEFT_OUT)


def _tables(engine: Engine) -> list[Table]:
    metadata = MetaData()
    with warnings.catch_warnings():
        # pgvector's type is unknown to SQLAlchemy; its column is generated, never copied.
        warnings.filterwarnings("ignore", "Did not recognize type", SAWarning)
        metadata.reflect(engine)
    return [t for t in metadata.sorted_tables if _kept(t.name)]


def _stored(table: Table) -> list[Column[Any]]:
    """The columns a backup carries: not the generated ones (clause_vectors.embedding on
    PostgreSQL is computed from the float32 bytes, and cannot be written)."""
    return [column for column in table.columns if column.computed is None]


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, str | int | float | bool | list | dict) or value is None:
        return value
    return str(value)  # e.g. a pgvector value: its text form casts back


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, payload),) = value.items()
        if tag == "$bytes":
            return base64.b64decode(payload)
        if tag == "$datetime":
            return datetime.fromisoformat(payload)
        if tag == "$date":
            return date.fromisoformat(payload)
    return value


def backup(url: str, path: Path) -> BackupSummary:
    """Write the store at `url` to `path` (gzipped JSON lines)."""
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        if revision is None:
            raise StoreError(f"no whereas store at {url}")
        counts: dict[str, int] = {}
        with gzip.open(path, "wt", encoding="utf-8") as out, engine.connect() as connection:
            out.write(json.dumps({"format": FORMAT, "revision": revision}) + "\n")
            for table in _tables(engine):
                counts[table.name] = 0
                for row in _rows(connection, table):
                    line = {"table": table.name, "row": {k: _encode(v) for k, v in row.items()}}
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    counts[table.name] += 1
        return BackupSummary(revision, counts)
    finally:
        engine.dispose()


def _rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    query = select(*_stored(table)).order_by(*table.primary_key.columns)
    result = connection.execution_options(stream_results=True, yield_per=_BATCH).execute(query)
    for row in result.mappings():
        yield dict(row)


def _read(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise StoreError(f"not a whereas backup, or a damaged one: {path}: {exc}") from exc


def restore(url: str, path: Path) -> BackupSummary:
    """Load the backup at `path` into the empty store at `url`, then upgrade it to the newest."""
    lines = _read(path)
    header = next(lines, None)
    if not header or header.get("format") != FORMAT:
        raise StoreError(f"not a whereas backup: {path}")
    engine = make_engine(url)
    try:
        if current_revision(engine) is not None:
            raise StoreError(f"the store at {url} is not empty: restore into a new database")
        upgrade(engine, header["revision"])
        counts = _load(engine, lines)
        upgrade(engine)
        with Session(engine) as session, session.begin():  # the load's deltas (PostgreSQL)
            fold_deltas(session)
        _reindex(engine)
        return BackupSummary(header["revision"], counts)
    finally:
        engine.dispose()


def _load(engine: Engine, lines: Iterator[dict[str, Any]]) -> dict[str, int]:
    tables = {table.name: table for table in _tables(engine)}
    counts: dict[str, int] = {}
    batch: list[dict[str, Any]] = []
    current: str | None = None
    with engine.begin() as connection:
        for line in lines:
            if line["table"] != current or len(batch) >= _BATCH:
                _flush(connection, tables, current, batch)
                batch, current = [], line["table"]
            batch.append({k: _decode(v) for k, v in line["row"].items()})
            counts[line["table"]] = counts.get(line["table"], 0) + 1
        _flush(connection, tables, current, batch)
        if engine.dialect.name == "postgresql":
            _reset_sequences(connection, tables.values())
    return counts


def _flush(
    connection: Connection, tables: dict[str, Table], name: str | None, rows: list[dict[str, Any]]
) -> None:
    if name is None or not rows:
        return
    if name not in tables:
        raise StoreError(f"the backup has a table this schema does not: {name}")
    table = tables[name]
    # Generated columns are computed by the database (backups made before this fix carry them).
    generated = {column.name for column in table.columns if column.computed is not None}
    if generated:
        rows = [{k: v for k, v in row.items() if k not in generated} for row in rows]
    connection.execute(insert(table), rows)


def _reset_sequences(connection: Connection, tables: Any) -> None:
    # Rows came with their ids: serial columns must continue after the largest one.
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence:
                connection.execute(
                    text(
                        f'SELECT setval(:s, coalesce((SELECT max("{column.name}") FROM '
                        f'"{table.name}"), 0) + 1, false)'
                    ),
                    {"s": sequence},
                )


def _reindex(engine: Engine) -> None:
    from whereas.search.index import reindex_all

    with Session(engine) as session, session.begin():
        reindex_all(session)
