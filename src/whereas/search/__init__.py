"""Full-text search over clauses and documents, on SQLite FTS5 or PostgreSQL tsvector."""

from whereas.search.embedding import embed_entries
from whereas.search.engine import Filters, run_search, search
from whereas.search.index import index_document, reindex_all, remove_document
from whereas.search.results import DirectHit, Facets, SearchHit, SearchResults
from whereas.search.similar import like_clause

__all__ = [
    "DirectHit",
    "Facets",
    "Filters",
    "SearchHit",
    "SearchResults",
    "embed_entries",
    "index_document",
    "like_clause",
    "reindex_all",
    "remove_document",
    "run_search",
    "search",
]
