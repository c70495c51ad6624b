"""Very broad queries are ranked among candidates (on SQLite their shortest matches, on PostgreSQL
those of lowest id, and on both those that repeat the query's words); totals stay exact."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from whereas.search import SearchResults, engine, fts_rank, pg_rank, search
from whereas.search import postgres as pg
from whereas.search import sqlite as fts
from whereas.search.filters import Filters
from whereas.search.fts5 import BAND_SHIFT, labels_column, repeated_match
from whereas.search.plan import plan
from whereas.search.query import parse

from .conftest import INVENTED_SOURCE, sources


def _keys(session: Session, results: SearchResults) -> list[tuple[str, str, str | None]]:
    names = sources(session, results)
    return [(h.entry, name, h.label) for h, name in zip(results.hits, names, strict=True)]


def _bounded(monkeypatch: pytest.MonkeyPatch, candidates: int) -> None:
    # The bounded path starts beyond RANK_CANDIDATES matches and never ranks fewer entries than a
    # page holds (facets read FACET_TOP): all made small so that the corpus store takes it, with
    # one entry that repeats a word of the query.
    monkeypatch.setattr(fts_rank, "RANK_CANDIDATES", candidates)
    monkeypatch.setattr(fts_rank, "REPEATED_CANDIDATES", 1)
    monkeypatch.setattr(fts_rank, "ALL_REPEATED_CANDIDATES", 0)
    monkeypatch.setattr(fts_rank, "COMMON_SHARE", 1.0)  # in so small a store every word is
    monkeypatch.setattr(engine, "FACET_TOP", candidates)


def test_a_broad_query_is_ranked_among_its_shortest_matches(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = search(session, "children", limit=2)
    _bounded(monkeypatch, 2)
    bounded = search(session, "children", limit=2)
    assert bounded.total == exact.total == 15 and bounded.total_exact
    kept = _keys(session, bounded)
    if session.get_bind().dialect.name == "sqlite":
        # The pool of the shortest matches (three: "whereas a child was tortured in detention",
        # recital B, is the shortest) and the shortest that says child twice: the invented
        # resolution's document entry ("...Rights of the Child", "a child was tortured"); best
        # first. Ranked whole, the joint motion's document entry comes second.
        assert kept == [("document", INVENTED_SOURCE, None), ("clause", INVENTED_SOURCE, "B")]
        exact_sources = sources(session, exact)
        assert exact_sources[0] == INVENTED_SOURCE and exact_sources[1] != INVENTED_SOURCE
    else:
        # PostgreSQL: the two matches of lowest id and the one that says child the most times
        # (the joint motion's document entry, first either way); ranked whole, the vote list's
        # document entry, which says it many times too, comes second.
        exact_keys = _keys(session, exact)
        assert kept[0] == exact_keys[0] == ("document", "document_rc-10-2025-0249-en.html", None)
        assert kept[1] != exact_keys[1] == ("document", "vot-list_pv-9-2024-03-14-vot-en.xml", None)


def test_shortest_entries_have_the_lowest_ids(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("ids are ordered by length on SQLite only")
    match = plan(parse("children"), ["en"])
    assert match is not None
    ranked = fts.SqliteIndex().rank(session, match, Filters(), 100)
    ids = sorted(r.entry_id for r in ranked)
    bands = [i >> BAND_SHIFT for i in ids]
    assert bands == sorted(bands) and bands[0] == 14  # 7 words filled to 14 tokens


def test_filters_and_pages_on_the_bounded_path(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = search(session, "whereas", entry="clause", limit=3)
    _bounded(monkeypatch, 3)
    bounded = search(session, "whereas", entry="clause", limit=3)
    assert {h.entry for h in bounded.hits} == {"clause"} and len(bounded.hits) == 3
    assert bounded.total == exact.total
    deep = search(session, "whereas", limit=3, offset=3)  # a page beyond the candidates
    assert len(deep.hits) == 3


def test_repeated_words_are_marked_in_the_labels_column() -> None:
    # Label terms, then once each word the entry repeats, then filler up to as many as words.
    assert labels_column(["the", "child", "the", "child", "of", "war"], ["c7561"]) == (
        "c7561 rthe rchild z z z"
    )
    query = plan(parse("calls on the Commission"), ["en"])
    assert query is not None
    common = frozenset({"the", "on"})  # most entries repeat them: they are left out
    assert repeated_match(query, common=common) == (
        'labels : (("rcall" OR "rcalls") OR ("rcommiss" OR "rcommission"))'
    )
    assert repeated_match(query, every=True, common=common) == (
        'labels : (("rcall" OR "rcalls") AND ("rcommiss" OR "rcommission"))'
    )
    one_word = plan(parse("children"), ["en"])
    assert one_word is not None and repeated_match(one_word, every=True) is None


def test_repeated_words_are_marked_in_the_tsvector_with_their_count() -> None:
    # PostgreSQL: the words with positions, the label terms, then a marker per repeated word.
    terms = ["the", "child", "the", "child", "of", "the", *["war"] * 12]
    literal = pg.to_tsvector_literal(terms, ["c7561"])
    assert literal.endswith("'_c7561' '_3the' '_2child' '_9war'")
    assert pg_rank.repeat_lexemes(["a", "b"]) == []
