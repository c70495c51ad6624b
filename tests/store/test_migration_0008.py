"""Migration 0008 rebuilds the search index, with label terms, from the stored records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, select, text

from whereas.ingest import ingest_paths
from whereas.search import search
from whereas.store import Store, schema
from whereas.store.engine import make_engine
from whereas.store.migrate import alembic_config, current_revision, upgrade

from .copying import copy_records

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/press-release_20250204IPR26689.html",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
)
SEARCHES: list[tuple[str, dict[str, Any]]] = [
    ("children", {}),
    ("children", {"country": ["ua"], "verb": ["demands"]}),
    ("whereas", {"kind": ["recital"], "group": ["epp"]}),
    ("Georgia", {"year": [2025], "entry": "document"}),
    ("Kazachstán", {"language": ["cs"]}),
]

Key = tuple[str, str, int | None]


def _results(store: Store) -> list[list[Key]]:
    """(source file, entry, clause position) of every hit of each search: ids differ."""
    found = []
    with store.session() as session:
        positions = dict(session.execute(select(schema.Clause.id, schema.Clause.position)).all())
        paths = dict(session.execute(select(schema.Document.id, schema.Document.source_path)).all())
        for query, filters in SEARCHES:
            keys: list[Key] = []
            for hit in search(session, query, limit=1000, **filters).hits:
                position = positions[hit.clause_id] if hit.clause_id is not None else None
                keys.append((Path(paths[hit.document_id] or "").name, str(hit.entry), position))
            found.append(sorted(keys, key=repr))
    return found


def _old_index_row(engine: Engine) -> None:
    """One stale entry as a 0007 index holds it (ids in writing order, the terms alone)."""
    with engine.begin() as connection:
        document = connection.execute(text("SELECT id FROM documents LIMIT 1")).scalar_one()
        values = {"d": document}
        if engine.dialect.name == "sqlite":
            connection.execute(
                text("INSERT INTO search_entries (id, document_id, entry, kind)"
                     " VALUES (1, :d, 'document', 'news')"), values,
            )  # fmt: skip
            connection.execute(
                text("INSERT INTO search_fts (rowid, terms) VALUES (1, 'qqstaleqq')")
            )
        else:
            connection.execute(
                text("INSERT INTO search_entries (id, document_id, entry, kind, terms)"
                     " VALUES (1, :d, 'document', 'news', 'qqstaleqq')"), values,
            )  # fmt: skip


def test_store_at_0007_is_reindexed_with_label_terms(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    assert all(r.status == "added" for r in ingest_paths(filled, [corpus / f for f in FILES]))
    expected = _results(filled)
    assert all(expected), "every search finds something"
    old = make_engine(database_url)
    upgrade(old, "0007")
    copy_records(filled.engine, old)
    _old_index_row(old)
    upgrade(old, "0008")  # later revisions follow when the store is opened
    assert current_revision(old) == "0008"
    old.dispose()
    filled.close()
    store = Store.open(database_url)
    try:
        assert _results(store) == expected
        with store.session() as session:
            assert search(session, "qqstaleqq").total == 0  # rebuilt from the records alone
            if store.dialect == "sqlite":  # ids ordered by length, numbered from search_state
                ids = list(session.scalars(text("SELECT rowid FROM search_fts")))
                assert ids and all(i >> 40 > 0 for i in ids)
                state = text("SELECT value FROM search_state WHERE name = 'next_entry'")
                assert session.scalar(state) == len(ids) + 1
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0007")
        assert current_revision(store.engine) == "0007"
        upgrade(store.engine)
        assert _results(store) == expected
    finally:
        store.close()
