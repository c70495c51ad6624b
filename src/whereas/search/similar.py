"""Find clauses like this one: the entries whose vectors are nearest to one clause's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.encoder import QueryEncoder, default_encoder
from whereas.search.engine import MAX_LIMIT, results_page
from whereas.search.facets import FACET_TOP
from whereas.search.filters import Filters
from whereas.search.results import Facets, SearchResults
from whereas.search.semantic import entry_vector, nearest
from whereas.search.tables import search_entries as e
from whereas.store import schema


def like_clause(
    session: Session,
    clause_id: int,
    filters: Filters,
    *,
    limit: int = 20,
    offset: int = 0,
    encoder: QueryEncoder | None = None,
) -> SearchResults:
    """Entries nearest to clause `clause_id` (itself left out); nothing for an unknown clause."""
    limit, offset = max(0, min(limit, MAX_LIMIT)), max(0, offset)
    query = f"like:{clause_id}"
    entry_id = session.scalar(select(e.c.id).where(e.c.clause_id == clause_id))
    clause = session.get(schema.Clause, clause_id)
    if entry_id is None or clause is None:
        return SearchResults(query, [], 0, Facets(), [], limit, offset, True, "semantic")
    chosen = encoder or default_encoder()
    vector = entry_vector(session, chosen.model, entry_id)
    if vector is None:  # not embedded yet: embed it now (not stored: searching only reads)
        vector = chosen.passages([clause.text])[0]
    want = max(offset + limit, FACET_TOP) + 1
    found = nearest(session, chosen.model, vector, filters.where(), want)
    ranked = [r for r in found if r.entry_id != entry_id]
    total = (len(ranked), True)
    return results_page(session, query, ranked, total, mode="semantic", leaves_of=None,
                        limit=limit, offset=offset)  # fmt: skip
