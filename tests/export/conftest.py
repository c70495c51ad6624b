"""A store built from a sample of the real corpus, shared by the tests of every export format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from whereas.ingest import ingest_paths
from whereas.store import Store

# Resolutions in several containers, votes with per-MEP positions, people with their groups,
# procedure files, press releases and news: every kind of record each export writes.
EXPORT_SAMPLE = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/odp-procedure_2025-2691.json",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "howtheyvote/rcv_list_pv-9-2020-07-23-rcv-fr.xml",
    "howtheyvote/member_groups_weber_term_10.html",
    "howtheyvote/oeil-procedure-file_2021-2540-rsp.html",
    "howtheyvote/oeil-document-summary_1651118.html",
    "howtheyvote/press-release_20250204IPR26689.html",
    "text-dumps/document_rc-10-2025-0249-en.txt",
    "derived/document_rc-10-2025-0249-en.numbered.docx",
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
    "mepwatch/cards/127836.json",
    "mepwatch/cards/127836.csv",
]


def build_sample_store(url: str, corpus: Path) -> None:
    """Ingest the export sample into the store at `url` and check every file was stored."""
    store = Store.open(url)
    try:
        results = ingest_paths(store, [corpus / p for p in EXPORT_SAMPLE])
    finally:
        store.close()
    rejected = [(r.path, r.reason) for r in results if r.status == "rejected"]
    assert not rejected, rejected


@pytest.fixture(scope="session")
def sample_store_builder() -> Callable[[str, Path], None]:
    """The function that fills a store with the export sample."""
    return build_sample_store


@pytest.fixture(scope="session")
def sample_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a SQLite store holding the export sample (built once per worker)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export-sample') / 'store.db'}"
    build_sample_store(url, corpus)
    return url
