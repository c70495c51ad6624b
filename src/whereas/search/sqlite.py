"""The lexical index on SQLite: FTS5 over the terms, BM25 ranking, trigrams for references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from whereas.search.backend import EntryRow, Ranked
from whereas.search.plan import AnyOf, Match, PhraseTerms, Terms
from whereas.search.tables import search_entries as e

_meta = MetaData()
search_fts = Table("search_fts", _meta, Column("rowid", Integer), Column("terms", Text))
search_references = Table("search_references", _meta, Column("value", Text))
_FTS: ColumnClause[Any] = literal_column("search_fts")


def quote(term: str) -> str:
    """One FTS5 string: user text never reaches MATCH unquoted."""
    return '"' + term.replace('"', '""') + '"'


def compile_match(match: Match) -> str:
    """The FTS5 MATCH expression of a plan, every term quoted, every group parenthesised."""
    if isinstance(match, Terms):
        star = "*" if match.prefix else ""
        return _any([quote(v) + star for v in match.variants])
    if isinstance(match, PhraseTerms):
        return _any([quote(" ".join(words)) for words in match.variants])
    if isinstance(match, AnyOf):
        return _any([compile_match(c) for c in match.children])
    positives = " AND ".join(compile_match(p) for p in match.positives)
    if not match.negatives:
        return f"({positives})"
    negatives = _any([compile_match(n) for n in match.negatives])
    return f"(({positives}) NOT {negatives})"


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


class SqliteIndex:
    """FTS5 table search_fts whose rowid is search_entries.id."""

    def write(self, session: Session, rows: Sequence[EntryRow]) -> None:
        """Add entries to the index."""
        if not rows:
            return
        # Ids are allocated here: the writer's transaction holds SQLite's write lock.
        first = (session.scalar(select(func.max(e.c.id))) or 0) + 1
        session.execute(insert(e), [{"id": first + i, **r.columns()} for i, r in enumerate(rows)])
        session.execute(
            insert(search_fts),
            [{"rowid": first + i, "terms": " ".join(r.terms)} for i, r in enumerate(rows)],
        )

    def delete(self, session: Session, document_id: str) -> None:
        """Remove every entry of one document."""
        ids = list(session.scalars(select(e.c.id).where(e.c.document_id == document_id)))
        if ids:
            by_rowid = delete(search_fts).where(search_fts.c.rowid == bindparam("rid"))
            session.execute(by_rowid, [{"rid": i} for i in ids])
            session.execute(delete(e).where(e.c.document_id == document_id))

    def clear(self, session: Session) -> None:
        """Remove every entry."""
        session.execute(delete(search_fts))
        session.execute(delete(e))

    def _matching(self, match: Match, where: list[ColumnElement[bool]]) -> Select[tuple[int]]:
        if not where:  # FTS5 alone: no join for the rows that will not be shown
            return select(search_fts.c.rowid).where(_FTS.op("MATCH")(compile_match(match)))
        return (
            select(e.c.id)
            .select_from(search_fts.join(e, e.c.id == search_fts.c.rowid))
            .where(_FTS.op("MATCH")(compile_match(match)), *where)
        )

    def rank(
        self, session: Session, match: Match, where: list[ColumnElement[bool]], limit: int
    ) -> list[Ranked]:
        """The best entries, best first (BM25; FTS5 gives lower-is-better, negated here)."""
        score = func.bm25(_FTS)
        query = self._matching(match, where).add_columns(score).order_by(score, search_fts.c.rowid)
        rows = session.execute(query.limit(limit))
        return [Ranked(int(row[0]), -float(row[1])) for row in rows]

    def count(
        self, session: Session, match: Match, where: list[ColumnElement[bool]], cap: int
    ) -> int:
        """How many entries match, counting no further than `cap`."""
        matching = self._matching(match, where).limit(cap).subquery()
        return int(session.scalar(select(func.count()).select_from(matching)) or 0)

    def add_references(self, session: Session, values: Sequence[str]) -> None:
        """Make reference values findable by any part of them (one row per distinct value)."""
        # One trigram MATCH for all the values of a document, not one query per value: the
        # per-value queries were a tenth of the ingest time of a resolution.
        wanted = list(dict.fromkeys(v for v in values if len(v) >= 3))
        if not wanted:
            return
        present = set(
            session.scalars(
                select(search_references.c.value)
                .where(
                    literal_column("search_references").op("MATCH")(
                        " OR ".join(quote(v) for v in wanted)
                    )
                )
                .where(search_references.c.value.in_(wanted))
            )
        )
        missing = [{"value": v} for v in wanted if v not in present]
        if missing:
            session.execute(insert(search_references), missing)

    def find_references(self, session: Session, text: str, limit: int) -> list[str]:
        """Reference values that contain `text` (case-insensitive, at least 3 characters)."""
        if len(text) < 3:
            return []
        query = (
            select(search_references.c.value)
            .where(literal_column("search_references").op("MATCH")(quote(text)))
            .order_by(search_references.c.value)
            .limit(limit)
        )
        return list(session.scalars(query))
