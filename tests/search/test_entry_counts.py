"""The counts that choose a plan on SQLite: entries read from FTS5's own record, words counted no
further than the highest share a plan asks about."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from whereas.search import fts_rank, remove_document
from whereas.search.counts import forget
from whereas.search.fts5 import _varint, indexed_entries
from whereas.search.fts_filters import TERM_SHARE_CAP, entry_share
from whereas.search.plan import IGNORED_SHARE
from whereas.search.sqlite import SqliteIndex
from whereas.search.tables import search_entries
from whereas.store.writer import save_document

from .conftest import fill_store, invented_resolution


@pytest.mark.parametrize(
    ("encoded", "value"),
    [(b"\x00", 0), (b"\x7f", 127), (b"\x81\x00", 128), (b"\x82\x2c\xff", 300),
     (b"\xff" * 8 + b"\x01", (1 << 64) - 255)],
)  # fmt: skip
def test_sqlite_varints_are_read(encoded: bytes, value: int) -> None:
    assert _varint(encoded) == value


def test_no_plan_asks_of_a_word_more_than_it_is_counted() -> None:
    assert fts_rank.COMMON_SHARE <= TERM_SHARE_CAP and IGNORED_SHARE <= TERM_SHARE_CAP


def test_the_entries_fts5_records_are_those_stored(corpus: Path, tmp_path: Path) -> None:
    store = fill_store(f"sqlite:///{tmp_path / 'store.db'}", corpus)
    with store.session() as session:

        def stored() -> int:
            return int(session.scalar(select(func.count()).select_from(search_entries)) or 0)

        first = indexed_entries(session)
        assert first == stored() > 10
        saved = save_document(session, replace(invented_resolution(), raw=b"other bytes"))
        session.commit()  # FTS5 writes the record when the transaction ends
        assert indexed_entries(session) == stored() > first
        remove_document(session, saved.document_id)
        session.commit()
        assert indexed_entries(session) == stored() == first
    store.close()


def test_a_word_most_entries_hold_is_counted_to_the_cap(corpus: Path, tmp_path: Path) -> None:
    store = fill_store(f"sqlite:///{tmp_path / 'store.db'}", corpus)
    forget()
    with store.session() as session:
        entries = indexed_entries(session)
        cap = int(entries * TERM_SHARE_CAP) + 1
        words = ["the", "of", "and", "ruritania", "torture"]
        for word in words:
            exact = int(
                session.scalar(
                    text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :m"),
                    {"m": f'terms : "{word}"'},
                )
                or 0
            )
            assert entry_share(session, "terms", word, 1) == (
                1.0 if exact >= cap else exact / entries
            )
        shares = [entry_share(session, "terms", word, 1) for word in words]
        assert max(shares) > IGNORED_SHARE and min(shares) < 0.01  # both sides of the cap
    store.close()


def test_a_common_word_stays_common_as_entries_are_added(corpus: Path, tmp_path: Path) -> None:
    # Its count stops at the cap and is kept while the index grows by less than a tenth: it
    # must not read as a share below the cap once a few entries more hold it.
    store = fill_store(f"sqlite:///{tmp_path / 'store.db'}", corpus)
    forget()
    index = SqliteIndex()
    with store.session() as session:
        common = max(["the", "of", "and"], key=lambda w: entry_share(session, "terms", w, 1))
        assert entry_share(session, "terms", common, index.stamp(session)) > IGNORED_SHARE
        save_document(session, replace(invented_resolution(), raw=b"other bytes"))
        session.commit()
        assert entry_share(session, "terms", common, index.stamp(session)) > IGNORED_SHARE
    store.close()
