"""A purge and an import fold the row count deltas they append (PostgreSQL, migration 0012):
none is left pending after the run, and the counts equal the rows."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from whereas.curation.takedown import purge
from whereas.export.json_export import write_export
from whereas.importer import import_file
from whereas.ingest import ingest_paths
from whereas.store import Store, schema
from whereas.store.counts import pending_deltas
from whereas.store.stats import store_stats

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml",
)

pytestmark = pytest.mark.postgres


def _pending(store: Store) -> int:
    with store.session() as session:
        return pending_deltas(session)


def _documents(store: Store) -> tuple[int, int]:
    """(documents counted, documents held)."""
    with store.session() as session:
        counted = store_stats(session)["documents"]
        held = session.scalar(text("SELECT count(*) FROM documents"))
    return counted, held or 0


def test_a_purge_folds_its_deltas(corpus: Path, new_postgres_database: Callable[[], str]) -> None:
    store = Store.open(new_postgres_database())
    try:
        ingest_paths(store, [corpus / f for f in FILES])
        with store.session() as session:
            motion = session.scalars(
                select(schema.Document.id).where(schema.Document.kind == "joint_motion")
            ).one()
        purge(store, motion, "curator", "test")
        assert _pending(store) == 0
        assert _documents(store) == (1, 1)
    finally:
        store.close()


def test_an_import_folds_its_deltas(
    corpus: Path, new_postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    source = Store.open(new_postgres_database())
    target = Store.open(new_postgres_database())
    try:
        ingest_paths(source, [corpus / f for f in FILES])
        buffer = io.StringIO()
        with source.session() as session:
            write_export(session, buffer)
        exported = tmp_path / "store.json"
        exported.write_text(buffer.getvalue(), encoding="utf-8")
        import_file(target, exported)
        assert _pending(target) == 0
        assert _documents(target) == (2, 2)
    finally:
        source.close()
        target.close()
