"""whereas import: an export loaded into an empty store exports again to the same bytes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.json_export import write_export
from whereas.importer import import_file
from whereas.importer.json_import import IMPORT_WARNING, NotAnExport, StoreNotEmpty
from whereas.store import Store, schema


def _export(url: str) -> str:
    store = Store.open(url)
    buffer = io.StringIO()
    with store.session() as session:
        write_export(session, buffer)
    store.close()
    return buffer.getvalue()


def _second_url(first: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty store of the same kind as `first`."""
    if first.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'imported.db'}"
    make: Callable[[], str] = request.getfixturevalue("new_postgres_database")
    return make()


def test_round_trip_is_byte_identical(
    corpus: Path,
    database_url: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    sample_store_builder: Callable[[str, Path], None],
) -> None:
    sample_store_builder(database_url, corpus)
    first = _export(database_url)
    exported = tmp_path / "store.json"
    exported.write_text(first, encoding="utf-8")
    target = _second_url(database_url, tmp_path, request)
    result = CliRunner().invoke(app, ["import", str(exported), "--db", target])
    assert result.exit_code == 0, result.output
    value = json.loads(first)
    assert f"{len(value['documents'])} documents" in result.output
    assert _export(target) == first
    # Imported documents hold placeholder blobs and say so; the import is recorded.
    store = Store.open(target)
    with store.session() as session:
        blob = session.scalars(select(schema.Blob)).first()
        assert blob is not None and blob.size == 0 and blob.data == b""
        doc = session.get(schema.Document, blob.sha256)
        assert doc is not None and doc.warnings == [IMPORT_WARNING]
        imports = list(session.scalars(select(schema.Import)))
        assert [i.documents for i in imports] == [len(value["documents"])]
    store.close()


def test_import_refuses_a_store_that_is_not_empty(sample_store: str, tmp_path: Path) -> None:
    exported = tmp_path / "store.json"
    exported.write_text(_export(sample_store), encoding="utf-8")
    store = Store.open(sample_store)
    before = _export(sample_store)
    with pytest.raises(StoreNotEmpty):
        import_file(store, exported)
    store.close()
    assert _export(sample_store) == before
    result = CliRunner().invoke(app, ["import", str(exported), "--db", sample_store])
    assert result.exit_code == 1
    assert "empty store" in result.output


@pytest.mark.parametrize("content", ['{"schema": "other/1"}', "[1, 2]", "not json", ""])
def test_import_rejects_what_is_not_an_export(content: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    with pytest.raises(NotAnExport):
        import_file(store, path)
    store.close()
    result = CliRunner().invoke(
        app, ["import", str(path), "--db", f"sqlite:///{tmp_path / 'store.db'}"]
    )
    assert result.exit_code == 1
    assert "whereas:" in result.output


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["import", str(tmp_path / "nope.json"), "--db", f"sqlite:///{tmp_path / 's.db'}"]
    )
    assert result.exit_code == 2


def _official_vote_and_claim(store: Store, corpus: Path) -> None:
    """An invented text adopted, its vote list (456-84-105), a press release saying 455-85-105."""
    from datetime import UTC, date, datetime

    from whereas.ingest import link_store
    from whereas.parse.records import ParsedDocument, Vote
    from whereas.parse.secondary import parse_secondary
    from whereas.read import read_bytes
    from whereas.read.document import ReadDocument
    from whereas.recognize.recognition import Recognition
    from whereas.store.writer import IncomingDocument, save_document

    day, now = date(2019, 7, 18), datetime.now(UTC)
    text = ReadDocument("text", "Situation in Venezuela P9_TA(2019)0006")
    adopted = Recognition(
        kind="text_adopted",
        reference="P9_TA(2019)0006",
        procedure="2019/2730(RSP)",
        title="Situation in Venezuela",
        date=day,
    )
    subject = "Motion for a resolution (as a whole)"
    vote = Vote(456, 84, 105, result="adopted", roll_call=True, date=day, official=True,
                subject=subject, reference="P9_TA(2019)0006")  # fmt: skip
    path = corpus / "text-dumps/press-release_20190712IPR56948.txt"
    read = read_bytes(path.read_bytes(), name=path.name)
    release = Recognition(kind="press_release")
    parsed = parse_secondary(read, release)
    release.title = str(parsed.header.get("title") or "") or None  # how reports are linked
    with store.session() as session:
        for raw, rec, doc, parsed_doc in (
            (b"adopted", adopted, text, ParsedDocument(body=text.text)),
            (b"votes", Recognition(kind="vote_results", date=day), text,
             ParsedDocument(body=text.text, votes=[vote])),
            (path.read_bytes(), release, read, parsed),
        ):  # fmt: skip
            incoming = IncomingDocument(
                raw=raw, read=doc, recognition=rec, parsed=parsed_doc, read_at=now
            )
            save_document(session, incoming)
    link_store(store)


def test_a_contradicted_tally_survives_the_round_trip(corpus: Path, tmp_path: Path) -> None:
    source, target = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    store = Store.open(source)
    _official_vote_and_claim(store, corpus)
    store.close()
    first = _export(source)
    conflicts = [c for p in json.loads(first)["procedures"] for c in p["conflicts"]]
    assert [c["values"] for c in conflicts] == [[[456, 84, 105], [455, 85, 105]]]
    exported = tmp_path / "store.json"
    exported.write_text(first, encoding="utf-8")
    store = Store.open(target)
    import_file(store, exported)
    store.close()
    assert _export(target) == first
