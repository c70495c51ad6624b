"""Store queries, search and export keep answering, without an error, while `whereas ingest`
writes from another process (SQLite in WAL mode; PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench.load import start_ingest
from fuzz.store_checks import store_problems
from sqlalchemy import func, select

from whereas.export.json_export import build_export
from whereas.ingest import ingest_paths, link_store
from whereas.search import search
from whereas.store import Store, schema
from whereas.store.lookup import find_record
from whereas.store.stats import store_stats

READERS = 3
PAUSE_S = 0.02  # between a reader's requests: two cores must leave the writer some time
INCOMING = 6  # resolutions the concurrent ingest writes (see conftest.incoming)


def _read_once(store: Store, turn: int) -> int:
    """One reader's request (a different kind each turn); the number of documents it saw."""
    with store.session() as session:
        if turn % 4 == 0:
            find_record(session, "RC-B10-0249/2025")
        elif turn % 4 == 1:
            assert search(session, "children").total > 0
        elif turn % 4 == 2:
            store_stats(session)
        elif turn % 8 == 3:
            export = build_export(session)
            assert export["documents"]
        documents: int = session.scalar(select(func.count()).select_from(schema.Document)) or 0
        return documents


def test_readers_never_fail_while_an_ingest_writes(
    database_url: str, seed_files: list[Path], incoming: Path
) -> None:
    store = Store.open(database_url)
    ingest_paths(store, seed_files)
    link_store(store)
    errors: list[str] = []
    seen: set[int] = set()
    writer = start_ingest(database_url, incoming)

    def reader(offset: int) -> None:
        turn = offset
        while writer.poll() is None:
            try:
                seen.add(_read_once(store, turn))
            except Exception as exc:  # every failure is counted, none may happen
                errors.append(f"turn {turn}: {type(exc).__name__}: {exc}")
            turn += 1
            time.sleep(PAUSE_S)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        stdout, stderr = writer.communicate(timeout=300)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, stderr
    assert errors == []
    assert len(seen) >= 2, "the readers never overlapped the ingest"
    assert f'"added": {INCOMING}' in stdout
    assert store_problems(store.engine) == []
    store.close()


def test_the_api_and_pages_answer_under_load_while_an_ingest_writes(
    database_url: str,
    seed_files: list[Path],
    incoming: Path,
    record_property: Callable[[str, object], None],
) -> None:
    from bench.load import load_during_ingest, serve_in_thread

    store = Store.open(database_url)
    ingest_paths(store, seed_files)
    link_store(store)
    store.close()
    with serve_in_thread(database_url) as base:
        report, summary = load_during_ingest(
            base, database_url, incoming, clients=2, max_requests=2000, max_seconds=120
        )
    record_property("load", report.summary())
    print(report.summary())  # noqa: T201
    assert report.errors == []
    assert report.requests >= 20
    assert summary["added"] == INCOMING
