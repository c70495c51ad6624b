"""The store on SQLite and PostgreSQL: schema, idempotent saves, versions, rollback."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from whereas.errors import StoreError
from whereas.parse.records import Author, Clause, MemberVote, ParsedDocument, Vote
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition, Reference
from whereas.recognize.references import procedure_type
from whereas.store import Store, schema
from whereas.store.migrate import current_revision
from whereas.store.writer import IncomingDocument, ensure_procedure, save_document


def _incoming(raw: bytes, reference: str = "RC-B9-0065/2022") -> IncomingDocument:
    read = ReadDocument(format="text", text=raw.decode())
    recognition = Recognition(
        kind="joint_motion", reference=reference, procedure="2022/2505(RSP)",
        references=[Reference("motion", "B9-0065/2022", 0, 12)], language="en",
        date=date(2022, 1, 19), title="on the situation in Kazakhstan",
    )
    parsed = ParsedDocument(
        body=raw.decode(),
        clauses=[
            Clause("citation", None, 0, "having regard to its previous resolutions"),
            Clause("recital", "A", 1, "whereas something happened"),
            Clause("paragraph", "1", 2, "Condemns it", verbs=["condemns"]),
            Clause("point", "(a)", 3, "first point", parent=2),
        ],
        authors=[Author("Željana Zovko", "EPP")],
        groups=["EPP"],
        votes=[Vote(589, 35, 47, "adopted", True, date(2022, 1, 20), "whole text",
                    official=True, members=[MemberVote("1", "A. Person", "for", "EPP")])],
    )
    return IncomingDocument(raw=raw, read=read, recognition=recognition, parsed=parsed,
                            read_at=datetime.now(UTC), source_path="x.txt")


def test_open_creates_schema_at_head(database_url: str) -> None:
    store = Store.open(database_url)
    assert current_revision(store.engine) is not None
    Store.open(database_url).close()  # opening twice is harmless
    store.close()


def test_same_bytes_twice_give_one_document(database_url: str) -> None:
    store = Store.open(database_url)
    with store.session() as s:
        first = save_document(s, _incoming(b"joint motion text"))
    with store.session() as s:
        second = save_document(s, _incoming(b"joint motion text"))
        assert s.scalar(select(func.count()).select_from(schema.Document)) == 1
        assert s.scalar(select(func.count()).select_from(schema.Clause)) == 4
        assert s.scalar(select(func.count()).select_from(schema.MemberVote)) == 1
    assert (first.outcome, second.outcome) == ("added", "unchanged")
    assert first.document_id == second.document_id
    store.close()


def test_new_bytes_of_one_source_are_a_new_version(database_url: str) -> None:
    store = Store.open(database_url)
    with store.session() as s:
        v1 = save_document(s, _incoming(b"version one"))
        v2 = save_document(s, _incoming(b"version two"))
        other = save_document(s, _incoming(b"other text", reference="RC-B9-0070/2022"))
    assert (v1.version, v2.version, other.version) == (1, 2, 1)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(schema.Blob)) == 3
        procedure = s.get(schema.Procedure, "2022/2505(RSP)")
        assert procedure is not None and procedure.type == "RSP"
    store.close()


def test_a_failed_save_leaves_nothing(database_url: str) -> None:
    store = Store.open(database_url)
    with pytest.raises(RuntimeError), store.session() as s:
        save_document(s, _incoming(b"half a document"))
        raise RuntimeError("crash in the middle")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(schema.Document)) == 0
        assert s.scalar(select(func.count()).select_from(schema.Clause)) == 0
        assert s.scalar(select(func.count()).select_from(schema.Blob)) == 0
    store.close()


def test_bad_urls_are_store_errors(tmp_path: object) -> None:
    with pytest.raises(StoreError):
        Store.open("mysql://nowhere/db")
    with pytest.raises(StoreError):
        Store.open("sqlite:////no/such/folder/store.db")


def test_a_procedure_is_typed_as_search_labels_it(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        with store.session() as session:
            for reference, expected in [
                ("2022/2505(RSP)", "RSP"),
                ("2019/2125(INI)", "INI"),
                ("2022/2505", None),
                ("2022/2505(rsp)", None),
                ("2022/2505(RSPX)", None),
                ("(RSP)2022/2505", None),
            ]:
                assert ensure_procedure(session, reference).type == expected, reference
                assert procedure_type(reference) == expected
    finally:
        store.close()
