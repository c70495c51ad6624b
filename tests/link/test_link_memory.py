"""Linking holds a window of the store, never the store: its memory is flat in the store's size.

Stores of N and 4N procedures (the real joint motion's demands, renumbered) are linked with small
windows, so that every bounded structure (window of demands, vectors, pages, batches) is full at
N already; what linking holds beyond them would grow with the store (issue 10: the repeats'
buckets of every procedure took about 300 bytes a procedure).
"""

from __future__ import annotations

import gc
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from whereas.embed import LexicalEmbedder
from whereas.link import batched
from whereas.link.thread import repeat_links, repeats, scoring, texts
from whereas.link.thread.demands import is_demand
from whereas.link.thread.repeat_links import link_repeats
from whereas.store import Store

from .thread_data import Made, add_text, real_clauses

COUNTRIES = ("Belarus", "Nicaragua", "Iran", "Myanmar")
SMALL, LARGE = 150, 600


@pytest.fixture(scope="module")
def demands(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[Made]:
    """Three operative paragraphs of the real joint motion."""
    clauses = real_clauses(tmp_path_factory.mktemp("jm"), corpus)
    return [c for c in clauses if is_demand(c.kind, c.verbs)][:3]


def _store(folder: Path, procedures: int, demands: list[Made]) -> Store:
    store = Store.open(f"sqlite:///{folder / f'{procedures}.db'}")
    with store.session() as session:
        for n in range(procedures):
            add_text(
                session,
                kind="joint_motion",
                reference=f"RC-B9-{n:04d}/2021",
                procedure=f"2021/{n:04d}(RSP)",
                title=f"on the human rights situation in {COUNTRIES[n % len(COUNTRIES)]}",
                day=date(2021, 1, 4) + timedelta(days=n // 8),
                clauses=demands,
            )
    return store


class HeldBytes:
    """The most bytes Python holds (traced, garbage collected) when linking sends a statement,
    every `every` statements."""

    def __init__(self, every: int = 10) -> None:
        self.most = 0
        self._every = every
        self._sent = 0

    def sample(self, *_: Any) -> None:
        """Called before a statement is sent."""
        self._sent += 1
        if self._sent % self._every == 0:
            gc.collect()
            self.most = max(self.most, tracemalloc.get_traced_memory()[0])


def _held_by_repeats(store: Store) -> int:
    """The most bytes held while the repeats of the store are linked (allocated since start)."""
    held = HeldBytes()
    event.listen(store.engine, "before_cursor_execute", held.sample)
    with store.session() as session:
        gc.collect()
        tracemalloc.start()
        try:
            assert link_repeats(session, LexicalEmbedder()) > 0
        finally:
            tracemalloc.stop()
            event.remove(store.engine, "before_cursor_execute", held.sample)
    return held.most


def test_linking_repeats_holds_as_much_for_four_times_the_store(
    tmp_path: Path, demands: list[Made], monkeypatch: pytest.MonkeyPatch
) -> None:
    for module, name, value in [
        (repeats, "MAX_CANDIDATES", 3),
        (repeats, "MAX_SCANNED", 12),
        (repeat_links, "TEXTS_PER_READ", 4),
        (repeat_links, "VECTOR_CACHE", 16),
        (scoring, "AHEAD", 4),  # demands read ahead for the model's batches: a window too
        (repeat_links, "ROW_PAGE", 20),
        (texts, "PROCEDURE_BATCH", 10),
        (batched, "ROW_PAGE", 20),
        (batched, "INSERT_BATCH", 20),
    ]:
        monkeypatch.setattr(module, name, value)
    small, large = _store(tmp_path, SMALL, demands), _store(tmp_path, LARGE, demands)
    for store in (small, large):  # the first run fills each engine's caches of statements
        _held_by_repeats(store)
    grown = _held_by_repeats(large) - _held_by_repeats(small)  # the links replaced, as on a re-run
    small.close()
    large.close()
    # A structure of the store's procedures would hold 100 bytes or more each (its id alone is
    # 64 characters); the bounded ones are full at SMALL already.
    assert grown < 100 * (LARGE - SMALL), f"{grown} bytes more for {LARGE - SMALL} procedures"
