"""A pool the caller owns is left clean when the caller stops an ingest early, and serves the
next run whole."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from whereas.config import Limits
from whereas.ingest import ingest_stream
from whereas.ingest.pool import DocumentPool
from whereas.ingest.stages import Outcome
from whereas.store import Store

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def test_a_stopped_run_leaves_the_callers_pool_without_its_jobs(
    corpus: Path, tmp_path: Path
) -> None:
    paths = [corpus / f for f in FILES]
    with DocumentPool(Limits(workers=1)) as pool:
        first = Store.open(f"sqlite:///{tmp_path / 'first.db'}")
        results = ingest_stream(first, paths, pool=pool)
        next(results)
        results.close()  # type: ignore[attr-defined]  # a generator; the others were submitted
        first.close()
        pool.poll()
        assert not pool._queue and not pool._done
        second = Store.open(f"sqlite:///{tmp_path / 'second.db'}")
        statuses = [r.status for r in ingest_stream(second, paths, pool=pool)]
        second.close()
    assert statuses == ["added", "added", "added"]


def test_a_run_interrupted_while_waiting_leaves_the_callers_pool_without_its_jobs(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C while the file in hand is parsed: its outcome, when it comes, is not kept."""
    paths = [corpus / f for f in FILES]
    with DocumentPool(Limits(workers=1)) as pool:
        store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")

        def interrupted(ticket: int) -> Outcome:
            raise KeyboardInterrupt

        monkeypatch.setattr(pool, "outcome", interrupted)
        with pytest.raises(KeyboardInterrupt):
            next(iter(ingest_stream(store, paths, pool=pool)))
        monkeypatch.undo()
        store.close()
        deadline = time.monotonic() + 120
        pool.poll()  # whatever is still queued starts, and is waited for
        while pool._queue or any(w.job is not None for w in pool._workers):
            assert time.monotonic() < deadline
            pool.poll()
            time.sleep(0.05)
        assert not pool._done
