"""The CSV export: one table per kind of record, every column described in CSVW metadata."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.csv_tables import TABLES


def _export(sample_store: str, path: Path) -> zipfile.ZipFile:
    result = CliRunner().invoke(
        app, ["export", "--format", "csv", "-o", str(path), "--db", sample_store]
    )
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(path)


def _table(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_every_table_and_column_is_described(sample_store: str, tmp_path: Path) -> None:
    archive = _export(sample_store, tmp_path / "out.zip")
    meta = json.loads(archive.read("csv-metadata.json"))
    assert meta["@context"][0] == "http://www.w3.org/ns/csvw"
    described = {t["url"]: t for t in meta["tables"]}
    csv_files = sorted(n for n in archive.namelist() if n.endswith(".csv"))
    assert sorted(described) == csv_files
    for name in [
        "procedures", "documents", "clauses", "votes", "member_votes", "meps", "groups",
        "links", "conflicts",
    ]:  # fmt: skip
        assert f"{name}.csv" in described
    for url, table in described.items():
        header = next(csv.reader(io.StringIO(archive.read(url).decode("utf-8"))))
        columns = table["tableSchema"]["columns"]
        assert header == [c["name"] for c in columns], url
        assert all(c["dc:description"] and c["datatype"] for c in columns), url


def test_tables_hold_the_records_and_keys_resolve(sample_store: str, tmp_path: Path) -> None:
    archive = _export(sample_store, tmp_path / "out.zip")
    documents = {r["id"] for r in _table(archive, "documents.csv")}
    clauses = [r for r in _table(archive, "clauses.csv") if r["document"].startswith("8e99c7f3")]
    # The joint motion RC-B10-0249/2025 (HTML): 3 citations, recitals A-C, paragraphs 1-9.
    assert [c["kind"] for c in clauses].count("citation") == 3
    assert [c["label"] for c in clauses if c["kind"] == "recital"] == ["A", "B", "C"]
    assert len([c for c in clauses if c["kind"] == "paragraph"]) == 9
    votes = {r["id"]: r for r in _table(archive, "votes.csv")}
    assert all(v["document"] in documents for v in votes.values())
    finals = [v for v in votes.values() if (v["for"], v["against"], v["abstentions"]) == (
        "516", "3", "34")]  # fmt: skip
    assert finals and all(f["procedure"] == "2025/2691(RSP)" for f in finals)
    members = _table(archive, "member_votes.csv")
    assert members and all(m["vote"] in votes for m in members)
    assert {m["position"] for m in members} <= {"for", "against", "abstention", "did_not_vote"}
    meps = {r["id"] for r in _table(archive, "meps.csv")}
    groups = {r["code"] for r in _table(archive, "groups.csv")}
    memberships = _table(archive, "memberships.csv")
    assert memberships and all(m["person"] in meps for m in memberships)
    assert all(m["group"] in groups for m in memberships)
    procedures = {r["reference"] for r in _table(archive, "procedures.csv")}
    merged = _table(archive, "procedure_votes.csv")
    assert merged and all(v["procedure"] in procedures for v in merged)


def test_the_zip_is_byte_identical_and_carries_its_terms(sample_store: str, tmp_path: Path) -> None:
    first = _export(sample_store, tmp_path / "a.zip")
    _export(sample_store, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    terms = first.read("TERMS.txt").decode("utf-8")
    assert "European Parliament legal notice" in terms
    meta = json.loads(first.read("csv-metadata.json"))
    assert any("legal-notice" in lic["@id"] for lic in meta["dc:license"])
    assert {t.name for t in TABLES} == {u["url"][:-4] for u in meta["tables"]}


def test_csv_needs_an_output_path(sample_store: str) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--db", sample_store])
    assert result.exit_code == 2
