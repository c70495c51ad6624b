"""whereas.store.bulk.insert_rows stores what a Core INSERT would, on both databases (on
PostgreSQL through COPY's text format): NULLs, JSON (and JSON null), dates, timestamps with
their offset, bytea, and text holding COPY's own separators and escapes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from whereas.store import Store, schema
from whereas.store.bulk import insert_rows

_AWKWARD = "tab\there, new\nline, back\\slash, \\N, \\., quote ' and \" , é ½ 😀"


def _rows(tag: str) -> tuple[dict[str, Any], dict[str, Any]]:
    data = bytes(range(256)) + b"\\x00\\N\t\n" + tag.encode()
    sha = (tag * 64)[:64]
    blob = {"sha256": sha, "size": len(data), "data": data}
    document = {
        "id": sha,
        "kind": "joint_motion",
        "format": "text",
        "reference": None,
        "procedure": _AWKWARD,
        "title": _AWKWARD,
        "date": date(2021, 3, 11) if tag == "a" else None,
        "language": "en",
        "publisher": None,
        "version_key": f"name:{tag}",
        "version": 1,
        "body": _AWKWARD * 3,
        "source_path": None,
        "source_url": None,
        "read_at": datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=5))),
        "confidence": 0.25,
        "groups": ["S&D", _AWKWARD],
        "header": {"k": [1, 2.5, None, True], "t": _AWKWARD},
        "warnings": None,  # JSON null, as the Core INSERT binds it
        "superseded_by": None,
    }
    return blob, document


def _stored(store: Store, sha: str) -> tuple[Any, ...]:
    with store.session() as session:
        blob = session.get(schema.Blob, sha)
        doc = session.get(schema.Document, sha)
        assert blob is not None and doc is not None
        columns = [c.key for c in cast(Table, schema.Document.__table__).columns]
        return bytes(blob.data), blob.size, {c: getattr(doc, c) for c in columns}


def test_bulk_rows_as_core_inserts(database_url: str) -> None:
    store = Store.open(database_url)
    blobs = cast(Table, schema.Blob.__table__)
    documents = cast(Table, schema.Document.__table__)
    bulk_blob, bulk_doc = _rows("a")
    core_blob, core_doc = _rows("b")
    other_blob, other_doc = _rows("c")  # two rows: a COPY on PostgreSQL, not an INSERT
    with store.session() as session:
        insert_rows(session, blobs, [bulk_blob, other_blob])
        insert_rows(session, documents, [bulk_doc, other_doc])
        session.execute(insert(blobs), [core_blob])
        session.execute(insert(documents), [core_doc])
    bulk, core = _stored(store, bulk_doc["id"]), _stored(store, core_doc["id"])
    with store.session() as session:
        warnings = session.execute(select(documents.c.warnings)).scalars().all()
    store.close()
    assert bulk[0] == bulk_blob["data"] and bulk[1] == bulk_blob["size"]
    assert core[0] == core_blob["data"]
    differ = {"id", "version_key", "date"}
    assert {k: v for k, v in bulk[2].items() if k not in differ} == {
        k: v for k, v in core[2].items() if k not in differ
    }
    assert bulk[2]["date"] == date(2021, 3, 11) and core[2]["date"] is None
    if store.dialect == "postgresql":  # SQLite keeps no offset, with either INSERT
        assert bulk[2]["read_at"] == bulk_doc["read_at"]
    assert bulk[2]["title"] == _AWKWARD and bulk[2]["header"] == bulk_doc["header"]
    assert warnings == [None, None, None]


def test_bulk_rows_raise_sqlalchemy_errors(database_url: str) -> None:
    """A duplicate key is SQLAlchemy's IntegrityError, as with a Core INSERT (COPY included)."""
    store = Store.open(database_url)
    blob, _ = _rows("c")
    with pytest.raises(IntegrityError), store.session() as session:
        insert_rows(session, cast(Table, schema.Blob.__table__), [blob, blob])
    with store.session() as session:
        assert session.get(schema.Blob, blob["sha256"]) is None
    store.close()


def _postgres_only(store: Store) -> None:
    if store.dialect != "postgresql":
        store.close()
        pytest.skip("COPY is PostgreSQL's")


def test_a_python_error_in_a_copy_is_sqlalchemys(database_url: str) -> None:
    """A value the driver cannot write (a set as JSON) fails as a Core INSERT would fail."""
    store = Store.open(database_url)
    _postgres_only(store)
    blob, document = _rows("d")
    other_blob, other = _rows("e")
    other["header"] = {"not JSON": {1, 2}}
    with store.session() as session:
        insert_rows(session, cast(Table, schema.Blob.__table__), [blob, other_blob])
    with pytest.raises(StatementError), store.session() as session:
        insert_rows(session, cast(Table, schema.Document.__table__), [document, other])
    store.close()


def test_a_connection_lost_in_a_copy_is_invalidated(database_url: str) -> None:
    """The server ends the connection: SQLAlchemy hears of it as a disconnect (the pool drops
    the connection), as for a Core INSERT, and the next session works."""
    store = Store.open(database_url)
    _postgres_only(store)
    blob, other = _rows("f")[0], _rows("g")[0]
    with store.session() as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with store.engine.connect() as killer:
            killer.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(DBAPIError) as raised:
            insert_rows(session, cast(Table, schema.Blob.__table__), [blob, other])
        assert raised.value.connection_invalidated
        session.rollback()  # of a transaction the server no longer has: no second error
    with store.session() as session:
        insert_rows(session, cast(Table, schema.Blob.__table__), [blob, other])
    with store.session() as session:
        assert session.get(schema.Blob, other["sha256"]) is not None
    store.close()
