"""A store made at revision 0002, filled with real records, upgraded to head loses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, insert, select, text

from whereas.ingest import ingest_paths
from whereas.search import search
from whereas.store import Store
from whereas.store.engine import make_engine
from whereas.store.migrate import current_revision, upgrade

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def _tables(engine: Engine) -> MetaData:
    metadata = MetaData()
    metadata.reflect(engine)
    return metadata


def _copy_at_old_schema(source: Engine, target: Engine) -> dict[str, list[Any]]:
    """Copy the columns the old schema has from a filled head store; the rows copied by table."""
    copied: dict[str, list[Any]] = {}
    head = _tables(source)
    with source.connect() as reading, target.begin() as writing:
        for table in _tables(target).sorted_tables:
            if table.name == "alembic_version" or table.name.startswith("search_"):
                continue
            columns = [head.tables[table.name].c[c.name] for c in table.columns]
            rows = [dict(r) for r in reading.execute(select(*columns)).mappings()]
            if rows:
                writing.execute(insert(table), rows)
            copied[table.name] = sorted(map(repr, (tuple(r.values()) for r in rows)))
    return copied


def _rows_now(
    engine: Engine, old: dict[str, list[Any]], old_columns: dict[str, list[str]]
) -> dict[str, list[Any]]:
    """The rows of the old tables, read again through the old columns only."""
    metadata = _tables(engine)
    now = {}
    with engine.connect() as connection:
        for name in old:
            table = metadata.tables[name]
            columns = [table.c[c] for c in old_columns[name]]
            rows = connection.execute(select(*columns)).all()
            now[name] = sorted(map(repr, (tuple(r) for r in rows)))
    return now


def test_store_at_0002_upgrades_to_head_without_loss(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    assert all(r.status == "added" for r in ingest_paths(filled, [corpus / f for f in FILES]))
    old = make_engine(database_url)
    upgrade(old, "0002")
    assert current_revision(old) == "0002"
    old_columns = {t.name: [c.name for c in t.columns] for t in _tables(old).sorted_tables}
    copied = _copy_at_old_schema(filled.engine, old)
    # Read back from the old store itself: each database has its own forms (JSONB key order).
    before = _rows_now(old, copied, old_columns)
    assert len(before["member_votes"]) > 100 and before["clauses"] and before["blobs"]
    upgrade(old)
    assert current_revision(old) != "0002"
    assert _rows_now(old, before, old_columns) == before
    old.dispose()
    filled.close()
    store = Store.open(database_url)  # at head already: opening it migrates nothing
    try:
        with store.session() as session:
            from whereas.search.index import reindex_all

            assert reindex_all(session) == len(FILES)
        with store.session() as session:
            assert search(session, "children").total > 0
        with store.engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        assert count == len(FILES)
    finally:
        store.close()
