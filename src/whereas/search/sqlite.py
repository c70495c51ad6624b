"""The lexical index on SQLite: FTS5 over the terms, BM25 ranking, trigrams for references."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    delete,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from whereas.search import fts_rank
from whereas.search.backend import EntryRow, Ranked
from whereas.search.entries import prepare_references
from whereas.search.filters import Filters
from whereas.search.frequencies import written
from whereas.search.fts5 import (
    FTS,
    compile_match,
    entry_id,
    fts_match,
    labels_column,
    quote,
    search_fts,
    search_references,
    search_state,
)
from whereas.search.fts_filters import entry_share
from whereas.search.label_terms import entry_label_terms, label_match
from whereas.search.plan import Match
from whereas.search.tables import search_entries as e
from whereas.store.bulk import insert_rows

_NEXT_ENTRY = "next_entry"
_ADD_REFERENCE = "INSERT OR IGNORE INTO search_reference_values (value) VALUES (?)"
_REBUILD_REFERENCES = "INSERT INTO search_references(search_references) VALUES('rebuild')"
__all__ = ["SqliteIndex", "compile_match", "quote", "search_fts", "search_references"]


class SqliteIndex:
    """FTS5 table search_fts whose rowid is search_entries.id."""

    def __init__(self) -> None:
        # The match `rank` last counted and its count (None beyond the candidates): one search
        # ranks then counts the same match, which can cost the most of all when it holds
        # words nearly every entry has ("calls on the Commission").
        self._counted: tuple[str, int | None] = ("", None)

    def write(self, session: Session, rows: Sequence[EntryRow]) -> None:
        """Add entries to the index."""
        if not rows:
            return
        first = _allocate(session, len(rows))
        made = []
        for offset, row in enumerate(rows):
            column = row.fts_labels
            if column is None:
                labels = row.label_terms
                if labels is None:
                    labels = tuple(entry_label_terms(row.columns()))
                column = labels_column(row.terms, list(labels))
            length = column.count(" ") + 1 if column else 0
            made.append((entry_id(first + offset, len(row.terms), length), row, column))
        # FTS5 writes out its pending terms whenever a rowid is lower than the one before.
        made.sort(key=lambda m: m[0])
        written(session)
        # The driver's executemany with each column's bind processor (whereas.store.bulk), not
        # Core INSERTs: their per-row parameter building was most of writing a document's
        # entries (issue 10). Same statements, same rows.
        insert_rows(session, e, [{"id": i, **r.columns()} for i, r, _ in made])
        fts_rows = [{"rowid": i, "terms": " ".join(r.terms), "labels": ls} for i, r, ls in made]
        insert_rows(session, search_fts, fts_rows)

    def delete(self, session: Session, document_id: str) -> None:
        """Remove every entry of one document."""
        ids = list(session.scalars(select(e.c.id).where(e.c.document_id == document_id)))
        if ids:
            written(session)
            by_rowid = delete(search_fts).where(search_fts.c.rowid == bindparam("rid"))
            session.execute(by_rowid, [{"rid": i} for i in ids])
            session.execute(delete(e).where(e.c.document_id == document_id))

    def clear(self, session: Session) -> None:
        """Remove every entry."""
        written(session)
        session.execute(delete(search_fts))
        session.execute(delete(e))

    def stamp(self, session: Session) -> int:
        """A number that grows whenever entries are written (ids are not in order of writing)."""
        state = search_state.c
        return int(session.scalar(select(state.value).where(state.name == _NEXT_ENTRY)) or 0)

    def rank(self, session: Session, match: Match, filters: Filters, limit: int) -> list[Ranked]:
        """The best entries, best first (BM25; exact up to fts_rank.RANK_CANDIDATES matches)."""
        ranking = fts_rank.rank(session, match, filters, limit, self.stamp(session))
        self._counted = (ranking.expression, ranking.matches)
        return ranking.ranked

    def count(self, session: Session, match: Match, filters: Filters, cap: int) -> int:
        """How many entries match, counting no further than `cap` (every label term matched:
        without BM25 a broad one costs little)."""
        labels = label_match(filters)
        expression = fts_match(match, labels)
        counted_expression, counted = self._counted
        if labels.exact and counted_expression == expression and counted is not None:
            return min(counted, cap)
        residual = [] if labels.exact else filters.date_conditions()
        matching = _matching(expression, residual).limit(cap).subquery()
        return int(session.scalar(select(func.count()).select_from(matching)) or 0)

    def term_share(self, session: Session, term: str) -> float:
        """The share of the entries that hold `term` among their words (cached)."""
        return entry_share(session, "terms", term, self.stamp(session))

    def add_references(self, session: Session, values: Sequence[str]) -> None:
        """Make reference values findable by any part of them (one row per distinct value)."""
        # Keyed by value (migration 0014): a value already there costs one B-tree lookup, and
        # the trigram table over them is kept in step by triggers. Asking the trigram table
        # which values it held read every value sharing a trigram: it grew with the store.
        wanted = [(v,) for v in prepare_references(values)]
        if wanted:
            session.connection().exec_driver_sql(_ADD_REFERENCE, wanted)

    def rebuild_references(self, session: Session) -> None:
        """The trigram index made again from search_reference_values (FTS5's 'rebuild'): the
        repair for an index a process of the code before 0014 wrote into directly."""
        session.execute(text(_REBUILD_REFERENCES))

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


def _allocate(session: Session, count: int) -> int:
    """The first of `count` new sequence numbers (search_state holds the next one)."""
    connection = session.connection()  # the driver's SQL: no statement built a document
    bumped = connection.exec_driver_sql(_BUMP, (count, _NEXT_ENTRY)).scalar()
    if bumped is not None:
        return int(bumped) - count
    connection.exec_driver_sql(_FIRST, (_NEXT_ENTRY, 1 + count))
    return 1


_BUMP = "UPDATE search_state SET value = value + ? WHERE name = ? RETURNING value"
_FIRST = "INSERT INTO search_state (name, value) VALUES (?, ?)"


def _matching(expression: str, residual: list[ColumnElement[bool]]) -> Select[int]:
    matched = FTS.op("MATCH")(expression)
    if not residual:  # FTS5 alone: no join for the rows that will not be shown
        return select(search_fts.c.rowid).where(matched)
    joined = search_fts.join(e, e.c.id == search_fts.c.rowid)
    return select(search_fts.c.rowid).select_from(joined).where(matched, *residual)
