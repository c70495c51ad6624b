"""The counts a store keeps (row_counts, migration 0011) equal the rows it holds, through ingest,
re-ingest, hiding and purging, and a store made before them upgrades with its counts right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from whereas.curation.takedown import hide_document, purge_document
from whereas.ingest import ingest_paths
from whereas.store import Store, schema
from whereas.store.engine import make_engine
from whereas.store.migrate import current_revision, upgrade
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
