"""Search: one query in, ranked clauses and documents out, the same on SQLite and PostgreSQL.

Ranking goes through a `LexicalIndex` (BM25 on FTS5, ts_rank on PostgreSQL). A semantic ranker over
the stored clause embeddings will rank the same entries by vector; hybrid search fuses the two
rankings (reciprocal rank fusion) before the hits are made, so `search` keeps its signature.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from whereas.search.backend import FacetRow, LexicalIndex, Ranked, lexical_index
from whereas.search.hits import make_hits
from whereas.search.plan import leaves, plan
from whereas.search.query import parse
from whereas.search.references import direct_hits
from whereas.search.results import Entry, Facets, SearchResults
from whereas.search.tables import search_entries as e
from whereas.store import schema

CLAUSE_KINDS = frozenset({"citation", "recital", "paragraph", "point"})
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Filters:
    """What results may be: document or clause kinds, languages, years, a date range, entry type."""

    kinds: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    entry: Entry | None = None

    def where(self) -> list[ColumnElement[bool]]:
        """The conditions on search_entries (clause kinds and document kinds both apply)."""
        conditions: list[ColumnElement[bool]] = []
        document_kinds = [k for k in self.kinds if k not in CLAUSE_KINDS]
        clause_kinds = [k for k in self.kinds if k in CLAUSE_KINDS]
        if document_kinds:
            conditions.append(e.c.kind.in_(document_kinds))
        if clause_kinds:
            conditions.append(e.c.clause_kind.in_(clause_kinds))
        if self.languages:
            conditions.append(e.c.language.in_(self.languages))
        if self.years:
            conditions.append(e.c.year.in_(self.years))
        if self.date_from:
            conditions.append(e.c.date >= self.date_from)
        if self.date_to:
            conditions.append(e.c.date <= self.date_to)
        if self.entry:
            conditions.append(e.c.entry == self.entry)
        return conditions


def search(
    session: Session,
    query: str,
    *,
    kind: Iterable[str] = (),
    language: Iterable[str] = (),
    year: Iterable[int] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    entry: Entry | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Clauses and documents that match `query`, best first, with facets and direct hits."""
    filters = Filters(tuple(kind), tuple(language), tuple(year), date_from, date_to, entry)
    return run_search(session, query, filters, limit=limit, offset=offset)


def run_search(
    session: Session, query: str, filters: Filters, *, limit: int = 20, offset: int = 0
) -> SearchResults:
    """`search` with its filters already gathered."""
    limit, offset = max(0, min(limit, MAX_LIMIT)), max(0, offset)
    index = lexical_index(session)
    direct = direct_hits(session, query, index)
    languages = filters.languages or store_languages(session)
    match = plan(parse(query), languages)
    if match is None:
        return SearchResults(query, [], 0, Facets(), direct, limit, offset)
    where = filters.where()
    ranked: list[Ranked] = index.rank(session, match, where, limit, offset) if limit else []
    facets, total = count_facets(index.facets(session, match, where))
    hits = make_hits(session, ranked, list(leaves(match)))
    return SearchResults(query, hits, total, facets, direct, limit, offset)


def store_languages(session: Session) -> list[str]:
    """The languages of the stored documents: a query word is stemmed in each of them."""
    languages = session.scalars(select(schema.Document.language).distinct())
    return sorted(language for language in languages if language)


def count_facets(rows: list[FacetRow]) -> tuple[Facets, int]:
    """Facet counts and the total from (kind, language, year, entry, count) rows."""
    facets = Facets()
    total = 0
    for kind, language, year, entry, count in rows:
        total += count
        for bucket, key in (
            (facets.kind, kind),
            (facets.language, language or "unknown"),
            (facets.year, str(year) if year else "unknown"),
            (facets.entry, entry),
        ):
            bucket[key] = bucket.get(key, 0) + count
    for name in ("kind", "language", "year", "entry"):
        bucket = getattr(facets, name)
        setattr(facets, name, dict(sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0]))))
    return facets, total


__all__ = ["Filters", "LexicalIndex", "run_search", "search"]
