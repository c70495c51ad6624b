"""Links replaced by linking are deleted a bounded batch at a time (issue 10).

links has a DELETE trigger (the row counts), so SQLite deletes from it in two passes: it first
collects the id of every row the statement removes, about 30 bytes each held to its end. The
repeats' partial links (a demand about several countries, the best of each bucket) were
deleted in one statement, 285,551 of them at 10,000 scale documents (11.4 MB of SQLite's memory,
912,029 at 30,000), and a re-run deleted every repeats link of the store in one statement.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from whereas.embed import LexicalEmbedder
from whereas.link import batched
from whereas.link.batched import delete_batched
from whereas.link.thread.repeat_links import PARTIAL, link_repeats
from whereas.store import Store, schema

from .thread_data import Made, add_text, real_clauses

BATCH = 7
PROCEDURES = 24


@pytest.fixture(scope="module")
def demands(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[Made]:
    """Operative paragraphs of the real joint motion."""
    clauses = real_clauses(tmp_path_factory.mktemp("jm"), corpus)
    return [c for c in clauses if c.kind in ("paragraph", "point")][:4]


class Deletes:
    """The rows each DELETE sent on links removed."""

    def __init__(self) -> None:
        self.removed: list[int] = []

    def after(self, _conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("DELETE FROM LINKS"):
            self.removed.append(int(cursor.rowcount))


def _store(folder: Path, demands: list[Made]) -> Store:
    """Joint motions each about two countries: their demands are in two buckets (partials)."""
    store = Store.open(f"sqlite:///{folder / 'two.db'}")
    with store.session() as session:
        for n in range(PROCEDURES):
            add_text(
                session,
                kind="joint_motion",
                reference=f"RC-B9-{n:04d}/2021",
                procedure=f"2021/{n:04d}(RSP)",
                title="on the human rights situation in Belarus and in Nicaragua",
                day=date(2021, 1, 4) + timedelta(days=n),
                clauses=demands,
            )
    return store


def _links(store: Store) -> list[tuple[Any, ...]]:
    link = schema.Link
    with store.session() as session:
        query = select(link.from_document, link.from_clause, link.to_document, link.to_clause)
        rows = session.execute(query.add_columns(link.score, link.label, link.method))
        return sorted(tuple(row) for row in rows)


def test_repeats_delete_partial_and_earlier_links_a_batch_at_a_time(
    tmp_path: Path, demands: list[Made], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, demands)
    with store.session() as session:
        written = link_repeats(session, LexicalEmbedder())
    first = _links(store)
    monkeypatch.setattr(batched, "DELETE_BATCH", BATCH, raising=False)
    deletes = Deletes()
    event.listen(store.engine, "after_cursor_execute", deletes.after)
    with store.session() as session:  # a re-run: the links of the first go, then the partial
        assert link_repeats(session, LexicalEmbedder()) == written
    event.remove(store.engine, "after_cursor_execute", deletes.after)
    again = _links(store)
    store.close()
    assert written > BATCH and all(method != PARTIAL for *_, method in first)
    assert sum(deletes.removed) > written  # the first run's links and the partial ones
    assert max(deletes.removed) <= BATCH  # before: one DELETE for each kind, all its rows
    assert again == first


def test_delete_batched_removes_only_the_rows_asked_each_statement_bounded(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'links.db'}")
    deletes = Deletes()
    with store.session() as session:
        doc = add_text(
            session,
            kind="joint_motion",
            reference="RC-B9-0001/2021",
            procedure="2021/0001(RSP)",
            title="on Belarus",
            day=date(2021, 1, 4),
            clauses=[],
        )
        for n in range(30):
            session.add(
                schema.Link(
                    type="t",
                    from_document=doc,
                    to_document=doc,
                    from_clause=n,
                    method="gone" if n % 3 else "kept",
                )
            )
        session.flush()
        event.listen(store.engine, "after_cursor_execute", deletes.after)
        removed = delete_batched(session, schema.Link, schema.Link.method == "gone", batch=BATCH)
        event.remove(store.engine, "after_cursor_execute", deletes.after)
        left = session.scalars(select(schema.Link.method)).all()
    store.close()
    assert removed == 20 == sum(deletes.removed)
    assert deletes.removed == [7, 7, 6]
    assert left == ["kept"] * 10
