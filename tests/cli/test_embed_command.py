"""`whereas embed` gives every indexed text a vector once."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from whereas.cli import app
from whereas.embed import default_embedder

runner = CliRunner()


def test_embed_fills_missing_vectors_once(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WHEREAS_EMBEDDER", "lexical")
    default_embedder.cache_clear()
    db = f"sqlite:///{tmp_path / 'store.db'}"
    path = corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html"
    assert runner.invoke(app, ["ingest", "--db", db, "-q", str(path)]).exit_code == 0
    first = runner.invoke(app, ["embed", "--db", db])
    assert first.exit_code == 0, first.stderr
    embedded = int(first.stdout.split()[0])
    assert embedded >= 15  # the joint motion's 15 clauses, and its passage
    again = runner.invoke(app, ["embed", "--db", db])
    assert again.stdout.split()[0] == "0"
    default_embedder.cache_clear()
