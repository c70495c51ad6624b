"""A `whereas ingest` that stops part way: its --json stays one JSON document, it says what is
left unlinked, and `whereas link` links it; a folder gone during the walk is reported."""

from __future__ import annotations

import importlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from whereas.cli import app as cli_app
from whereas.ingest import IngestResult, expand_paths, ingest_stream
from whereas.store import Store, schema

runner = CliRunner()
RESOLUTION = "howtheyvote/document_rc-10-2025-0249-en.html"


def _linked(db: str) -> int:
    """What the people linker found to say about the authors' names (linking writes it)."""
    store = Store.open(db)
    with store.session() as session:
        issues = select(func.count()).select_from(schema.PersonNameIssue)
        counted = int(session.scalar(issues) or 0)
    store.close()
    return counted


def test_a_run_that_stops_keeps_its_json_whole_and_link_links_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    module = importlib.import_module("whereas.cli.app")  # whereas.cli.app is also the Typer app

    def failing(*args: object, **kwargs: object) -> Iterator[IngestResult]:
        yield from ingest_stream(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("the disk went away")

    monkeypatch.setattr(module, "ingest_stream", failing)
    result = runner.invoke(cli_app, ["ingest", "--db", db, "--json", str(corpus / RESOLUTION)])
    assert result.exit_code != 0 and isinstance(result.exception, OSError)
    document = json.loads(result.stdout)
    assert document["interrupted"] is True and document["added"] == 1
    assert [f["status"] for f in document["files"]] == ["added"]
    assert "1 documents were stored but not linked" in result.stderr
    assert _linked(db) == 0
    linked = runner.invoke(cli_app, ["link", "--db", db])
    assert linked.exit_code == 0, linked.output
    assert _linked(db) > 0


def test_a_folder_gone_during_the_walk_is_reported(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text("whereas")
    walk = expand_paths([tmp_path])
    assert next(walk) == tmp_path / "a" / "x.txt"
    shutil.rmtree(tmp_path / "b")
    assert list(walk) == [tmp_path / "b"]  # ingest rejects it: it does not exist
