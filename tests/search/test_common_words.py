"""Plain words nearly every entry holds are not required beside rarer ones, on both databases."""

from __future__ import annotations

from sqlalchemy.orm import Session

from whereas.search import search
from whereas.search.backend import lexical_index
from whereas.search.plan import (
    IGNORED_SHARE,
    AllOf,
    AnyOf,
    Match,
    PhraseTerms,
    Terms,
    plan,
    without_common,
)
from whereas.search.query import parse

COMMON = {"the", "on", "of"}


def _plan(query: str) -> Match:
    found = plan(parse(query), ["en"])
    assert found is not None
    return found


def _thin(query: str) -> Match:
    return without_common(_plan(query), COMMON.__contains__)


def test_common_words_leave_a_group_of_rarer_words() -> None:
    assert _thin("calls on the Commission") == _plan("calls Commission")
    assert _thin("the Commission") == _plan("Commission")


def test_phrases_prefixes_alternatives_and_exclusions_stay() -> None:
    phrase = _thin('"freedom of expression"')
    assert isinstance(phrase, PhraseTerms)
    assert ("freedom", "of", "express") in phrase.variants
    assert _thin("the OR Commission") == _plan("the OR Commission")
    assert _thin("th* Commission") == _plan("th* Commission")
    excluded = _thin("Commission -the")
    assert isinstance(excluded, AllOf)
    assert excluded.negatives == (Terms(("the",)),)


def test_a_group_of_common_words_only_keeps_them_all() -> None:
    assert _thin("the of") == _plan("the of")
    assert _thin("the") == _plan("the")


def test_groups_inside_alternatives_are_thinned() -> None:
    thinned = _thin("(the Commission) OR (on Council)")
    assert isinstance(thinned, AnyOf)
    assert thinned.children == (_plan("Commission"), _plan("Council"))


def test_a_common_word_changes_nothing_found(session: Session) -> None:
    """On the corpus "the" is held by more than IGNORED_SHARE of the entries: a query with it
    finds what the query without it finds, in the same order; a rare word still narrows."""
    index = lexical_index(session)
    assert index.term_share(session, "the") > IGNORED_SHARE
    assert index.term_share(session, "deport") < IGNORED_SHARE
    with_the = search(session, "the deported children", limit=50)
    without = search(session, "deported children", limit=50)
    assert with_the.total == without.total > 0
    assert [(h.document_id, h.clause_id) for h in with_the.hits] == [
        (h.document_id, h.clause_id) for h in without.hits
    ]
    assert search(session, "the").total > search(session, "the deported").total > 0
