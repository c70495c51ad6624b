"""Expected results on the corpus and an invented resolution, for each kind of query and filter."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from whereas.search import SearchResults, search
from whereas.search.results import SearchHit

from .conftest import INVENTED_SOURCE, sources

JOINT_MOTION = "document_rc-10-2025-0249-en.html"
PRESS_2019 = "press-release_20190712IPR56948.html"
PRESS_2025 = "press-release_20250204IPR26689.html"
VOTES_2024 = "vot-list_pv-9-2024-03-14-vot-en.xml"
ICIJ = "icij-en-2025-11-transnational-repression.md"
ARMENEWS = "armenews-fr-2025-03-13-armenian-prisoners-resolution.md"
CZECH_KAZAKHSTAN = {
    "pirati-cz-2022-01-07-kazakhstan.md",
    "pirati-cz-2022-01-20-kazakhstan-resolution.md",
    "pirati-cz-2022-02-02-kazakhstan-op-ed.md",
}


def _find(session: Session, query: str, **filters: object) -> SearchResults:
    return search(session, query, limit=100, **filters)  # type: ignore[arg-type]


def _invented_labels(session: Session, results: SearchResults) -> set[tuple[str, str | None]]:
    """(clause kind, label) of the invented resolution's clauses among the hits."""
    return {
        (hit.clause_kind or "", hit.label)
        for hit, name in zip(results.hits, sources(session, results), strict=True)
        if name == INVENTED_SOURCE and hit.entry == "clause"
    }


def _documents(session: Session, results: SearchResults) -> set[str]:
    return {
        name
        for hit, name in zip(results.hits, sources(session, results), strict=True)
        if hit.entry == "document"
    }


def test_women_finds_woman_and_woman_finds_women(session: Session) -> None:
    women, woman = _find(session, "women"), _find(session, "woman")
    expected = {("recital", "A"), ("paragraph", "1")}  # "women journalists", "every woman"
    assert _invented_labels(session, women) == expected
    assert _invented_labels(session, woman) == expected
    assert VOTES_2024 in _documents(session, women)  # the vote list says "women"
    assert women.total == woman.total


def test_children_finds_child(session: Session) -> None:
    children, child = _find(session, "children"), _find(session, "child")
    assert _invented_labels(session, children) == {("citation", None), ("recital", "B")}
    assert {JOINT_MOTION, INVENTED_SOURCE} <= _documents(session, children)
    assert [h.document_id for h in children.hits] == [h.document_id for h in child.hits]


def test_czech_words_with_or_without_accents(session: Session) -> None:
    for query in ("Kazachstán", "kazachstan", "KAZACHSTÁNU"):
        results = _find(session, query)
        assert set(sources(session, results)) == CZECH_KAZAKHSTAN, query
        assert results.facets.kind == {"press_release": 2, "news": 1}
        assert results.facets.language == {"cs": 3}
        assert results.facets.year == {"2022": 3}


def test_quoted_phrase_needs_the_words_in_order(session: Session) -> None:
    results = _find(session, '"human rights defenders"')
    assert sources(session, results) == [ICIJ]
    marked = "<mark>Human</mark> <mark>rights</mark> <mark>defenders</mark>"
    assert marked in results.hits[0].snippet
    assert ICIJ not in sources(session, _find(session, '"defenders rights human"'))


def test_exclusion_and_not(session: Session) -> None:
    for query in ("Georgia -Venezuela", "Georgia NOT Venezuela"):
        assert sources(session, _find(session, query)) == [PRESS_2025], query
    either = set(sources(session, _find(session, "Venezuela OR Georgia")))
    assert {PRESS_2019, PRESS_2025} <= either
    assert PRESS_2019 not in sources(session, _find(session, "Venezuela -sanctions"))


def test_and_needs_every_word(session: Session) -> None:
    results = _find(session, "torture AND detention")
    assert _invented_labels(session, results) == {("recital", "B")}
    assert _find(session, "torture detention").total == results.total


def test_prefix(session: Session) -> None:
    tortur = _find(session, "tortur*")
    assert _invented_labels(session, tortur) == {("recital", "B"), ("paragraph", "2")}
    sanctions = _find(session, "sanction*")
    assert {PRESS_2019, PRESS_2025, INVENTED_SOURCE} <= set(sources(session, sanctions))
    assert _invented_labels(session, sanctions) == {("paragraph", "3")}


def test_parentheses_group(session: Session) -> None:
    results = _find(session, "(woman OR child) whereas", kind=["recital"])
    assert _invented_labels(session, results) == {("recital", "A"), ("recital", "B")}


def test_kind_filters_document_and_clause_kinds(session: Session) -> None:
    recitals = _find(session, "child", kind=["recital"])
    assert recitals.hits and all(h.clause_kind == "recital" for h in recitals.hits)
    assert ("recital", "B") in _invented_labels(session, recitals)
    news = _find(session, "Kazachstán", kind=["news"])
    assert sources(session, news) == ["pirati-cz-2022-02-02-kazakhstan-op-ed.md"]
    assert news.facets.kind == {"news": 1}


def test_language_year_date_and_entry_filters(session: Session) -> None:
    assert sources(session, _find(session, "torture", language=["fr"])) == [ARMENEWS]
    assert sources(session, _find(session, "sanctions", year=[2019])) == [PRESS_2019]
    in_range = _find(session, "Kazachstán", date_from=date(2022, 1, 15), date_to=date(2022, 1, 31))
    before = {"pirati-cz-2022-01-07-kazakhstan.md"}
    assert set(sources(session, in_range)) == CZECH_KAZAKHSTAN - before
    clauses = _find(session, "Ruritania", entry="clause")
    assert _invented_labels(session, clauses) == {("recital", "A")}
    assert all(h.entry == "clause" for h in clauses.hits)


def test_facets_count_every_match_not_only_the_page(session: Session) -> None:
    page = search(session, "children", limit=2)
    assert len(page.hits) == 2
    assert page.total == sum(page.facets.kind.values()) == sum(page.facets.entry.values())
    assert page.total > 2


def test_pages_follow_each_other(session: Session) -> None:
    everything = search(session, "child", limit=100)
    first, second = search(session, "child", limit=4), search(session, "child", offset=4, limit=4)
    keys = [_key(h) for h in everything.hits]
    assert [_key(h) for h in first.hits + second.hits] == keys[:8]


def _key(hit: SearchHit) -> tuple[str, int | None]:
    return (hit.document_id, hit.clause_id)


def test_hit_carries_its_record(session: Session) -> None:
    results = _find(session, "tortured", kind=["recital"])
    hit = next(h for h in results.hits if h.label == "B")
    assert (hit.reference, hit.procedure, hit.date) == (
        "RC-B9-0999/2021",
        "2021/2999(RSP)",
        date(2021, 3, 11),
    )
    assert hit.kind == "joint_motion" and hit.language == "en" and hit.score > 0
    assert hit.snippet == "whereas a child was <mark>tortured</mark> in detention"


def test_references_in_any_form_go_to_their_record(session: Session) -> None:
    for query in ("RC-B9-0999/2021", "RC-9-2021-0999", " rc-b9-0999/2021 "):
        direct = _find(session, query).direct
        assert [(d.reference, d.kind, d.exact) for d in direct] == [
            ("RC-B9-0999/2021", "joint_motion", True)
        ], query
    procedure = _find(session, "2021/2999(RSP)").direct
    assert [(d.reference, d.kind) for d in procedure] == [("2021/2999(RSP)", "procedure")]
    corpus = _find(session, "RC-10-2025-0249").direct
    assert [d.reference for d in corpus] == ["RC-B10-0249/2025"]
    assert procedure[0].document_ids == _find(session, "RC-B9-0999/2021").direct[0].document_ids


def test_part_of_a_reference_finds_it(session: Session) -> None:
    direct = _find(session, "0999/2021").direct
    assert [(d.reference, d.exact) for d in direct] == [("RC-B9-0999/2021", False)]


def test_unknown_reference_is_no_direct_hit(session: Session) -> None:
    results = _find(session, "B9-0065/2022")
    assert results.direct == []
