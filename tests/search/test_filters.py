"""Filters and facets on what entries are about, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from whereas.search import search

from .conftest import sources

JOINT_MOTION = "document_rc-10-2025-0249-en.html"


def test_country_from_the_clauses_addressees(session: Session) -> None:
    results = search(session, "children", country=["Ukraine"], limit=100)
    assert results.total > 0
    assert set(sources(session, results)) == {JOINT_MOTION}
    assert search(session, "children", country=["ua"], limit=100).total == results.total


def test_country_from_the_title(session: Session) -> None:
    results = search(session, "Georgia", country=["GEO"])
    assert sources(session, results) == ["press-release_20250204IPR26689.html"]
    assert search(session, "Georgia", country=["Venezuela"]).total == 0


def test_group_that_tabled_the_text(session: Session) -> None:
    results = search(session, "children", group=["EPP"], limit=100)
    assert results.total > 0 and set(sources(session, results)) == {JOINT_MOTION}
    assert search(session, "children", group=["NOPE"]).total == 0


def test_verb_addressee_and_theme_of_a_clause(session: Session) -> None:
    demands = search(session, "children", verb=["demands"], entry="clause")
    assert [h.clause_kind for h in demands.hits] == ["paragraph"]
    assert "Russia" in demands.hits[0].snippet or "Russian" in demands.hits[0].snippet
    russia = search(session, "children", addressee=["authorities:ru"], entry="clause")
    assert {h.clause_id for h in demands.hits} <= {h.clause_id for h in russia.hits}
    themed = search(session, "children", theme=["war_crimes"], entry="clause", limit=100)
    unthemed = search(session, "children", entry="clause", limit=100)
    assert 0 < themed.total < unthemed.total


def test_procedure_type_and_date_range(session: Session) -> None:
    rsp = search(session, "whereas", procedure_type=["rsp"], limit=100)
    assert rsp.total > 0
    assert all((h.procedure or "").endswith("(RSP)") for h in rsp.hits)
    ranged = search(session, "whereas", date_from=date(2021, 1, 1), date_to=date(2021, 12, 31))
    assert ranged.total > 0 and {h.date.year for h in ranged.hits if h.date} == {2021}


def test_facets_count_what_entries_are_about(session: Session) -> None:
    results = search(session, "children", limit=5)
    facets = results.facets
    assert facets.exact and facets.counted == results.total
    assert facets.country["ua"] > 0 and facets.group["EPP"] > 0
    assert facets.theme["children"] > 0 and facets.procedure_type["RSP"] > 0
    assert sum(facets.entry.values()) == results.total
