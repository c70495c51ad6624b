"""The query language: parsing is forgiving, and compiled queries are valid on both engines."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.search.plan import AllOf, AnyOf, PhraseTerms, Terms, plan
from whereas.search.postgres import compile_tsquery, to_tsvector_literal
from whereas.search.query import And, Not, Or, Phrase, Word, parse
from whereas.search.sqlite import compile_match


def test_words_phrases_operators_and_groups() -> None:
    assert parse('"human rights" -torture') == And((Phrase("human rights"), Not(Word("torture"))))
    assert parse("a OR b NOT c") == Or((Word("a"), And((Word("b"), Not(Word("c"))))))
    assert parse("(a OR b) c") == And((Or((Word("a"), Word("b"))), Word("c")))
    assert parse("tortur*") == Word("tortur", prefix=True)
    assert parse('-"x y"') == Not(Phrase("x y"))


def test_lower_case_operators_are_words() -> None:
    assert parse("torture and detention") == And((Word("torture"), Word("and"), Word("detention")))


def test_broken_queries_are_read_the_forgiving_way() -> None:
    assert parse('"unbalanced phrase') == Phrase("unbalanced phrase")
    assert parse("AND") is None and parse("NOT") is None and parse("OR OR") is None
    assert parse(")))(((") is None
    assert parse("a - b") == And((Word("a"), Word("b")))
    assert parse("(a OR b") == Or((Word("a"), Word("b")))
    assert parse("a) b") == And((Word("a"), Word("b")))


def test_plan_expands_words_and_splits_references() -> None:
    women = plan(parse("women"), ["en"])
    assert isinstance(women, Terms) and "woman" in women.variants
    assert plan(parse("B9-0065/2022"), ["en"]) == PhraseTerms((("b9", "0065", "2022"),))
    assert plan(parse("-torture"), ["en"]) is None  # nothing positive to look for
    assert plan(parse("a*"), ["en"]) == Terms(("a",), prefix=False)  # too short for a prefix
    either = plan(parse("torture OR -detention"), ["en"])
    assert isinstance(either, Terms)  # a negative branch of OR matches nothing on its own
    both = plan(parse("torture -detention"), ["en"])
    assert isinstance(both, AllOf) and len(both.negatives) == 1
    assert isinstance(plan(parse("a OR b"), []), AnyOf)


def test_compiled_queries_quote_every_term() -> None:
    match = plan(parse('women "human rights" -NEAR tortur*'), ["en"])
    assert match is not None
    assert compile_match(match) == (
        '((("woman" OR "women") AND ("human right" OR "human rights") AND "tortur"*) NOT "near")'
    )
    assert compile_tsquery(match) == (
        "((('woman' | 'women') & (('human' <-> 'right') | ('human' <-> 'rights')) & ('tortur':*))"
        " & !(('near')))"
    )
    assert to_tsvector_literal(["a", "b", "a"]) == "'a':1,3 'b':2 '_2a'"  # a repeated: marked


QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list("ab \"()-*/:^+.'AND OR NOT NEAR\\é0")) | st.characters(),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(QUERY_TEXT)
def test_any_input_compiles_to_a_valid_fts5_query(text: str) -> None:
    match = plan(parse(text), ["en", "fr", "cs"])
    if match is None:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(terms)")
    db.execute("INSERT INTO t VALUES ('woman human right tortur')")
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", (compile_match(match),)).fetchall()
