"""Search: one query in, ranked clauses and documents out, the same on SQLite and PostgreSQL.

Lexical ranking goes through a `LexicalIndex` (BM25 on FTS5, ts_rank on PostgreSQL); semantic
ranking compares a query vector with the entries' stored vectors (numpy, or pgvector); hybrid
search fuses the two rankings by reciprocal rank. Facets count the best FACET_TOP entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.backend import LexicalIndex, Ranked, lexical_index
from whereas.search.encoder import QueryEncoder, default_encoder
from whereas.search.facets import FACET_TOP, facet_counts
from whereas.search.filters import Filters
from whereas.search.fusion import reciprocal_rank_fusion
from whereas.search.hits import make_hits
from whereas.search.matrix_cache import index_generation
from whereas.search.plan import IGNORED_SHARE, Match, leaves, plan, without_common
from whereas.search.query import parse
from whereas.search.references import direct_hits
from whereas.search.results import DirectHit, Entry, Mode, SearchResults
from whereas.search.semantic import nearest
from whereas.store import schema

MAX_LIMIT = 1000
MAX_COUNT = 10_000  # `total` counts matches up to this many (then it is a floor, total_exact False)
_languages: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {}


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
    country: Iterable[str] = (),
    group: Iterable[str] = (),
    verb: Iterable[str] = (),
    addressee: Iterable[str] = (),
    theme: Iterable[str] = (),
    procedure_type: Iterable[str] = (),
    mode: Mode = "lexical",
    like: int | None = None,
    encoder: QueryEncoder | None = None,
) -> SearchResults:
    """Clauses and documents that match `query` (or are like clause `like`), best first."""
    filters = Filters(
        tuple(kind), tuple(language), tuple(year), date_from, date_to, entry,
        tuple(country), tuple(group), tuple(verb), tuple(addressee), tuple(theme),
        tuple(procedure_type),
    )  # fmt: skip
    if like is not None:
        from whereas.search.similar import like_clause

        return like_clause(session, like, filters, limit=limit, offset=offset, encoder=encoder)
    return run_search(
        session, query, filters, limit=limit, offset=offset, mode=mode, encoder=encoder
    )


def run_search(
    session: Session,
    query: str,
    filters: Filters,
    *,
    limit: int = 20,
    offset: int = 0,
    mode: Mode = "lexical",
    encoder: QueryEncoder | None = None,
) -> SearchResults:
    """`search` with its filters already gathered."""
    limit, offset = max(0, min(limit, MAX_LIMIT)), max(0, offset)
    index = lexical_index(session)
    direct = direct_hits(session, query, index)
    match = plan(parse(query), filters.languages or store_languages(session))
    if match is not None:
        match = without_common(match, _common(session, index))
    want = max(offset + limit, FACET_TOP)
    lexical = index.rank(session, match, filters, want) if match and mode != "semantic" else []
    semantic: list[Ranked] = []
    if (mode == "semantic" and query.strip()) or (mode == "hybrid" and match is not None):
        chosen = encoder or default_encoder()
        vector = chosen.queries([query.strip()])[0]
        semantic = nearest(session, chosen.model, vector, filters.where(), want)
    # Fusion only when asked for: over a thousand entries it costs milliseconds.
    ranked = reciprocal_rank_fusion([lexical, semantic]) if mode == "hybrid" else lexical
    if mode == "semantic":
        ranked = semantic
    total, exact = _total(session, index, match, filters, lexical, semantic, want)
    return results_page(session, query, ranked, (total, exact), direct=direct, mode=mode,
                        leaves_of=match, limit=limit, offset=offset)  # fmt: skip


def results_page(
    session: Session,
    query: str,
    ranked: list[Ranked],
    total: tuple[int, bool],
    *,
    direct: list[DirectHit] | None = None,
    mode: Mode,
    leaves_of: Match | None,
    limit: int,
    offset: int,
) -> SearchResults:
    """One page of hits from a ranking, with facets over its best FACET_TOP entries."""
    count, exact = total
    best = [r.entry_id for r in ranked[:FACET_TOP]]
    facets = facet_counts(session, best, exact and count <= FACET_TOP)
    hits = make_hits(session, ranked[offset : offset + limit], list(leaves(leaves_of)))
    return SearchResults(query, hits, count, facets, direct or [], limit, offset, exact, mode)


def _total(
    session: Session,
    index: LexicalIndex,
    match: Match | None,
    filters: Filters,
    lexical: list[Ranked],
    semantic: list[Ranked],
    want: int,
) -> tuple[int, bool]:
    """How many entries matched lexically (up to MAX_COUNT) plus the semantic neighbours."""
    count, exact = len(lexical), True
    if match is not None and len(lexical) >= want:
        count = index.count(session, match, filters, MAX_COUNT + 1)
        count, exact = min(count, MAX_COUNT), count <= MAX_COUNT
    seen = {r.entry_id for r in lexical}
    return count + sum(1 for r in semantic if r.entry_id not in seen), exact


def _common(session: Session, index: LexicalIndex) -> Callable[[str], bool]:
    """Whether more than IGNORED_SHARE of the entries hold a term (each term counted once)."""
    return cache(lambda term: index.term_share(session, term) > IGNORED_SHARE)


def store_languages(session: Session) -> list[str]:
    """The languages of the stored documents: a query word is stemmed in each of them."""
    # A DISTINCT over every document took 4-12 ms a query at 25,000 documents: the answer is
    # kept until the index changes (its write stamp, or a write by this process).
    key = session.get_bind().engine.url.render_as_string()
    stamp = (lexical_index(session).stamp(session), index_generation())
    cached = _languages.get(key)
    if cached is not None and cached[0] == stamp:
        return list(cached[1])
    languages = session.scalars(select(schema.Document.language).distinct())
    found = sorted(language for language in languages if language)
    _languages[key] = (stamp, tuple(found))
    return found


__all__ = ["Filters", "LexicalIndex", "run_search", "search"]
