"""Every index term is one token for SQLite's unicode61 tokenizer: an entry's length in terms,
which its id holds and whereas_bm25 reads, is its length as FTS5 counts it."""

from __future__ import annotations

import sqlite3
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from whereas.search.text import index_terms


def _fts5_tokens(terms: list[str]) -> int:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(terms, tokenize='unicode61 remove_diacritics 0')"
    )
    connection.execute("INSERT INTO t VALUES (?)", (" ".join(terms),))
    connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    return int(connection.execute("SELECT count(*) FROM v").fetchone()[0])


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=sys.maxunicode), max_size=60))
@example(text="1½ ͺ ﷺ ำ Kazachstánu ⅷ ²")
def test_each_term_is_one_fts5_token(text: str) -> None:
    for language in ("en", "el", None):
        terms = index_terms(text, language)
        assert all(terms)
        assert _fts5_tokens(terms) == len(terms), terms
