"""SQLite and PostgreSQL find the same entries: their rankers differ, the result sets must not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search import SearchResults, search
from whereas.store import Store, schema

from .conftest import fill_store, postgres_url

QUERIES = [
    "women",
    "children",
    "child deported",
    "Kazachstán",
    '"human rights defenders"',
    '"forcibly transferred"',
    "sanction*",
    "tortur*",
    "Georgia -Venezuela",
    "Venezuela OR Georgia",
    "(woman OR child) whereas",
    "résolution",
    "Russia NOT Ukraine",
    "B10-0249/2025",
    "0249/2025",
]
TOP_N = 10

Key = tuple[str, str, int | None]


@pytest.fixture(scope="module")
def both_stores(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, postgres_server: str
) -> Iterator[tuple[Store, Store]]:
    """The same files in a SQLite store and in a PostgreSQL store."""
    sqlite = fill_store(f"sqlite:///{tmp_path_factory.mktemp('parity') / 'p.db'}", corpus)
    postgres = fill_store(postgres_url(postgres_server), corpus)
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


def _keys(session: Session, results: SearchResults) -> list[Key]:
    """(source file, entry, clause position) of each hit: ids differ between the databases."""
    positions = dict(session.execute(select(schema.Clause.id, schema.Clause.position)).all())
    paths = dict(session.execute(select(schema.Document.id, schema.Document.source_path)).all())
    return [
        (
            Path(paths[h.document_id] or "").name,
            h.entry,
            positions[h.clause_id] if h.clause_id is not None else None,
        )
        for h in results.hits
    ]


def _run(store: Store, query: str, limit: int) -> tuple[SearchResults, list[Key]]:
    with store.session() as session:
        results = search(session, query, limit=limit)
        return results, _keys(session, results)


@pytest.mark.postgres
@pytest.mark.parametrize("query", QUERIES)
def test_same_results_on_both_databases(both_stores: tuple[Store, Store], query: str) -> None:
    sqlite, postgres = both_stores
    lite, lite_keys = _run(sqlite, query, 1000)
    pg, pg_keys = _run(postgres, query, 1000)
    assert lite.total == pg.total == len(lite_keys)
    assert set(lite_keys) == set(pg_keys)
    assert lite.facets == pg.facets
    assert [d.reference for d in lite.direct] == [d.reference for d in pg.direct]
    if lite.total <= TOP_N:  # a top-N that holds every match is one set on both
        assert set(_run(sqlite, query, TOP_N)[1]) == set(_run(postgres, query, TOP_N)[1])


@pytest.mark.postgres
def test_chosen_queries_find_something(both_stores: tuple[Store, Store]) -> None:
    empty = [q for q in QUERIES if _run(both_stores[0], q, 1)[0].total == 0]
    assert empty == []
