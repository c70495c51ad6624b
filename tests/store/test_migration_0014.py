"""Migration 0014: SQLite's reference values move to a keyed table, found by any part as before."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, text

from whereas.ingest import ingest_paths
from whereas.search.backend import lexical_index
from whereas.store import Store
from whereas.store.engine import make_engine
from whereas.store.migrate import alembic_config, current_revision, upgrade

from .copying import copy_records

CHECK = "INSERT INTO search_references(search_references, rank) VALUES('integrity-check', 1)"
FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
)


def _values(engine: Engine, table: str) -> list[str]:
    with engine.connect() as connection:
        return [str(v) for (v,) in connection.execute(text(f"SELECT value FROM {table}"))]


def _found(store: Store, part: str) -> list[str]:
    with store.session() as session:
        return lexical_index(session).find_references(session, part, 100)


def _check_index(engine: Engine) -> None:
    """FTS5's own check that the trigram index holds exactly its rows (raises if not)."""
    with engine.begin() as connection:
        connection.execute(text(CHECK))


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_a_store_at_0013_keeps_its_reference_values_findable(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    ingest_paths(filled, [corpus / f for f in FILES])
    wanted = sorted(set(_values(filled.engine, "search_reference_values")))
    found_before = _found(filled, "B10-02")
    filled.close()
    assert len(wanted) > 10 and len(found_before) > 5
    old = make_engine(database_url)
    upgrade(old, "0013")
    copy_records(filled.engine, old)
    sqlite = old.dialect.name == "sqlite"
    if sqlite:  # 0013's index: a plain trigram table, written by the code of its time
        with old.begin() as connection:
            some = wanted[: len(wanted) // 2]  # half, one twice: 0014 adds what documents hold
            for value in [*some, some[0]]:
                connection.execute(text("INSERT INTO search_references VALUES (:v)"), {"v": value})
    upgrade(old, "0014")
    assert current_revision(old) == "0014"
    if sqlite:
        assert sorted(_values(old, "search_reference_values")) == wanted
        _check_index(old)
        _downgrade(old, "0013")
        assert sorted(_values(old, "search_references")) == wanted
        _check_index(old)
        upgrade(old, "0014")
        _check_index(old)
    old.dispose()
    store = Store.open(database_url)
    try:
        assert _found(store, "B10-02") == found_before
        if sqlite:  # the triggers keep the trigram index in step with the values
            with store.session() as session:
                lexical_index(session).add_references(session, ["X99-1234/2031"])
            assert _found(store, "99-123") == ["X99-1234/2031"]
    finally:
        store.close()
