"""Storing a document appends one row_count_deltas row per counted value and table on
PostgreSQL, not one per row inserted: its rows go in one COPY a table, whose statement
triggers fire once (psycopg's executemany ran one statement, and one trigger, a row). The
counts stay exact once folded; SQLite's row triggers leave no deltas at all."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from whereas.parse import parse_document
from whereas.read import read_bytes
from whereas.recognize import recognize
from whereas.store import Store, schema
from whereas.store.stats import COUNTED, row_counts, store_stats
from whereas.store.writer import IncomingDocument, save_document

ROLL_CALL = "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml"


def _incoming(path: Path) -> IncomingDocument:
    raw = path.read_bytes()
    read = read_bytes(raw, name=str(path))
    recognition = recognize(read, name=str(path))
    parsed = parse_document(read, recognition)
    return IncomingDocument(raw, read, recognition, parsed, datetime.now(UTC), str(path))


def test_one_delta_per_counted_value(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    with store.session() as session:
        save_document(session, _incoming(corpus / ROLL_CALL))
    delta = schema.RowCountDelta
    with store.session() as session:
        member_votes = session.scalar(select(func.count()).select_from(schema.MemberVote))
        votes = session.scalar(select(func.count()).select_from(schema.Vote))
        per_value = session.execute(
            select(delta.counted, delta.value, func.count()).group_by(delta.counted, delta.value)
        ).all()
    assert member_votes and votes and member_votes > 100  # a real roll call
    if store.dialect == "sqlite":
        assert per_value == []
    else:
        repeated = {(c, v): n for c, v, n in per_value if n > 1}
        assert not repeated
        counted = {c for c, v, _ in per_value if v == ""}
        assert {"documents", "member_votes", "votes"} <= counted
    store.fold_counts()
    with store.session() as session:
        stats = store_stats(session)
        for table in COUNTED:
            assert stats[table] == session.scalar(text(f"SELECT count(*) FROM {table}")), table
        grouped = select(schema.MemberVote.group, func.count()).group_by(schema.MemberVote.group)
        by_group = {g: n for g, n in session.execute(grouped) if g is not None}
        assert row_counts(session, "member_votes.group") == by_group
        assert session.scalar(select(func.count()).select_from(delta)) == 0
    store.close()
