"""whereas_bm25, the ranking function built from C (whereas.store.native): the same scores as
FTS5's bm25(search_fts, 1.0, 0.0), from counts whereas keeps and lengths its rowids hold."""

from __future__ import annotations

import math
import shutil
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search import engine, frequencies, fts_rank, remove_document, search
from whereas.search.frequencies import phrases
from whereas.search.fts5 import BAND_SHIFT, entry_id, labels_column
from whereas.store import Store, native, schema
from whereas.store.writer import save_document

from .conftest import INVENTED_SOURCE, fill_store, invented_resolution

built = pytest.mark.skipif(
    not native.LIBRARY.is_file(), reason="whereas_bm25 is not built here (no C compiler)"
)


def test_make_setup_builds_it_where_a_compiler_is() -> None:
    # The skips below must never hide a broken build: where `make setup` can compile the
    # library (a C compiler and SQLite's headers, as on CI), it is built and it works.
    if shutil.which("cc") and Path("/usr/include/sqlite3ext.h").is_file():
        assert native.LIBRARY.is_file()
        assert native.available()


# -- the function itself, on a bare FTS5 table ---------------------------------------------

WORDS = ["child", "right", "human", "state", "member", "tortur", "release", "the"]
MATCHES = [  # as compile_match and fts_match write them: every phrase quoted
    'terms : "child"',
    'terms : ("child" OR "right")',
    'terms : ("child" AND "human")',
    'terms : (("child") NOT "state")',
    'terms : "human right"',
    'terms : "tort"*',
    'terms : ("child" OR "state") AND labels : ("c1" OR "c2")',
    'terms : "human" AND labels : "rhuman"',
]


def _table(rows: list[tuple[list[str], list[str]]]) -> sqlite3.Connection:
    native.register()
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(terms, labels)")
    for sequence, (terms, labels) in enumerate(rows):
        column = labels_column(terms, labels)
        length = column.count(" ") + 1 if column else 0
        connection.execute(
            "INSERT INTO t(rowid, terms, labels) VALUES (?, ?, ?)",
            (entry_id(sequence, len(terms), length), " ".join(terms), column),
        )
    return connection


def _counts(connection: sqlite3.Connection, match: str) -> bytes:
    """Each phrase of the terms part of `match` counted (labels weigh nothing: left out)."""
    terms = match.split(" AND labels")[0].removeprefix("terms : ")
    count = "SELECT count(*) FROM t WHERE t MATCH ?"
    found = [connection.execute(count, (f"terms : {p}",)).fetchone()[0] for p in phrases(terms)]
    assert found, match
    return struct.pack(f"{len(found)}d", *found)


def _scores(
    connection: sqlite3.Connection, function: str, match: str, *args: object
) -> list[float]:
    query = f"SELECT {function} FROM t WHERE t MATCH ? ORDER BY rowid"
    return [row[0] for row in connection.execute(query, (*args, match))]


rows_strategy = st.lists(
    st.tuples(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
        st.lists(st.sampled_from(["c1", "c2", "k3"]), max_size=3),
    ),
    min_size=1,
    max_size=40,
)


@built
@settings(max_examples=40, deadline=None)
@given(rows=rows_strategy)
def test_whereas_bm25_scores_as_bm25_to_the_bit(rows: list[tuple[list[str], list[str]]]) -> None:
    connection = _table(rows)
    for match in MATCHES:
        expected = _scores(connection, "bm25(t, 1.0, 0.0)", match)
        counts = _counts(connection, match)
        # Counting each phrase itself, given the counts, given the lengths too, and with rows of
        # 20 tokens or more (a small max_band) read from %_docsize.
        assert _scores(connection, "whereas_bm25(t)", match) == expected, match
        assert _scores(connection, "whereas_bm25(t, ?)", match, counts) == expected, match
        with_lengths = "whereas_bm25(t, ?, ?, ?)"
        assert _scores(connection, with_lengths, match, counts, BAND_SHIFT, 1023) == expected
        assert _scores(connection, with_lengths, match, counts, BAND_SHIFT, 20) == expected


@built
def test_a_phrase_given_a_negative_count_or_left_out_weighs_nothing() -> None:
    connection = _table([(["child", "human"], []), (["child", "child", "state"], ["c1"])])
    match = 'terms : ("child" AND ("human" OR "state"))'
    nothing = struct.pack("3d", -1.0, -1.0, -1.0)
    assert _scores(connection, "whereas_bm25(t, ?)", match, nothing) == [0.0, 0.0]
    child_only = _scores(connection, "whereas_bm25(t, ?)", match, struct.pack("1d", 2.0))
    assert _scores(connection, "bm25(t, 1.0, 0.0)", 'terms : "child"') == child_only
    empty = _scores(connection, "whereas_bm25(t, ?)", match, b"")
    assert empty == [0.0, 0.0]  # no count given: nothing weighs
    counted = struct.pack("3d", math.nan, math.nan, math.nan)
    expected = _scores(connection, "bm25(t, 1.0, 0.0)", match)
    assert _scores(connection, "whereas_bm25(t, ?)", match, counted) == expected


# -- search ranks with it, and as with bm25() ----------------------------------------------

QUERIES = [
    "children",
    "torture OR detention",
    "human rights",
    '"human rights defenders"',
    "Kazakhstan -Belarus",
    "tortur*",
    "calls on the Commission",
    "(woman OR child) whereas",
]
FILTERED = [{"kind": ["joint_motion"]}, {"country": ["ua"]}, {"language": ["cs"]}]


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    made = fill_store(f"sqlite:///{tmp_path_factory.mktemp('native') / 'store.db'}", corpus)
    yield made
    made.close()


def _ranked(session: Session, native_rank: str, monkeypatch: pytest.MonkeyPatch,
            query: str, **filters: list[str]) -> list[tuple[int, float]]:  # fmt: skip
    monkeypatch.setenv("WHEREAS_NATIVE_RANK", native_rank)
    results = search(session, query, limit=50, **filters)  # type: ignore[arg-type]
    return [(hit.clause_id or 0, hit.score) for hit in results.hits]


def _same(native_hits: list[tuple[int, float]], fts5_hits: list[tuple[int, float]]) -> None:
    assert [h[0] for h in native_hits] == [h[0] for h in fts5_hits]
    assert [h[1] for h in native_hits] == pytest.approx([h[1] for h in fts5_hits], rel=1e-12)


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The expressions whose phrases the native ranking counted."""
    counted: list[str] = []
    original = frequencies.phrase_frequencies

    def spy(session: Session, terms: str) -> bytes:
        counted.append(terms)
        return original(session, terms)

    monkeypatch.setattr(fts_rank, "phrase_frequencies", spy)
    return counted


@built
@pytest.mark.parametrize("query", QUERIES)
def test_search_ranks_as_with_bm25(
    store: Store, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = _spied(monkeypatch)
    with store.session() as session:
        for filters in [{}, *FILTERED]:
            fts5_hits = _ranked(session, "0", monkeypatch, query, **filters)
            assert not counted
            _same(_ranked(session, "1", monkeypatch, query, **filters), fts5_hits)
            assert counted  # the native ranking ran
            counted.clear()


@built
def test_broad_queries_rank_their_pools_as_with_bm25(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pools made small enough for this store (as tests/search/test_bounded_ranking.py does):
    # the pools' statements add label phrases after the query's words, which weigh nothing.
    monkeypatch.setattr(fts_rank, "RANK_CANDIDATES", 3)
    monkeypatch.setattr(fts_rank, "REPEATED_CANDIDATES", 2)
    monkeypatch.setattr(fts_rank, "ALL_REPEATED_CANDIDATES", 1)
    monkeypatch.setattr(fts_rank, "COMMON_SHARE", 1.0)
    monkeypatch.setattr(engine, "FACET_TOP", 3)
    with store.session() as session:
        for query in ["children", "human rights", "torture OR detention", "child whereas"]:
            _same(
                _ranked(session, "1", monkeypatch, query),
                _ranked(session, "0", monkeypatch, query),
            )


@built
def test_counts_follow_the_index_as_it_changes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = fill_store(f"sqlite:///{tmp_path / 'store.db'}", corpus)
    with made.session() as session:
        before = _ranked(session, "1", monkeypatch, "torture")
    first = invented_resolution()
    other = replace(
        first,
        raw=first.raw + b"\n",
        recognition=replace(first.recognition, reference="RC-B9-0998/2021"),
        source_path="again.txt",
    )
    with made.session() as session:  # a second resolution that speaks of torture
        document = save_document(session, other)
        session.commit()
        after = _ranked(session, "1", monkeypatch, "torture")
        _same(after, _ranked(session, "0", monkeypatch, "torture"))
        assert len(after) > len(before)
        assert after[0][1] != before[0][1]  # one more entry holds the word: a lower weight
        remove_document(session, document.document_id)
        session.commit()
        _same(_ranked(session, "1", monkeypatch, "torture"), before)
    made.close()


@built
def test_a_removal_in_the_searching_transaction_is_ranked_as_bm25_ranks_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FTS5 records its averages when the transaction commits: counts kept for the committed
    # index would be more than the rows left (an IDF of NaN, a NULL score) and counts made here
    # must not outlive a rollback.
    made = fill_store(f"sqlite:///{tmp_path / 'store.db'}", corpus)
    with made.session() as session:
        _ranked(session, "1", monkeypatch, "torture")  # the committed counts, kept
        source = session.scalar(
            select(schema.Document.id).where(schema.Document.source_path == INVENTED_SOURCE)
        )
        remove_document(session, str(source))
        inside = _ranked(session, "1", monkeypatch, "torture")
        assert all(score is not None for _, score in inside)
        _same(inside, _ranked(session, "0", monkeypatch, "torture"))
        session.rollback()
        _same(
            _ranked(session, "1", monkeypatch, "torture"),
            _ranked(session, "0", monkeypatch, "torture"),
        )
    made.close()
