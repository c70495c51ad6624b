"""Concurrency tests: a folder of distinct resolutions for an ingest to write (the bench
package beside the project, its loopback load driver, is importable: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED_FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


@pytest.fixture
def seed_files(corpus: Path) -> list[Path]:
    """Corpus files a store holds before the concurrent ingest starts."""
    return [corpus / name for name in SEED_FILES]


@pytest.fixture
def incoming(corpus: Path, tmp_path: Path) -> Path:
    """A folder of renumbered resolutions (distinct documents) for the concurrent ingest."""
    from bench.ingest import scale_corpus

    folder = tmp_path / "incoming"
    folder.mkdir()
    scale_corpus(folder, 6)
    return folder
