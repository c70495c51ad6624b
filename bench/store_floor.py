"""The floor of storing: what SQLite itself costs for the rows an ingest writes, without whereas.

    .venv/bin/python bench/store_floor.py [--scale 1000] [--keep PATH]

Ingests the first N copies of the scale corpus (bench/scale_corpus.py, the copies bench/ingest.py
uses) into a fresh SQLite store as `whereas ingest` does (lexical embedder, no link step), then
replays every row of that store into a second fresh store of the same schema with the standard
library's sqlite3 alone: document by document in the order they were stored, one transaction a
document as ingest has, one executemany a table, the FTS5 tables (search_fts, search_references)
included, with the store's own pragmas (WAL, synchronous NORMAL). The rows are read into memory
before the clock starts. The replay's CPU a document is the cost of storing and indexing what
ingest stores, whatever Python does around it; the lxml floor of the same files (bench/ingest.py's
`floor_read`) is printed beside it, with how many times the floor storing alone already is.

Rows of tables that name no document (procedures, the search state) are replayed in the
transaction of the first document stored after them; search_reference_values (the distinct
reference values, in the order they were first stored, which its triggers index in
search_references) are spread over the documents in that order.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest import _children_cpu, floor_read
from bench.scale_corpus import cached_corpus, corpus_paths

Rows = list[tuple[Any, ...]]
FTS_TABLES = ("search_fts", "search_references")
REFERENCES = "search_reference_values"  # search_references' content, indexed by its triggers


def ingest(url: str, paths: list[Path]) -> float:
    """Ingest `paths` as `whereas ingest` does (its workers, no link step); CPU seconds, this
    process's and the workers'."""
    from whereas.config import load_settings
    from whereas.ingest import ingest_stream
    from whereas.ingest.pool import DocumentPool
    from whereas.store import Store

    limits = load_settings().limits
    store = Store.open(url)
    began = time.process_time() + _children_cpu()
    if limits.workers > 0:
        with DocumentPool(limits) as pool:
            deque(ingest_stream(store, paths, limits=limits, pool=pool), maxlen=0)
    else:
        deque(ingest_stream(store, paths, limits=limits), maxlen=0)
    spent = time.process_time() + _children_cpu() - began
    store.close()
    return spent


def _tables(raw: sqlite3.Connection) -> list[str]:
    """The store's plain tables in creation order (parents before children), without FTS5's."""
    names = [
        str(row[0])
        for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY rowid"
        )
    ]
    return [n for n in names if not any(n.startswith(f"{fts}_") for fts in FTS_TABLES)]


def _columns(raw: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in raw.execute(f"PRAGMA table_info('{table}')")]


def load_batches(source: Path) -> tuple[list[list[tuple[str, str, Rows]]], int]:
    """Per document stored, in order: (table, INSERT statement, rows). And the document count."""
    raw = sqlite3.connect(source)
    order = [str(r[0]) for r in raw.execute("SELECT id FROM documents ORDER BY rowid")]
    position = {document: i for i, document in enumerate(order)}
    batches: list[list[tuple[str, str, Rows]]] = [[] for _ in order]
    for table in _tables(raw):
        if table == REFERENCES:  # spread over the documents, below
            continue
        columns = _columns(raw, table)
        quoted = ", ".join(f'"{c}"' for c in columns)
        insert = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
        owner = (
            "document_id" if "document_id" in columns else ("id" if table == "documents" else None)
        )
        grouped: dict[int, Rows] = defaultdict(list)
        try:
            rows = raw.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid").fetchall()
        except sqlite3.OperationalError:  # WITHOUT ROWID: in key order
            rows = raw.execute(f"SELECT {quoted} FROM {table}").fetchall()
        for row in rows:
            at = position.get(row[columns.index(owner)], 0) if owner else 0
            grouped[at].append(tuple(row))
        for at, some in grouped.items():
            batches[at].append((table, insert, some))
    entries = dict(raw.execute("SELECT id, document_id FROM search_entries").fetchall())
    fts: dict[int, Rows] = defaultdict(list)
    for rowid, terms, labels in raw.execute("SELECT rowid, terms, labels FROM search_fts"):
        fts[position[entries[rowid]]].append((rowid, terms, labels))
    for at, some in fts.items():
        batches[at].append(
            ("search_fts", "INSERT INTO search_fts (rowid, terms, labels) VALUES (?, ?, ?)", some)
        )
    values = raw.execute(f"SELECT id, value FROM {REFERENCES} ORDER BY id").fetchall()
    share = max(1, -(-len(values) // max(1, len(order))))
    for at in range(len(order)):
        some = [tuple(v) for v in values[at * share : (at + 1) * share]]
        if some:
            batches[at].append(
                (REFERENCES, f"INSERT INTO {REFERENCES} (id, value) VALUES (?, ?)", some)
            )
    raw.close()
    return batches, len(order)


def replay(target: str, batches: list[list[tuple[str, str, Rows]]]) -> float:
    """Insert every batch, a transaction each; CPU seconds."""
    raw = sqlite3.connect(target, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA foreign_keys=ON")
    for table in [*_tables(raw), *FTS_TABLES]:  # the fresh store's own rows (search state)
        raw.execute(f"DELETE FROM {table}")
    began = time.process_time()
    for batch in batches:
        raw.execute("BEGIN")
        for _, insert, rows in batch:
            raw.executemany(insert, rows)
        raw.execute("COMMIT")
    spent = time.process_time() - began
    raw.close()
    return spent


def _check_counts(source: Path, target: Path) -> None:
    """The replayed store holds as many rows as the ingested one, table by table."""
    one, two = sqlite3.connect(source), sqlite3.connect(target)
    for table in [*_tables(one), *FTS_TABLES]:
        counted = [c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for c in (one, two)]
        if counted[0] != counted[1]:
            raise SystemExit(f"{table}: {counted[0]} rows ingested, {counted[1]} replayed")
    one.close()
    two.close()


def _per(seconds: float, documents: int) -> float:
    return seconds / documents * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep the ingested store here")
    args = parser.parse_args()
    os.environ["WHEREAS_EMBEDDER"] = "lexical"
    folder = cached_corpus(args.scale)
    paths = list(corpus_paths(folder, args.scale))
    with tempfile.TemporaryDirectory(prefix="whereas-store-floor-") as tmp:
        source = args.keep or Path(tmp) / "ingested.db"
        reuse = source.exists()  # --keep of an earlier run: its ingest is not timed again
        ingest_cpu = 0.0 if reuse else ingest(f"sqlite:///{source}", paths)
        from whereas.store import Store

        if reuse:  # made by older code: upgraded, as the replayed store is made at the head
            Store.open(f"sqlite:///{source}").close()
        batches, documents = load_batches(source)

        target = Path(tmp) / "replayed.db"
        Store.open(f"sqlite:///{target}").close()  # the same schema, by the same migrations
        replay_cpu = replay(str(target), batches)
        _check_counts(source, target)
        began = time.process_time()
        for path in paths:
            floor_read(path)
        floor_cpu = time.process_time() - began
    ingest_ms = _per(ingest_cpu, documents)
    replay_ms = _per(replay_cpu, documents)
    floor_ms = _per(floor_cpu, documents)
    print(
        f"{documents:,} documents: ingest {ingest_ms:.1f} ms CPU a document (this process and the"
        f" workers; 0 when --keep reused a store); storing alone, replayed with sqlite3,"
        f" {replay_ms:.2f} ms; the lxml floor {floor_ms:.2f} ms;"
        f" storing alone / floor {replay_ms / floor_ms:.1f}x, ingest / floor"
        f" {ingest_ms / floor_ms:.1f}x (the target: ingest within 3x)"
    )


if __name__ == "__main__":
    main()
