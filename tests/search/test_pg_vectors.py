"""Nearest vectors on PostgreSQL through the HNSW index: the index is used, filters and the limit
hold, ties go by entry id, and the ranking is the exact one's on a small store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import numpy as np
import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from whereas.parse.records import Clause, ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.search.filters import Filters
from whereas.search.pgvector import _nearest, pg_nearest
from whereas.search.tables import search_entries as e
from whereas.search.vector_index import ensure_vector_indexes, vector_index_name
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, save_document

pytestmark = pytest.mark.postgres

MODEL, DIM, CLAUSES = "test/vectors", 16, 600
VOCABULARY = ["council", "freedom", "press", "prisoners", "election", "torture", "water", "court"]


def _resolution() -> IncomingDocument:
    """One motion of CLAUSES clauses: every tenth a recital, every 150th a citation, and
    clauses 1 and 2 with the same text (one vector for both)."""
    texts = [
        f"clause {VOCABULARY[i % 8]} {VOCABULARY[(i * 5) % 8]} number {i}" for i in range(CLAUSES)
    ]
    texts[2] = texts[1]
    clauses = [
        Clause("citation" if i % 150 == 7 else "recital" if i % 10 == 3 else "paragraph",
               None if i % 150 == 7 else str(i), i, t)
        for i, t in enumerate(texts)
    ]  # fmt: skip
    body = "\n".join(texts)
    recognition = Recognition(
        kind="motion", reference="B9-0998/2021", procedure="2021/2998(RSP)", language="en",
        date=date(2021, 3, 11), title="on vectors",
    )  # fmt: skip
    return IncomingDocument(
        raw=body.encode(),
        read=ReadDocument(format="text", text=body),
        recognition=recognition,
        parsed=ParsedDocument(body=body, clauses=clauses),
        read_at=datetime.now(UTC),
        source_path="invented-vectors.txt",
    )


@pytest.fixture(scope="module")
def vector_store(postgres_server: str) -> Iterator[Store]:
    """A PostgreSQL store with the motion, a seeded vector per clause text, its HNSW index."""
    from .conftest import postgres_url

    store = Store.open(postgres_url(postgres_server))
    with store.session() as session:
        save_document(session, _resolution())
        hashes = sorted(
            set(session.scalars(select(e.c.text_hash).where(e.c.text_hash.is_not(None))))
        )
        rng = np.random.default_rng(11)
        rows = rng.normal(size=(len(hashes), DIM)).astype("<f4")
        session.execute(
            insert(schema.ClauseVector),
            [{"text_hash": h, "model": MODEL, "dim": DIM, "vector": r.tobytes()}
             for h, r in zip(hashes, rows, strict=True)],
        )  # fmt: skip
        assert ensure_vector_indexes(session) == [vector_index_name(MODEL, DIM)]
        assert ensure_vector_indexes(session) == []  # idempotent
        session.commit()
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    yield store
    store.close()


@pytest.fixture
def session(vector_store: Store) -> Iterator[Session]:
    with vector_store.session() as session:
        yield session
        session.rollback()


def _exact(session: Session, query: np.ndarray, keep: Callable[[str | None], bool]) -> list[int]:
    """Entry ids by inner product computed here, ties by id."""
    v = schema.ClauseVector.__table__
    rows = session.execute(
        select(e.c.id, e.c.clause_kind, v.c.vector).join(v, v.c.text_hash == e.c.text_hash)
    ).all()
    scored = [(-float(np.frombuffer(blob, "<f4") @ query), i) for i, k, blob in rows if keep(k)]
    return [i for _, i in sorted(scored)]


def _query(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=DIM).astype(np.float32)


def test_the_nearest_search_walks_the_hnsw_index(session: Session) -> None:
    # 600 rows are cheaper to sort than to walk: the planner is told to avoid that, so the test
    # shows the statement can use the index (its expression and its predicate match).
    session.execute(text("SET LOCAL enable_seqscan = off"))
    statement = _nearest(MODEL, _query(1), [], 20, typed=True)
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    plan = "\n".join(session.scalars(text(f"EXPLAIN {compiled}")))
    assert f"Index Scan using {vector_index_name(MODEL, DIM)}" in plan


def test_nearest_through_the_index_is_the_exact_ranking_here(session: Session) -> None:
    for seed in range(3):
        query = _query(seed)
        found = [r.entry_id for r in pg_nearest(session, MODEL, query, [], 20)]
        assert found == _exact(session, query, lambda kind: True)[:20]


@pytest.mark.parametrize("kind", ["recital", "citation"])  # a tenth of the entries, and 4 of 600
def test_filtered_nearest_keeps_every_filter_and_the_limit(session: Session, kind: str) -> None:
    query = _query(5)
    where = Filters(kinds=(kind,)).where()
    found = pg_nearest(session, MODEL, query, where, 30)
    expected = _exact(session, query, lambda k: k == kind)[:30]
    assert len(found) == min(30, len(expected)) and len(expected) >= 4
    assert [r.entry_id for r in found] == expected
    scores = [r.score for r in found]
    assert scores == sorted(scores, reverse=True)


def test_entries_with_one_vector_come_in_order_of_id(session: Session) -> None:
    v = schema.ClauseVector.__table__
    twin = session.execute(
        select(e.c.text_hash).group_by(e.c.text_hash).having(text("count(*) > 1"))
    ).scalar_one()
    blob = session.scalar(select(v.c.vector).where(v.c.text_hash == twin))
    assert blob is not None
    found = pg_nearest(session, MODEL, np.frombuffer(blob, "<f4").copy(), [], 2)
    ids = sorted(session.scalars(select(e.c.id).where(e.c.text_hash == twin)))
    assert [r.entry_id for r in found] == ids
