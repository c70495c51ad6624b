"""A document's title, date and publisher come from its parser when recognition found none."""

from __future__ import annotations

from datetime import UTC, date, datetime

from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, save_document


def _store(
    database_url: str, recognition: Recognition, header: dict[str, str | list[str]]
) -> schema.Document:
    store = Store.open(database_url)
    incoming = IncomingDocument(
        raw=b"a news item",
        read=ReadDocument("text", "a news item"),
        recognition=recognition,
        parsed=ParsedDocument(body="a news item", header=header),
        read_at=datetime.now(UTC),
    )
    with store.session() as session:
        doc_id = save_document(session, incoming).document_id
    with store.session() as session:
        doc = session.get(schema.Document, doc_id)
    store.close()
    assert doc is not None
    return doc


def test_parser_header_fills_what_recognition_missed(database_url: str) -> None:
    header: dict[str, str | list[str]] = {
        "title": "MEPs condemn",
        "date": "2022-01-20",
        "publisher": "A newsroom",
    }
    doc = _store(database_url, Recognition(kind="news"), header)
    assert (doc.title, doc.date, doc.publisher) == ("MEPs condemn", date(2022, 1, 20), "A newsroom")


def test_recognition_wins_and_a_bad_header_date_is_ignored(database_url: str) -> None:
    recognition = Recognition(kind="news", title="Recognised", publisher="EP")
    doc = _store(database_url, recognition, {"title": "Parsed", "date": "20 Jan", "publisher": "X"})
    assert (doc.title, doc.date, doc.publisher) == ("Recognised", None, "EP")
