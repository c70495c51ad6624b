"""The bar of `whereas ingest` counts the files in the background: the first file is stored
before the counting walk is done, and the walk keeps no list of paths."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from whereas.cli import app
from whereas.ingest import IngestResult, expand_paths

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def test_ingesting_starts_before_the_bar_has_counted_the_files(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = threading.Event()
    seen: list[str] = []

    def waiting_walk(paths: Iterable[Path]) -> Iterator[Path]:
        # The bar's count: it cannot finish until a file was stored (or 60 s have gone by).
        seen.append("walk started")
        yield from expand_paths(paths)
        seen.append("stored first" if stored.wait(60) else "walk done first")

    def report(result: IngestResult, quiet: bool) -> None:
        stored.set()

    def shown_progress(quiet: bool, as_json: bool) -> Progress:
        console = Console(file=io.StringIO(), force_terminal=True)
        return Progress(console=console, disable=False)

    module = sys.modules["whereas.cli.app"]  # whereas.cli.app is also the Typer app's name
    monkeypatch.setattr(module, "expand_paths", waiting_walk)
    monkeypatch.setattr(module, "_report", report)
    monkeypatch.setattr(module, "_ingest_progress", shown_progress)
    paths = [str(corpus / f) for f in FILES]
    db = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(app, ["ingest", *paths, "--db", db, "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert seen == ["walk started", "stored first"]
