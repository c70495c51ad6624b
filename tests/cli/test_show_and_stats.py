"""`whereas show` finds a record by any of its names; `whereas stats` counts the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whereas.cli import app

runner = CliRunner()
FILES = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "text-dumps/document_rc-10-2025-0249-en.txt",
    "howtheyvote/odp-procedure_2025-2691.json",
]


@pytest.fixture
def db(corpus: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(app, ["ingest", "--db", url, "-q", *(str(corpus / f) for f in FILES)])
    assert result.exit_code == 0, result.stderr
    return url


@pytest.mark.parametrize("name", ["RC-B10-0249/2025", "RC-10-2025-0249", "rc-b10-0249/2025"])
def test_show_a_joint_motion_by_any_form_of_its_reference(db: str, name: str) -> None:
    result = runner.invoke(app, ["show", "--db", db, "--json", name])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["reference"] == "RC-B10-0249/2025"
    assert sorted(d["format"] for d in record["documents"]) == ["html", "text"]
    assert all(d["kind"] == "joint_motion" for d in record["documents"])


def test_show_a_procedure_lists_its_documents(db: str) -> None:
    result = runner.invoke(app, ["show", "--db", db, "2025/2691(RSP)"])
    assert result.exit_code == 0, result.stderr
    assert "2025/2691(RSP)" in result.stdout
    assert "joint_motion" in result.stdout and "RC-B10-0249/2025" in result.stdout


def test_show_something_unknown_exits_1(db: str) -> None:
    result = runner.invoke(app, ["show", "--db", db, "B9-9999/2030"])
    assert result.exit_code == 1
    assert "B9-9999/2030" in result.stderr


def test_stats_counts_documents_by_kind(db: str) -> None:
    result = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert counts["documents"] == 3
    assert counts["documents_by_kind"]["joint_motion"] == 2
