"""whereas backup / restore: nothing lost, raw bytes and per-MEP positions included, across
SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fuzz.store_checks import row_counts, store_problems
from sqlalchemy import text
from typer.testing import CliRunner

from whereas.cli.app import app
from whereas.ingest import ingest_paths
from whereas.store import Store

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "derived/document_rc-10-2025-0249-en.print.pdf",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def _fill(url: str, corpus: Path) -> dict[str, int]:
    store = Store.open(url)
    try:
        results = ingest_paths(store, [corpus / name for name in FILES])
        assert all(r.status == "added" for r in results)
        return row_counts(store.engine)
    finally:
        store.close()


def _fingerprint(url: str) -> tuple[dict[str, int], list[object], int]:
    store = Store.open(url)
    try:
        with store.engine.connect() as connection:
            blobs = list(connection.execute(text("SELECT sha256, data FROM blobs ORDER BY sha256")))
            positions = connection.execute(text("SELECT count(*) FROM member_votes")).scalar_one()
        # The row counts' rows (row_counts, row_count_deltas) depend on when a fold last ran.
        left_out = ("search", "row_count")
        counts = {k: v for k, v in row_counts(store.engine).items() if not k.startswith(left_out)}
        assert store_problems(store.engine) == []
        return counts, [(sha, bytes(data)) for sha, data in blobs], positions
    finally:
        store.close()


def test_backup_then_restore_loses_nothing(
    corpus: Path, tmp_path: Path, database_url: str, new_postgres_database: Callable[[], str]
) -> None:
    _fill(database_url, corpus)
    backup_file = tmp_path / "store.backup.gz"
    runner = CliRunner()
    made = runner.invoke(app, ["backup", str(backup_file), "--db", database_url])
    assert made.exit_code == 0, made.output
    before = _fingerprint(database_url)
    assert before[2] > 100  # per-MEP positions are in the store, and must survive
    for target in (f"sqlite:///{tmp_path / 'restored.db'}", new_postgres_database()):
        restored = runner.invoke(app, ["restore", str(backup_file), "--db", target])
        assert restored.exit_code == 0, restored.output
        assert _fingerprint(target) == before
        hits = runner.invoke(app, ["search", "children", "--db", target, "--json"])
        assert hits.exit_code == 0 and "RC-B10-0249/2025" in hits.output


def test_restore_refuses_a_store_that_is_not_empty(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    _fill(database_url, corpus)
    backup_file = tmp_path / "store.backup.gz"
    runner = CliRunner()
    assert runner.invoke(app, ["backup", str(backup_file), "--db", database_url]).exit_code == 0
    again = runner.invoke(app, ["restore", str(backup_file), "--db", database_url])
    assert again.exit_code == 1
    assert "not empty" in again.output


def test_restore_rejects_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.gz"
    bogus.write_bytes(b"not gzip at all")
    result = CliRunner().invoke(app, ["restore", str(bogus), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 1
    assert "not a whereas backup" in result.output


def test_backup_of_a_store_with_vectors_restores_them(
    corpus: Path,
    tmp_path: Path,
    database_url: str,
    new_postgres_database: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On PostgreSQL clause_vectors has a generated pgvector column (migration 0007): a backup
    # must carry the float32 bytes only, and a restore must let the database compute the rest.
    _fill(database_url, corpus)
    monkeypatch.setenv("WHEREAS_EMBEDDER", "lexical")
    runner = CliRunner()
    embedded = runner.invoke(app, ["embed", "--db", database_url])
    assert embedded.exit_code == 0, embedded.output
    backup_file = tmp_path / "store.backup.gz"
    made = runner.invoke(app, ["backup", str(backup_file), "--db", database_url])
    assert made.exit_code == 0, made.output
    before = _fingerprint(database_url)
    assert before[0]["clause_vectors"] > 10
    for target in (f"sqlite:///{tmp_path / 'restored.db'}", new_postgres_database()):
        restored = runner.invoke(app, ["restore", str(backup_file), "--db", target])
        assert restored.exit_code == 0, restored.output
        assert _fingerprint(target) == before
        assert _vectors(target) == _vectors(database_url)
        similar = runner.invoke(app, ["search", "children", "--mode", "hybrid", "--db", target])
        assert similar.exit_code == 0, similar.output


def _vectors(url: str) -> list[tuple[str, str, bytes]]:
    store = Store.open(url)
    try:
        with store.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT text_hash, model, vector FROM clause_vectors ORDER BY text_hash, model"
                )
            )
            return [(key, model, bytes(vector)) for key, model, vector in rows]
    finally:
        store.close()
