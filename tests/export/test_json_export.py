"""The JSON export: valid against docs/export.schema.json, deterministic, same on both databases."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from whereas.export.json_export import write_export
from whereas.ingest import ingest_paths
from whereas.store import Store

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "export.schema.json").read_text())
SAMPLE = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/odp-procedure_2025-2691.json",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "howtheyvote/press-release_20250204IPR26689.html",
    "text-dumps/document_rc-10-2025-0249-en.txt",
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
    "derived/document_rc-10-2025-0249-en.numbered.docx",
]


def _export(url: str) -> str:
    store = Store.open(url)
    buffer = io.StringIO()
    with store.session() as session:
        write_export(session, buffer)
    store.close()
    return buffer.getvalue()


def _ingest(url: str, paths: list[Path]) -> None:
    store = Store.open(url)
    results = ingest_paths(store, paths)
    store.close()
    assert [r.status for r in results] == ["added"] * len(results), [
        (r.path, r.reason) for r in results if r.status != "added"]


def test_export_of_the_corpus_is_valid_and_byte_identical(corpus: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    _ingest(url, [corpus])
    first, second = _export(url), _export(url)
    assert first == second
    value: dict[str, Any] = json.loads(first)
    jsonschema.validate(value, SCHEMA)
    files = [p for p in corpus.rglob("*") if p.is_file()]
    assert len(value["documents"]) == len(files)
    ids = [d["id"] for d in value["documents"]]
    assert ids == sorted(ids)
    refs = [p["reference"] for p in value["procedures"]]
    assert refs == sorted(refs)
    assert "2025/2691(RSP)" in refs
    by_path = {Path(d["source"]["path"]).name: d for d in value["documents"]}
    georgia = by_path["press-release_20250204IPR26689.html"]
    assert any(d["facts"] for d in value["documents"]), "the facts sources state are exported"
    assert any(d["quotes"] for d in value["documents"]), "so are their quotes"
    assert [v["for"] for v in georgia["votes"]] == [400]


@pytest.mark.postgres
def test_sqlite_and_postgresql_give_the_same_export(
    corpus: Path, tmp_path: Path, new_postgres_database: Callable[[], str]
) -> None:
    paths = [corpus / p for p in SAMPLE]
    sqlite_url = f"sqlite:///{tmp_path / 'store.db'}"
    pg_url = new_postgres_database()
    _ingest(sqlite_url, paths)
    _ingest(pg_url, paths)
    sqlite_export, pg_export = _export(sqlite_url), _export(pg_url)
    jsonschema.validate(json.loads(pg_export), SCHEMA)
    assert sqlite_export == pg_export
