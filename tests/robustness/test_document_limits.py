"""Time and memory limits per document: a document that reads too long, that eats too much
memory, or whose worker process dies is rejected with the reason; the files after it are still
stored, nothing of it is, and no worker outlives the process that started it."""

from __future__ import annotations

import ctypes
import faulthandler
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fuzz.store_checks import row_counts, store_problems
from typer.testing import CliRunner

from whereas.cli import app
from whereas.config import Limits
from whereas.ingest import IngestResult, ingest_bytes, ingest_paths
from whereas.ingest.pool import DocumentPool
from whereas.ingest.stages import Outcome, read_and_parse
from whereas.store import Store

GOOD = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "text-dumps/press-release_20190712IPR56948.txt",
]


def flat_html(paragraphs: int = 500_000) -> bytes:
    """Real pathological input: sibling paragraphs by the hundred thousand. The HTML reader
    takes minutes (each block's XPath counts the siblings before it), and even a linear one
    would need seconds: far past a one-second limit either way."""
    return b"<html><body>" + b"<p>whereas x</p>\n" * paragraphs


def numbered_lines(lines: int = 300_000) -> bytes:
    """Real input that needs far more than 100 MB to read (16 MB of numbered paragraphs)."""
    return b"1. Calls on the authorities to release the human rights defenders;\n" * lines


def _folder(corpus: Path, tmp_path: Path, name: str, data: bytes) -> list[Path]:
    """A good file, the bad one, another good file: in that order."""
    paths = []
    for index, part in enumerate([GOOD[0], name, GOOD[1]]):
        target = tmp_path / f"{index}-{Path(part).name}"
        if part == name:
            target.write_bytes(data)
        else:
            shutil.copyfile(corpus / part, target)
        paths.append(target)
    return paths


def _check_store(store: Store, results: list[IngestResult], reason: str) -> None:
    assert [r.status for r in results] == ["added", "rejected", "added"]
    assert results[1].reason == reason
    assert row_counts(store.engine)["documents"] == 2
    assert store_problems(store.engine) == []


def test_a_document_that_reads_too_long_is_stopped_and_the_run_goes_on(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    paths = _folder(corpus, tmp_path, "flat.html", flat_html())
    store = Store.open(database_url)
    try:
        results = ingest_paths(store, paths, limits=Limits(max_seconds=1, workers=2))
        _check_store(store, results, "took longer than 1 s to read and parse: stopped")
    finally:
        store.close()


def test_a_document_that_needs_too_much_memory_is_stopped_and_the_run_goes_on(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    paths = _folder(corpus, tmp_path, "lines.txt", numbered_lines())
    store = Store.open(database_url)
    try:
        results = ingest_paths(store, paths, limits=Limits(max_memory_mb=100, workers=2))
        _check_store(store, results, "used more than 100 MB of memory to read and parse: stopped")
    finally:
        store.close()


def _kill_when_on(pool: DocumentPool, name: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            busy = [pid for pid, doc in pool.pids().items() if doc == name]
        except ValueError:  # a worker closed while being looked at
            busy = []
        if busy:
            time.sleep(0.2)  # well into the document
            os.kill(busy[0], signal.SIGKILL)
            return
        time.sleep(0.02)


def test_a_worker_killed_mid_document_rejects_that_document_only(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    paths = _folder(corpus, tmp_path, "flat.html", flat_html())
    store = Store.open(database_url)
    try:
        with DocumentPool(Limits(max_seconds=60), workers=2) as pool:
            killer = threading.Thread(target=_kill_when_on, args=(pool, str(paths[1])))
            killer.start()
            results = ingest_paths(store, paths, pool=pool)
            killer.join()
        reason = "the process reading and parsing it was killed by SIGKILL"
        assert results[1].reason is not None and results[1].reason.startswith(reason)
        _check_store(store, results, results[1].reason)
    finally:
        store.close()


def crashing_stage(raw: bytes, name: str, limits: Limits) -> Outcome:
    """A C library's crash, as in a segfault of a reader (the worker reads address 0)."""
    if name.endswith("crash.html"):
        faulthandler.disable()  # pytest's would print every thread's stack on the way down
        ctypes.string_at(0)
    return read_and_parse(raw, name, limits)


def test_a_crash_in_c_code_rejects_that_document_only(corpus: Path, tmp_path: Path) -> None:
    paths = _folder(corpus, tmp_path, "crash.html", b"<html><body><p>any</p></body></html>")
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        with DocumentPool(workers=1, stage=crashing_stage) as pool:
            results = ingest_paths(store, paths, pool=pool)
            assert pool.stats.replaced == 1
        reason = "the process reading and parsing it was killed by SIGSEGV: stopped"
        _check_store(store, results, reason)
    finally:
        store.close()


def test_a_single_document_gets_the_limits_too(tmp_path: Path, corpus: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        slow = ingest_bytes(store, flat_html(), name="flat.html", limits=Limits(max_seconds=1))
        assert (slow.status, slow.reason) == (
            "rejected",
            "took longer than 1 s to read and parse: stopped",
        )
        good = ingest_bytes(store, (corpus / GOOD[0]).read_bytes(), name="rc.html")
        assert (good.status, good.kind) == ("added", "joint_motion")
    finally:
        store.close()


def test_the_command_takes_the_limits_as_options(corpus: Path, tmp_path: Path) -> None:
    paths = _folder(corpus, tmp_path, "flat.html", flat_html())
    db = f"sqlite:///{tmp_path / 's.db'}"
    result = CliRunner().invoke(
        app, ["ingest", "--db", db, "--quiet", "--timeout", "1", "--workers", "2", *map(str, paths)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"whereas: rejected {paths[1]}: took longer than 1 s to read and parse: stopped\n"
    )
    assert "3 files: 2 added, 0 unchanged, 1 rejected" in result.stdout


def test_pipelined_ingest_stores_what_an_ingest_in_process_does(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    names = [
        "howtheyvote/document_rc-10-2025-0249-en.html",
        "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
        "howtheyvote/document_rc-10-2025-0249-en.html",  # the same bytes twice
        "derived/document_rc-10-2025-0249-en.print.pdf",
        "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
        "text-dumps/press-release_20190712IPR56948.txt",
        "votes-export/main-votes-term10.csv",
        "howtheyvote/odp-document_rc-10-2025-0249.json",
    ]
    paths = [corpus / n for n in names] + [tmp_path / "missing.html"]

    def run(url: str, workers: int) -> tuple[list[tuple[object, ...]], dict[str, int]]:
        store = Store.open(url)
        try:
            results = ingest_paths(store, paths, limits=Limits(workers=workers))
            return [
                (r.path, r.status, r.document_id, r.kind, r.reference, r.version, r.warnings)
                for r in results
            ], row_counts(store.engine)
        finally:
            store.close()

    here, here_rows = run(f"sqlite:///{tmp_path / 'here.db'}", 0)
    pipelined, rows = run(database_url, 2)
    assert pipelined == here
    assert rows == {table: here_rows[table] for table in rows}  # SQLite has its FTS tables too
    assert [r[1] for r in pipelined][2:4] == ["unchanged", "added"]
    assert pipelined[-1][1] == "rejected"


_PARENT = """
import sys
from pathlib import Path
from whereas.config import Limits
from whereas.ingest import ingest_paths
from whereas.store import Store

store = Store.open(sys.argv[1])
ingest_paths(store, [Path(sys.argv[2])], limits=Limits(max_seconds=600, workers=2))
"""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_parent_killed_mid_document(tmp_path: Path) -> None:
    slow = tmp_path / "flat.html"
    slow.write_bytes(flat_html())
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, f"sqlite:///{tmp_path / 's.db'}", str(slow)],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while not workers and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = _children(parent.pid)
        assert workers, "no worker started"
        time.sleep(1.0)  # the worker is deep in the document (in the C parts of lxml)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
