"""User input never breaks the engine: odd queries answer results, never an error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from whereas.search import search
from whereas.store import Store

HOSTILE = [
    "",
    "   ",
    '"',
    '"""',
    '"unbalanced',
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "NEAR(a b)",
    "a NEAR b",
    "terms:woman",
    "{terms}: woman",
    "^woman",
    "*",
    "woman*****",
    "(",
    ")",
    "((((((((((((((((((((((((((((((((((((((((woman",
    "-",
    "--woman",
    "B9-0065/2022",
    "RC-B9-0065/2022 torture",
    "P9_TA(2022)0012",
    "'; DROP TABLE documents; --",
    "1 OR 1=1",
    "woman' OR '1'='1",
    "\\",
    "'\\'",
    ":*",
    "a <-> b & !c | d",
    "\x00woman",
    "🙂 women",
    "women " * 300,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(session: Session, query: str) -> None:
    results = search(session, query, limit=5)
    assert results.total >= len(results.hits)


def test_sql_looking_input_leaves_the_store_alone(session: Session) -> None:
    search(session, "'; DROP TABLE documents; --")
    assert search(session, "women").total > 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list("ab \"()-*/:^'\\&|!<>AND OR NOT")), max_size=40))
def test_random_queries_never_raise(search_store: Store, text: str) -> None:
    with search_store.session() as session:
        search(session, text, limit=3)
