"""The counts a store keeps (row_counts, migrations 0011 and 0012) equal the rows it holds,
through ingest, re-ingest, hiding, purging, linking, a change of kind and folding; a statement
that changes no row, or a writer left open, costs the others nothing; a store made before them
upgrades with its counts right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, func, select, text, update
from tests.link.thread_data import PROCEDURE, add_text, joint_motion

from whereas.curation.takedown import hide_document, purge_document
from whereas.ingest import ingest_paths, link_store
from whereas.store import Store, schema
from whereas.store.counts import fold_deltas, pending_deltas
from whereas.store.engine import make_engine
from whereas.store.migrate import alembic_config, current_revision, upgrade
from whereas.store.stats import COUNTED, store_stats
from whereas.views.documents import list_documents
from whereas.views.people import list_groups
from whereas.views.procedures import list_procedures

from .copying import copy_records

FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
)


def _counted_rows(store: Store) -> dict[str, Any]:
    """What the old store_stats counted: COUNT(*) per table, documents per kind."""
    with store.session() as session:
        counts: dict[str, Any] = {
            name: session.scalar(text(f"SELECT count(*) FROM {name}")) for name in COUNTED
        }
        kinds = select(schema.Document.kind, func.count()).group_by(schema.Document.kind)
        counts["documents_by_kind"] = dict(sorted(session.execute(kinds).all()))
    return counts


def _positions_by_group(store: Store) -> dict[str, int]:
    vote = schema.MemberVote
    query = select(vote.group, func.count()).where(vote.group.is_not(None)).group_by(vote.group)
    with store.session() as session:
        return {code: n for code, n in session.execute(query) if code}


def _assert_counts_right(store: Store) -> None:
    with store.session() as session:
        stats = store_stats(session)
        groups = {g.code: g.positions for g in list_groups(session) if g.positions}
        procedures = list_procedures(session, limit=1, offset=0).total
        documents = list_documents(session, limit=1, offset=0).total
        motions = list_documents(session, limit=1, offset=0, kind="joint_motion").total
        hidden = len(list(session.scalars(select(schema.HiddenDocument.document_id))))
    expected = _counted_rows(store)
    assert stats == expected
    assert groups == _positions_by_group(store)
    assert procedures == expected["procedures"]
    assert documents == expected["documents"] - hidden
    assert motions == expected["documents_by_kind"].get("joint_motion", 0) - hidden


def test_counts_follow_ingest_reingest_hide_and_purge(corpus: Path, database_url: str) -> None:
    store = Store.open(database_url)
    try:
        _assert_counts_right(store)  # empty: every count 0
        ingest_paths(store, [corpus / f for f in FILES])
        with store.session() as session:
            stats = store_stats(session)
        assert stats["documents_by_kind"] == {"joint_motion": 1, "news": 1, "roll_call": 1}
        assert stats["clauses"] == 15 and stats["member_votes"] > 0
        _assert_counts_right(store)
        results = ingest_paths(store, [corpus / f for f in FILES])
        assert {r.status for r in results} == {"unchanged"}
        _assert_counts_right(store)
        with store.session() as session:
            motion = session.scalar(
                select(schema.Document.id).where(schema.Document.kind == "joint_motion")
            )
            roll_call = session.scalar(
                select(schema.Document.id).where(schema.Document.kind == "roll_call")
            )
            assert motion is not None and roll_call is not None
            hide_document(session, motion, "curator", "test")
        _assert_counts_right(store)
        with store.session() as session:
            purge_document(session, motion, "curator", "test")
            purge_document(session, roll_call, "curator", "test")
        with store.session() as session:
            stats = store_stats(session)
        assert stats["documents_by_kind"] == {"news": 1}
        assert stats["clauses"] == 0 and stats["member_votes"] == 0
        _assert_counts_right(store)
    finally:
        store.close()


def test_a_store_at_0010_upgrades_with_its_rows_counted(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    ingest_paths(filled, [corpus / f for f in FILES])
    old = make_engine(database_url)
    upgrade(old, "0010")
    copy_records(filled.engine, old)
    upgrade(old, "0011")
    assert current_revision(old) == "0011"
    old.dispose()
    filled.close()
    store = Store.open(database_url)
    try:
        _assert_counts_right(store)
        with store.session() as session:
            assert store_stats(session)["authors"] > 0
    finally:
        store.close()


def _kept_and_pending(store: Store) -> tuple[dict[tuple[str, str], int], int]:
    """row_counts' rows (zeros left out) and how many deltas wait to be folded."""
    with store.session() as session:
        kept = session.execute(
            select(schema.RowCount.counted, schema.RowCount.value, schema.RowCount.n)
        )
        return {(c, v): n for c, v, n in kept if n}, pending_deltas(session)


def test_counts_follow_linking_a_change_of_kind_and_folding(
    corpus: Path, database_url: str
) -> None:
    store = Store.open(database_url)
    try:
        ingest_paths(store, [corpus / f for f in FILES])
        with store.session() as session:  # the text adopted of the joint motion: lineage links
            _, clauses = joint_motion(session)
            add_text(
                session,
                kind="text_adopted",
                reference="P10_TA(2025)0096",
                procedure=PROCEDURE,
                title="text adopted",
                day=date(2025, 5, 8),
                clauses=clauses,
            )
        link_store(store)
        link_store(store)  # links replaced: deleted and inserted again
        _assert_counts_right(store)
        assert _kept_and_pending(store)[1] == 0  # link_store folded its deltas
        with store.session() as session:
            assert store_stats(session)["links"] > 0
            session.execute(
                update(schema.Document)
                .where(schema.Document.kind == "joint_motion")
                .values(kind="resolution")
            )
        _assert_counts_right(store)
        with store.session() as session:
            assert store_stats(session)["documents_by_kind"]["resolution"] == 1
            fold_deltas(session)
        kept, pending = _kept_and_pending(store)
        assert pending == 0
        assert kept[("documents.kind", "resolution")] == 1
        assert ("documents.kind", "joint_motion") not in kept
        _assert_counts_right(store)
    finally:
        store.close()


def test_a_statement_that_changes_no_row_writes_no_delta(corpus: Path, database_url: str) -> None:
    store = Store.open(database_url)
    try:
        ingest_paths(store, [corpus / f for f in FILES])
        store.fold_counts()
        before = _kept_and_pending(store)
        with store.session() as session:
            session.execute(delete(schema.Link).where(schema.Link.id < 0))
            session.execute(text("INSERT INTO links SELECT * FROM links WHERE 1 = 0"))
            session.execute(update(schema.Document).values(kind=schema.Document.kind))
            session.execute(update(schema.MemberVote).values(person_id=schema.MemberVote.person_id))
            session.execute(update(schema.MemberVote).values(group=schema.MemberVote.group))
        assert _kept_and_pending(store) == before == (before[0], 0)
    finally:
        store.close()


@pytest.mark.postgres
def test_an_ingest_run_and_a_writer_with_many_deltas_fold_them(
    corpus: Path, new_postgres_database: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(new_postgres_database())
    try:
        ingest_paths(store, [corpus / f for f in FILES])  # dozens of deltas a document
        assert _kept_and_pending(store)[1] == 0
        monkeypatch.setattr("whereas.store.counts.MANY_DELTAS", 5)
        monkeypatch.setattr("whereas.store.store.FOLD_CHECK_EVERY", 1)
        with store.session() as session:
            for position in range(1, 7):  # six statements, six deltas
                session.execute(delete(schema.Clause).where(schema.Clause.position == position))
        assert _kept_and_pending(store)[1] == 0
        _assert_counts_right(store)
    finally:
        store.close()


@pytest.mark.postgres
def test_a_long_writer_holds_no_counter_others_wait_for(
    corpus: Path, new_postgres_database: Callable[[], str]
) -> None:
    store = Store.open(new_postgres_database())
    try:
        ingest_paths(store, [corpus / FILES[0]])
        store.fold_counts()
        with store.engine.connect() as long_writer, store.engine.connect() as other:
            long_writer.execute(text("DELETE FROM clauses WHERE position = 1"))  # not committed
            other.execute(text("SET lock_timeout = '5s'"))
            other.execute(text("DELETE FROM clauses WHERE position = 2"))  # waited before (0011)
            other.commit()
            with store.session() as session:
                assert fold_deltas(session) == 1  # the committed delta, not the pending one
            long_writer.commit()
        _assert_counts_right(store)
        assert _kept_and_pending(store)[1] == 1
        _assert_counts_right(store)
    finally:
        store.close()


def test_a_store_at_0011_upgrades_with_its_rows_counted_again(
    corpus: Path, tmp_path: Path, database_url: str
) -> None:
    filled = Store.open(f"sqlite:///{tmp_path / 'head.db'}")
    ingest_paths(filled, [corpus / f for f in FILES])
    old = make_engine(database_url)
    upgrade(old, "0011")
    copy_records(filled.engine, old)
    with old.begin() as connection:  # a count 0011 got wrong (a commit while it counted)
        connection.execute(text("UPDATE row_counts SET n = n + 7 WHERE counted = 'clauses'"))
    upgrade(old, "0012")
    assert current_revision(old) == "0012"
    old.dispose()
    filled.close()
    store = Store.open(database_url)
    try:
        _assert_counts_right(store)
        ingest_paths(store, [corpus / "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml"])
        link_store(store)
        _assert_counts_right(store)
        config = alembic_config()
        with store.engine.begin() as connection:  # and back: the deltas folded in, 0011's triggers
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
        assert current_revision(store.engine) == "0011"
        with store.engine.begin() as connection:
            connection.execute(
                text("DELETE FROM authors WHERE id IN (SELECT min(id) FROM authors)")
            )
            totals = text("SELECT counted, n FROM row_counts WHERE value = ''")
            kept: dict[str, int] = dict(connection.execute(totals).all())
            tables = {
                name: connection.scalar(text(f"SELECT count(*) FROM {name}")) for name in COUNTED
            }
        assert kept == tables
    finally:
        store.close()
