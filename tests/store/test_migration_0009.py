"""Migration 0009: a store made before clause footnotes upgrades, keeps its rows and takes them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import MetaData, select

from whereas.ingest import ingest_paths
from whereas.store import Store, schema
from whereas.store.engine import make_engine
from whereas.store.migrate import alembic_config, current_revision, upgrade

from .copying import copy_records
from .footnote_pages import CITED_NOTES, citing_page

REAL = "howtheyvote/document_rc-10-2025-0249-en.html"


def _clauses(store: Store) -> list[tuple[str, int, str, list[str] | None]]:
    with store.session() as session:
        query = select(
            schema.Clause.document_id,
            schema.Clause.position,
            schema.Clause.text,
            schema.Clause.footnotes,
        ).order_by(schema.Clause.document_id, schema.Clause.position)
        return [(d, p, t, f) for d, p, t, f in session.execute(query)]


def _footnote_roles(store: Store) -> list[tuple[str, int | None]]:
    ref = schema.DocumentReference
    with store.session() as session:
        query = select(ref.value, ref.clause_position).where(ref.role == "footnote")
        return sorted(session.execute(query).tuples())


def test_a_store_at_0008_upgrades_and_then_stores_footnotes(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    ingest_paths(filled, [corpus / REAL])
    before = [(d, p, t) for d, p, t, _ in _clauses(filled)]
    old = make_engine(database_url)
    upgrade(old, "0008")
    copy_records(filled.engine, old)
    upgrade(old, "0009")
    assert current_revision(old) == "0009"
    old.dispose()
    filled.close()
    store = Store.open(database_url)  # and on to the newest revision
    try:
        # Clauses stored before the revision keep their rows and have no footnotes read (NULL).
        assert [(d, p, t) for d, p, t, _ in _clauses(store)] == before
        assert len(before) == 15 and all(f is None for *_, f in _clauses(store))
        page = tmp_path / "cites.html"
        page.write_bytes(citing_page())
        results = ingest_paths(store, [page])
        assert [r.status for r in results] == ["added"], [r.reason for r in results]
        assert [f for *_, f in _clauses(store) if f] == [[CITED_NOTES[0]], [CITED_NOTES[1]]]
        assert _footnote_roles(store) == [
            ("2021/2540(RSP)", 2),
            ("B9-0065/2022", 2),
            ("P9_TA(2021)0101", 1),
            ("P9_TA(2022)0012", 1),
        ]
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")
        assert current_revision(store.engine) == "0008"
        columns = MetaData()
        columns.reflect(store.engine)
        assert "footnotes" not in columns.tables["clauses"].c
        assert "clause_position" not in columns.tables["document_references"].c
        upgrade(store.engine)
        assert _footnote_roles(store) == []  # the footnote references went with their column
    finally:
        store.close()
