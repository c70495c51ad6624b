"""Ingest streams: folders are walked lazily in sorted order, each result is yielded once its
file is stored and nothing of it is kept after (issue 10)."""

from __future__ import annotations

import gc
import shutil
import weakref
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from whereas.config import Limits
from whereas.ingest import IngestResult, expand_paths, ingest_paths, ingest_stream
from whereas.store import Store, schema

RESOLUTIONS = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def _tricky_tree(root: Path) -> Path:
    """Names whose order by parts differs from their order as strings, case, dots, symlinks."""
    for folder in ("b", "B", "b-c", "a/b", "a.b", ".hidden-folder", "empty"):
        (root / folder).mkdir(parents=True)
    for name in (
        "b.txt", "b/x", "b/.dot", "B/y", "b-c/z", "a/b/c", "a/b.txt", "a.b/d", "a b", "b0",
        "b_c", "Z", "_u", "é", ".hidden", ".hidden-folder/inner",
    ):  # fmt: skip
        (root / name).write_text(name, encoding="utf-8")
    (root / "link-to-folder").symlink_to(root / "b")
    (root / "dangling").symlink_to(root / "nowhere")
    return root


def test_a_folder_is_walked_in_the_order_of_sorted_rglob(tmp_path: Path) -> None:
    root = _tricky_tree(tmp_path / "tree")
    expected = [
        p
        for p in sorted(root.rglob("*"))
        if (not p.is_dir() or p.is_symlink()) and not p.name.startswith(".")
    ]
    walked = list(expand_paths([root, tmp_path / "missing", root / "b.txt"]))
    assert walked == [*expected, tmp_path / "missing", root / "b.txt"]
    names = [p.relative_to(root).as_posix() for p in walked[:6]]
    assert names == [".hidden-folder/inner", "B/y", "Z", "_u", "a/b/c", "a/b.txt"]


def test_the_walk_lists_a_folder_only_when_it_reaches_it(tmp_path: Path) -> None:
    root = _tricky_tree(tmp_path / "tree")
    walk = expand_paths([root])
    assert next(walk) == root / ".hidden-folder" / "inner"
    (root / "b" / "added-later").write_text("late", encoding="utf-8")
    assert root / "b" / "added-later" in list(walk)


@pytest.fixture
def folder(corpus: Path, tmp_path: Path) -> Path:
    """Two resolutions, the first again under another name, and an empty file."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n, name in enumerate(RESOLUTIONS):
        shutil.copyfile(corpus / name, folder / f"{n}-{Path(name).name}")
    shutil.copyfile(corpus / RESOLUTIONS[0], folder / "2-again.html")
    (folder / "3-empty.html").write_bytes(b"")
    return folder


def _stored(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(schema.Document)) or 0


@pytest.mark.parametrize("workers", [0, 1])
def test_a_result_comes_once_its_file_is_stored(folder: Path, tmp_path: Path, workers: int) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    stream = ingest_stream(store, [folder], limits=Limits(workers=workers))
    first = next(stream)
    assert (first.status, _stored(store)) == ("added", 1)
    assert [r.status for r in stream] == ["added", "unchanged", "rejected"]
    assert _stored(store) == 2
    store.close()


@pytest.mark.parametrize("workers", [0, 1])
def test_no_result_is_kept_once_the_caller_drops_it(
    folder: Path, tmp_path: Path, workers: int
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    dropped: list[weakref.ref[object]] = []
    for result in ingest_stream(store, [folder], limits=Limits(workers=workers)):
        dropped.append(weakref.ref(result))
        del result
        gc.collect()
        assert [ref() for ref in dropped] == [None] * len(dropped)
    assert len(dropped) == 4
    store.close()


def test_ingest_paths_lists_the_stream(folder: Path, tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    seen: list[IngestResult] = []
    results = ingest_paths(store, [folder], limits=Limits(workers=0), on_result=seen.append)
    assert [r.status for r in results] == ["added", "added", "unchanged", "rejected"]
    assert seen == results
    store.close()


def test_the_workers_rows_are_stored_as_they_came(folder: Path, tmp_path: Path) -> None:
    """A worker makes each document's rows beside its parse; the writer makes them again only
    when they are not of that parse, and says so (a worker bug made every store slower)."""
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    added = [
        r for r in ingest_stream(store, [folder], limits=Limits(workers=1)) if r.status == "added"
    ]
    assert len(added) == 2
    assert [r.reprepared for r in added] == [False, False]
    store.close()


def test_rows_made_again_are_reported(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from whereas.store.writer import SavedDocument, save_document

    def stale_rows(*args: Any, **kwargs: Any) -> SavedDocument:
        return replace(save_document(*args, **kwargs), reprepared=True)

    monkeypatch.setattr("whereas.ingest.save_document", stale_rows)
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    results = list(ingest_stream(store, [folder], limits=Limits(workers=0)))
    assert [r.reprepared for r in results] == [True, True, False, False]
    assert caplog.text.count("the writer made them again") == 2
    store.close()
