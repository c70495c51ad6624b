"""Is a store consistent? No half documents, no orphans, the search index in step, no duplicates."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

# Tables whose rows belong to one document (document_id) and must not outlive it.
_OWNED = (
    "document_references", "clauses", "authors", "votes", "facts", "quotes", "events",
    "reference_procedures", "search_entries",
)  # fmt: skip
# Each query counts rows that break one rule; the key is the rule, said plainly.
_RULES = {
    "a document without its blob": (
        "SELECT count(*) FROM documents d LEFT JOIN blobs b ON b.sha256 = d.id "
        "WHERE b.sha256 IS NULL"
    ),
    "a blob without its document": (
        "SELECT count(*) FROM blobs b LEFT JOIN documents d ON d.id = b.sha256 WHERE d.id IS NULL"
    ),
    "a document with text but not in the search index": (
        "SELECT count(*) FROM documents d WHERE length(trim(d.body)) > 0 AND NOT EXISTS "
        "(SELECT 1 FROM search_entries s WHERE s.document_id = d.id)"
    ),
    "a clause indexed twice": (
        "SELECT count(*) FROM (SELECT clause_id FROM search_entries WHERE clause_id IS NOT NULL "
        "GROUP BY clause_id HAVING count(*) > 1) twice"
    ),
    "a document indexed twice": (
        "SELECT count(*) FROM (SELECT document_id FROM search_entries WHERE entry = 'document' "
        "GROUP BY document_id HAVING count(*) > 1) twice"
    ),
    "a clause entry whose clause is gone": (
        "SELECT count(*) FROM search_entries s WHERE s.clause_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM clauses c WHERE c.id = s.clause_id)"
    ),
    "a per-MEP position without its vote": (
        "SELECT count(*) FROM member_votes m LEFT JOIN votes v ON v.id = m.vote_id "
        "WHERE v.id IS NULL"
    ),
    "two versions of one source with the same number": (
        "SELECT count(*) FROM (SELECT version_key, version FROM documents "
        "GROUP BY version_key, version HAVING count(*) > 1) twice"
    ),
}
_SQLITE_FTS = (
    "SELECT (SELECT count(*) FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_entries))"
    " + (SELECT count(*) FROM search_entries WHERE id NOT IN (SELECT rowid FROM search_fts))"
)


def store_problems(engine: Engine) -> list[str]:
    """Every broken rule with how many rows break it; empty when the store is consistent."""
    tables = set(inspect(engine).get_table_names())
    if "documents" not in tables:
        return []  # not migrated yet: an empty store is a consistent one
    queries = dict(_RULES)
    for table in _OWNED:
        if table in tables:
            queries[f"a row of {table} whose document is gone"] = (
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.id = t.document_id)"
            )
    if engine.dialect.name == "sqlite" and "search_fts" in tables:
        queries["an FTS row out of step with search_entries"] = _SQLITE_FTS
    problems = []
    with engine.connect() as connection:
        for rule, query in queries.items():
            count = connection.execute(text(query)).scalar_one()
            if count:
                problems.append(f"{rule}: {count}")
    return problems


def row_counts(engine: Engine) -> dict[str, int]:
    """How many rows each table holds (alembic's bookkeeping left out)."""
    names = sorted(set(inspect(engine).get_table_names()) - {"alembic_version"})
    with engine.connect() as connection:
        return {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in names
            if not name.startswith("search_fts_")  # FTS5 shadow tables
        }
