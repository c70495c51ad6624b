"""Hybrid and semantic ranking, and clauses like this one, with a deterministic embedder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search import embed_entries, search
from whereas.store import Store, schema

from .conftest import sources
from .fake_encoder import ConceptEmbedder

FRENCH_NEWS = "armenews-fr-2025-03-13-armenian-prisoners-resolution.md"
ENCODER = ConceptEmbedder()


@pytest.fixture(scope="module")
def embedded(search_store: Store) -> Store:
    """The filled store with a vector for every entry."""
    with search_store.session() as session:
        assert embed_entries(session, ENCODER) > 0
        session.commit()
    return search_store


@pytest.fixture
def vsession(embedded: Store) -> Iterator[Session]:
    """A read-only session on the embedded store."""
    with embedded.session() as session:
        yield session
        session.rollback()


def test_semantic_crosses_languages(vsession: Session) -> None:
    results = search(vsession, "captives in Baku", mode="semantic", encoder=ENCODER, limit=1)
    assert sources(vsession, results) == [FRENCH_NEWS]
    lexical = search(vsession, "captives Baku", limit=100)
    assert FRENCH_NEWS not in sources(vsession, lexical)  # "Bakou" in French


def test_hybrid_adds_semantic_neighbours_to_lexical_matches(vsession: Session) -> None:
    lexical = search(vsession, "torture", limit=100)
    hybrid = search(vsession, "torture", mode="hybrid", encoder=ENCODER, limit=100)
    lexical_ids = {h.clause_id or h.document_id for h in lexical.hits}
    hybrid_ids = [h.clause_id or h.document_id for h in hybrid.hits]
    assert lexical_ids < set(hybrid_ids)
    assert set(hybrid_ids[: len(lexical_ids)]) == lexical_ids  # found by both: ranked first
    assert hybrid.mode == "hybrid" and hybrid.total == len(hybrid.hits)


def test_filters_apply_to_the_semantic_ranking(vsession: Session) -> None:
    results = search(vsession, "captives", mode="semantic", encoder=ENCODER, language=["en"])
    assert results.hits and {h.language for h in results.hits} == {"en"}


def test_like_a_clause(vsession: Session) -> None:
    condemns = vsession.scalar(
        select(schema.Clause.id).where(schema.Clause.text.like("Condemns the torture%"))
    )
    assert condemns is not None
    results = search(vsession, "", like=condemns, encoder=ENCODER, limit=3)
    assert condemns not in [h.clause_id for h in results.hits]
    assert "whereas a child was tortured in detention" in results.hits[0].snippet
    assert search(vsession, "", like=10**9, encoder=ENCODER).total == 0


def test_hybrid_without_vectors_is_lexical(session: Session) -> None:
    class Unknown(ConceptEmbedder):
        model = "never-stored"

    lexical = search(session, "children", limit=50)
    hybrid = search(session, "children", mode="hybrid", encoder=Unknown(), limit=50)
    assert [h.clause_id for h in hybrid.hits] == [h.clause_id for h in lexical.hits]
