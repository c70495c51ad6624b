"""Reference values on SQLite: kept by value (migration 0014), found by any part of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import DatabaseError

from whereas.curation.takedown import purge
from whereas.ingest import ingest_file
from whereas.search.fts5 import search_reference_values
from whereas.search.index import reindex_all
from whereas.search.sqlite import SqliteIndex
from whereas.store import Store, schema

CHECK = "INSERT INTO search_references(search_references, rank) VALUES('integrity-check', 1)"
RC = "howtheyvote/document_rc-10-2025-0249-en.html"
VOTES = "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml"


def _check_index(store: Store) -> None:
    """FTS5's own check that the trigram index holds exactly the values (raises if not)."""
    with store.engine.begin() as connection:
        connection.execute(text(CHECK))


def _stored_values(store: Store) -> set[str]:
    with store.session() as session:
        return set(session.scalars(select(search_reference_values.c.value)))


def _values_of(store: Store, source: str) -> set[str]:
    d, r = schema.Document, schema.DocumentReference
    with store.session() as session:
        held = (
            select(r.value).join(d, d.id == r.document_id).where(d.source_path.like(f"%{source}"))
        )
        return {v for v in session.scalars(held) if len(v) >= 3}


def test_adding_references_asks_nothing_of_the_trigram_index(tmp_path: Path) -> None:
    # Asking the trigram table which values it held read every value sharing a trigram with
    # them: a query that grew with the store (half of storing a document at 30,000 documents).
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    try:
        index = SqliteIndex()
        with store.session() as session:
            index.add_references(session, ["B10-0249/2025", "2025/2691(RSP)"])
            session.flush()
            event.listen(store.engine, "before_cursor_execute", seen)
            index.add_references(session, ["RC-B10-0249/2025", "B10-0249/2025", "ab"])
            event.remove(store.engine, "before_cursor_execute", seen)
            assert index.find_references(session, "b10-0249", 10) == [
                "B10-0249/2025",
                "RC-B10-0249/2025",
            ]
            assert index.find_references(session, "691(R", 10) == ["2025/2691(RSP)"]
    finally:
        store.close()
    assert len(statements) == 1 and "MATCH" not in statements[0].upper(), statements
    assert _stored_values(store) == {"B10-0249/2025", "2025/2691(RSP)", "RC-B10-0249/2025"}


def test_a_purge_takes_out_the_values_no_other_document_holds(tmp_path: Path, corpus: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        ingest_file(store, corpus / RC)
        ingest_file(store, corpus / VOTES)
        own, kept = _values_of(store, RC), _values_of(store, VOTES)
        only_own = sorted(own - kept)
        assert only_own and own & kept, (own, kept)  # some values shared, some not
        assert _stored_values(store) == own | kept
        with store.session() as session:
            (document_id,) = session.scalars(
                select(schema.Document.id).where(schema.Document.source_path.like(f"%{RC}"))
            )

        purge(store, document_id, "ada", "takedown request")

        assert _stored_values(store) == kept
        _check_index(store)
        index = SqliteIndex()
        with store.session() as session:
            for value in only_own:
                assert value not in index.find_references(session, value, 50)
            for value in sorted(kept):
                assert value in index.find_references(session, value, 50)
    finally:
        store.close()


def test_reindexing_repairs_a_trigram_index_written_around_its_values(
    tmp_path: Path, corpus: Path
) -> None:
    # A process still running the code before 0014 deletes from the trigram table itself,
    # which now indexes search_reference_values: the index no longer matches its content.
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        ingest_file(store, corpus / RC)
        value = sorted(_values_of(store, RC))[0]
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM search_references WHERE value = :v"), {"v": value})
        with pytest.raises(DatabaseError):
            _check_index(store)
        with store.session() as session:
            reindex_all(session)
        _check_index(store)
        with store.session() as session:
            assert value in SqliteIndex().find_references(session, value, 50)
    finally:
        store.close()
