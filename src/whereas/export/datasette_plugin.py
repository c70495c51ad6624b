"""Datasette plugin (`whereas[explore]`): a whereas SQLite store opens in Datasette with its tables
described, its licence and sources shown, and its full-text index usable.

The FTS5 table holds Snowball stems made in Python (whereas.search.text), so a raw word rarely
matches it: the SQL function `whereas_match(words)` turns words into the FTS5 query the store's
own search would run, and the canned query `search` uses it.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import Any

from datasette import hookimpl

from whereas.export.terms import EP_NOTICE
from whereas.search.text import query_terms, tokens

# Languages whose stems the index may hold: every EU language with a Snowball stemmer.
_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt", "da", "sv", "fi", "hu", "ro", "el", "lt",
              "ga", "cs", "pl", "sk", "sl", "bg", "hr", "lv", "et", "mt")  # fmt: skip
_NEVER = '"\u2400"'  # a term no text yields: an empty query matches nothing
SEARCH_SQL = """select e.document_id, d.reference, d.kind, e.entry, e.clause_kind, c.label,
  coalesce(c.text, d.title) as text, d.source_url, d.source_path
from search_fts f
join search_entries e on e.id = f.rowid
join documents d on d.id = e.document_id
left join clauses c on c.id = e.clause_id
where search_fts match whereas_match(:q)
order by f.rank limit 100"""
_TABLES = {
    "documents": "One version of one source file each (id: sha256 of its bytes).",
    "clauses": "Citations, recitals, paragraphs and points of resolution texts.",
    "votes": "Votes and tallies, official (vote lists) or claimed (press, news).",
    "member_votes": "How each MEP voted in each roll call.",
    "procedures": "Procedures (2022/2505(RSP)).",
    "people": "MEPs.",
    "links": "Lineage, repeats and claim checks between documents and clauses.",
}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_match(words: str | None) -> str:
    """The FTS5 query for `words`: every word, in any of its indexed forms."""
    parts = []
    for token in tokens(words or ""):
        variants = sorted(query_terms(token.word, _LANGUAGES))
        if variants:
            parts.append("(" + " OR ".join(_quote(v) for v in variants) + ")")
    return " AND ".join(parts) or _NEVER


@cache
def is_whereas_store(path: str) -> bool:
    """Whether the SQLite file at `path` is a whereas store (it has the search index)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            names = {r[0] for r in conn.execute("select name from sqlite_master")}
    except sqlite3.Error:
        return False
    return {"documents", "search_entries", "search_fts"} <= names


def database_metadata() -> dict[str, Any]:
    """Datasette metadata of one whereas store: descriptions, the FTS link, canned queries."""
    tables: dict[str, Any] = {name: {"description": text} for name, text in _TABLES.items()}
    tables["search_entries"] = {"fts_table": "search_fts", "fts_pk": "id"}
    tables["blobs"] = {"hidden": True}
    return {
        "tables": tables,
        "queries": {
            "search": {
                "sql": SEARCH_SQL,
                "title": "Search clauses and documents",
                "description": "Words in any EU language, stemmed as whereas search does.",
            }
        },
    }


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Register whereas_match() on every connection Datasette opens."""
    conn.create_function("whereas_match", 1, fts_match, deterministic=True)


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> Any:
    """Licence, source and table descriptions of every whereas store Datasette serves."""
    stores = [
        name
        for name, db in datasette.databases.items()
        if getattr(db, "path", None) and is_whereas_store(str(db.path))
    ]
    if not stores:
        return {}
    return {
        "license": EP_NOTICE["name"],
        "license_url": EP_NOTICE["url"],
        "source": "European Parliament and other publishers: each document's source_url "
        "and source_path",
        "databases": {name: database_metadata() for name in stores},
    }
