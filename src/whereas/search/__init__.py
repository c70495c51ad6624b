"""Full-text search over clauses and documents, on SQLite FTS5 or PostgreSQL tsvector."""

from whereas.search.engine import Filters, run_search, search
from whereas.search.index import index_document, reindex_all, remove_document
from whereas.search.results import DirectHit, Facets, SearchHit, SearchResults

__all__ = [
    "DirectHit",
    "Facets",
    "Filters",
    "SearchHit",
    "SearchResults",
    "index_document",
    "reindex_all",
    "remove_document",
    "run_search",
    "search",
]
