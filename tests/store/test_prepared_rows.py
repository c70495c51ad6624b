"""A document's rows made by the worker that parsed it: stored in few statements, and made
again by the writer when the worker could not make them."""

from __future__ import annotations

import logging
import pickle
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from whereas.config import Limits
from whereas.ingest import ingest_bytes, stages
from whereas.ingest.stages import ParsedFile, read_and_parse
from whereas.search import search
from whereas.search.tables import search_entries
from whereas.store import Store, schema, writer
from whereas.store.prepare import PreparedDocument, prepare_document
from whereas.store.writer import IncomingDocument, save_document, sha256_of

REAL = "howtheyvote/document_rc-10-2025-0249-en.html"


def _clause_entries(store: Store) -> list[tuple[int, str]]:
    """(position, document) of the clause of every clause entry of the index, by position."""
    c, e = schema.Clause, search_entries
    with store.session() as session:
        rows = session.execute(
            select(c.position, e.c.document_id)
            .join_from(c, e, e.c.clause_id == c.id)
            .where(e.c.document_id == c.document_id)
            .order_by(c.position)
        )
        return [(int(p), str(d)) for p, d in rows]


def test_the_clauses_go_in_one_statement_and_keep_their_ids(
    corpus: Path, database_url: str
) -> None:
    store = Store.open(database_url)
    inserts: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        # PostgreSQL: one COPY (whereas.store.bulk)
        if statement.lstrip().upper().startswith(("INSERT INTO CLAUSES", "COPY CLAUSES")):
            inserts.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        result = ingest_bytes(store, (corpus / REAL).read_bytes(), name="rc.html")
        assert (result.status, result.kind) == ("added", "joint_motion")
        assert len(inserts) == 1  # not one statement a clause (RETURNING in order on SQLite)
        entries = _clause_entries(store)
        with store.session() as session:
            clauses = session.scalar(select(func.count()).select_from(schema.Clause))
        assert clauses and len(entries) == clauses  # every clause indexed under its own id
        assert [p for p, _ in entries] == sorted({p for p, _ in entries})
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
        store.close()


def test_a_worker_out_of_memory_while_making_the_rows_still_stores_the_document(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def out_of_memory(*args: Any, **kwargs: Any) -> PreparedDocument:
        raise MemoryError

    monkeypatch.setattr(stages, "prepare_document", out_of_memory)
    raw = (corpus / REAL).read_bytes()
    parsed = read_and_parse(raw, "rc.html", Limits(workers=0))
    assert isinstance(parsed, ParsedFile) and parsed.prepared is None
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        result = ingest_bytes(store, raw, name="rc.html", limits=Limits(workers=0))
        assert (result.status, result.kind) == ("added", "joint_motion")
        assert len(_clause_entries(store)) > 10  # the writer made the rows and the entries
        with store.session() as session:
            assert search(session, "children").total > 0
    finally:
        store.close()


def test_rows_that_cannot_be_made_are_logged_once(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any, **kwargs: Any) -> PreparedDocument:
        raise ValueError("no rows")

    monkeypatch.setattr(stages, "prepare_document", broken)  # in the worker
    monkeypatch.setattr(writer, "prepare_document", broken)  # and again in the writer
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    caplog.set_level(logging.INFO)
    try:
        raw = (corpus / REAL).read_bytes()
        result = ingest_bytes(store, raw, name="rc.html", limits=Limits(workers=0))
    finally:
        store.close()
    assert result.status == "rejected" and "no rows" in (result.reason or "")
    failures = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in failures] == ["storing rc.html failed"]
    assert failures[0].exc_info is not None and "no rows" in str(failures[0].exc_info[1])


def _worker_parse(corpus: Path) -> tuple[bytes, ParsedFile]:
    raw = (corpus / REAL).read_bytes()
    made = read_and_parse(raw, "rc.html", Limits(workers=0))
    assert isinstance(made, ParsedFile) and made.prepared is not None
    return raw, made


def _incoming(raw: bytes, made: ParsedFile, prepared: PreparedDocument) -> IncomingDocument:
    return IncomingDocument(
        raw=raw,
        read=made.read,
        recognition=made.recognition,
        parsed=made.parsed,
        read_at=datetime.now(UTC),
        source_path="rc.html",
        prepared=prepared,
    )


def test_rows_made_by_the_worker_are_inserted_as_they_came(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, made = _worker_parse(corpus)
    assert made.prepared is not None
    piped = pickle.loads(pickle.dumps(made.prepared))  # as it crosses the worker's pipe

    def not_again(*args: Any, **kwargs: Any) -> PreparedDocument:
        raise AssertionError("the writer made the rows again")

    monkeypatch.setattr(writer, "prepare_document", not_again)
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        with store.session() as session:
            saved = save_document(session, _incoming(raw, made, piped))
            assert (saved.outcome, saved.reprepared) == ("added", False)
    finally:
        store.close()


def test_rows_made_of_another_parse_are_made_again(corpus: Path, tmp_path: Path) -> None:
    raw, made = _worker_parse(corpus)
    parsed, rec = made.parsed, made.recognition
    other_parse = replace(
        parsed, clauses=[replace(c, text=f"other {c.text}") for c in parsed.clauses[:3]]
    )
    other_recognition = replace(rec, language="fr")
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        for i, (other_rec, other_parsed) in enumerate(
            [(rec, other_parse), (other_recognition, parsed)]
        ):
            own = replace(made, read=replace(made.read, text=f"{made.read.text}{' ' * i}"))
            doc_raw = raw + b" " * i  # a document of its own each time
            stale = prepare_document(
                sha256_of(doc_raw), own.read, other_rec, other_parsed, "rc.html"
            )
            with store.session() as session:
                saved = save_document(session, _incoming(doc_raw, own, stale))
                texts = session.scalars(
                    select(schema.Clause.text)
                    .where(schema.Clause.document_id == saved.document_id)
                    .order_by(schema.Clause.position)
                ).all()
                document = session.get(schema.Document, saved.document_id)
                entries = session.scalar(
                    select(func.count())
                    .select_from(search_entries)
                    .where(search_entries.c.document_id == saved.document_id)
                )
            assert saved.reprepared  # ingest counts such documents
            assert texts == [c.text for c in parsed.clauses]
            assert document is not None and document.language == rec.language == "en"
            assert entries == len(parsed.clauses) + 1  # each clause and the document
    finally:
        store.close()
