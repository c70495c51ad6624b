"""Filters found through label terms in the index: the same entries as the exact conditions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search import Filters, fts_filters, search
from whereas.search.label_terms import entry_label_terms, label_match, label_term
from whereas.search.tables import search_entries as e

from .conftest import INVENTED_SOURCE, sources

QUERIES = ["children", "whereas", "Georgia", "torture OR sanctions", "résolution"]
FILTERS: list[dict[str, Any]] = [
    {"country": ["ua"]},
    {"country": ["Russia", "GEO"]},
    {"group": ["epp"]},  # without case, as stored "EPP"
    {"verb": ["calls for"]},  # a value with a space
    {"addressee": ["authorities:ru"]},  # and with a colon
    {"theme": ["children", "torture"]},
    {"kind": ["joint_motion", "recital"]},
    {"kind": ["press_release", "news"], "language": ["cs"]},
    {"year": [2021, 2022]},
    {"entry": "document"},
    {"procedure_type": ["rsp"]},
    {"date_from": date(2021, 3, 11), "date_to": date(2021, 3, 11)},  # not whole years
    {"date_from": date(2021, 1, 1), "date_to": date(2022, 12, 31)},  # whole years
    {"date_from": date(2025, 2, 1)},  # open-ended
    {"date_from": date(2022, 1, 1), "date_to": date(2021, 1, 1)},  # empty
    {"country": ["ua"], "verb": ["demands"], "entry": "clause"},
]

Key = tuple[str, int | None]


def _as_filters(kwargs: dict[str, Any]) -> Filters:
    return Filters(
        kinds=tuple(kwargs.get("kind", ())),
        languages=tuple(kwargs.get("language", ())),
        years=tuple(kwargs.get("year", ())),
        date_from=kwargs.get("date_from"),
        date_to=kwargs.get("date_to"),
        entry=kwargs.get("entry"),
        countries=tuple(kwargs.get("country", ())),
        groups=tuple(kwargs.get("group", ())),
        verbs=tuple(kwargs.get("verb", ())),
        addressees=tuple(kwargs.get("addressee", ())),
        themes=tuple(kwargs.get("theme", ())),
        procedure_types=tuple(kwargs.get("procedure_type", ())),
    )


@pytest.mark.parametrize("kwargs", FILTERS, ids=[str(f) for f in FILTERS])
def test_filtered_search_keeps_exactly_the_entries_the_conditions_allow(
    session: Session, kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = session.execute(
        select(e.c.document_id, e.c.clause_id).where(*_as_filters(kwargs).where())
    )
    allowed: set[Key] = {(d, c) for d, c in rows}
    # SQLite matches a filter's label terms or checks it after ranking, by its share of the
    # entries: both ways are taken here, every filter matched (1.0) or every one checked (0.0).
    shares = (
        (0.0, 1.0) if session.get_bind().dialect.name == "sqlite" else (fts_filters.MATCH_SHARE,)
    )
    for share in shares:
        monkeypatch.setattr(fts_filters, "MATCH_SHARE", share)
        for query in QUERIES:
            everything = search(session, query, limit=1000)
            filtered = search(session, query, limit=1000, **kwargs)
            expected = {(h.document_id, h.clause_id) for h in everything.hits} & allowed
            assert {(h.document_id, h.clause_id) for h in filtered.hits} == expected, query
            assert filtered.total == len(expected), query


def test_filters_found_by_label_terms_have_expected_results(session: Session) -> None:
    recitals = search(session, "whereas", kind=["joint_motion", "recital"], limit=100)
    assert set(sources(session, recitals)) == {INVENTED_SOURCE, "document_rc-10-2025-0249-en.html"}
    assert {h.clause_kind for h in recitals.hits} == {"recital"}
    on_the_day = search(session, "whereas", date_from=date(2021, 3, 11), date_to=date(2021, 3, 11))
    assert set(sources(session, on_the_day)) == {INVENTED_SOURCE}
    assert (
        search(session, "whereas", date_from=date(2021, 3, 12), date_to=date(2021, 3, 31)).total
        == 0
    )
    assert (
        search(session, "children", group=["epp"]).total
        == search(session, "children", group=["EPP"]).total
        > 0
    )


def test_label_terms_are_one_token_per_value() -> None:
    assert label_term("c", "ua") == "c7561"
    assert label_term("v", "calls for") == "v63616c6c7320666f72"
    columns = {"kind": "joint_motion", "clause_kind": "recital", "language": "en", "year": 2021,
               "entry": "clause", "procedure_type": "RSP", "countries": "|ru|ua|",
               "groups": "|EPP|SD|", "verbs": None, "addressees": "|authorities:ru|",
               "themes": "|children|"}  # fmt: skip
    terms = entry_label_terms(columns)
    assert all(t.isalnum() for t in terms) and len(terms) == 12
    assert "y2021" in terms and label_term("g", "epp") in terms
    match = label_match(_as_filters({"country": ["Ukraine"], "group": ["EPP"], "year": [2021]}))
    assert match.exact and all(set(g) & set(terms) for g in match.groups)
    partial = label_match(_as_filters({"date_from": date(2021, 3, 1), "date_to": date(2022, 2, 1)}))
    assert partial.groups == (("y2021", "y2022"),) and not partial.exact
