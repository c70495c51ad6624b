"""Migration 0015: the two covering indexes come with the upgrade and go with the downgrade."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect

from whereas.store.engine import make_engine
from whereas.store.migrate import alembic_config, current_revision, upgrade

ADDED = {
    "documents": ("ix_documents_id_kind", ["id", "kind"]),
    "document_references": ("ix_document_references_role", ["role", "document_id"]),
}


def _indexes(engine: Engine, table: str) -> dict[str, list[str | None]]:
    return {str(i["name"]): list(i["column_names"]) for i in inspect(engine).get_indexes(table)}


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_the_indexes_come_and_go_with_0015(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine, "0014")
    for table, (name, _) in ADDED.items():
        assert name not in _indexes(engine, table)
    upgrade(engine, "0015")
    assert current_revision(engine) == "0015"
    for table, (name, columns) in ADDED.items():
        assert _indexes(engine, table)[name] == columns
    _downgrade(engine, "0014")
    for table, (name, _) in ADDED.items():
        assert name not in _indexes(engine, table)
    engine.dispose()
