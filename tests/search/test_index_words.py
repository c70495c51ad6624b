"""The indexing fast paths give what the slower general ones give."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from whereas.search.sqlite import SqliteIndex, search_references
from whereas.search.text import tokens, words
from whereas.store import Store


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(), st.integers(min_value=1, max_value=50))
def test_words_are_the_words_of_tokens(text: str, limit: int) -> None:
    assert words(text, limit) == [t.word for t in tokens(text, limit)]


def test_references_are_added_once_each_in_one_batch(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        index = SqliteIndex()
        with store.session() as session:
            index.add_references(session, ["RC-B10-0249/2025", "B10-0249/2025", "ab", "x"])
            index.add_references(session, ["B10-0249/2025", "2025/2691(RSP)", "B10-0249/2025"])
            values = sorted(session.scalars(select(search_references.c.value)))
            assert index.find_references(session, "0249", 10) == [
                "B10-0249/2025",
                "RC-B10-0249/2025",
            ]
    finally:
        store.close()
    assert values == ["2025/2691(RSP)", "B10-0249/2025", "RC-B10-0249/2025"]
