"""The lexical index on PostgreSQL: a tsvector column with GIN, ts_rank, pg_trgm for references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    Select,
    Table,
    cast,
    delete,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from whereas.search.backend import EntryRow, Ranked
from whereas.search.counts import cached_count
from whereas.search.filters import Filters
from whereas.search.label_terms import LabelMatch, entry_label_terms, label_match
from whereas.search.pg_rank import common_words, lexeme, rank_pools, repeat_lexemes
from whereas.search.plan import AnyOf, Match, PhraseTerms, Terms
from whereas.search.tables import search_entries as e
from whereas.store.bulk import insert_rows
from whereas.store.schema import DocumentReference

_TERMS: ColumnClause[Any] = literal_column("search_entries.terms")
# search_entries as PostgreSQL has it: the shared columns and the tsvector.
_WITH_TERMS = Table(
    "search_entries",
    MetaData(),
    *(Column(c.name, c.type, primary_key=c.primary_key) for c in e.columns),
    Column("terms", TSVECTOR),
)


# Label terms are lexemes of the same tsvector, marked so that no word of a query (letters and
# digits, a prefix of at least 3 of them) can ever be or start one.
LABEL_MARK = "_"


def to_tsvector_literal(terms: Sequence[str], labels: Sequence[str] = ()) -> str:
    """The tsvector of terms in order, with their positions (1-based), so phrases work, of the
    entry's label terms and of the markers of its repeated words (without positions: no phrase
    spans them, and ts_rank is never asked about them)."""
    positions: dict[str, list[str]] = {}
    for position, term in enumerate(terms, start=1):
        positions.setdefault(term, []).append(str(position))
    words = [f"{lexeme(t)}:{','.join(p)}" for t, p in positions.items()]
    marks = [lexeme(LABEL_MARK + t) for t in dict.fromkeys(labels)]
    return " ".join([*words, *marks, *map(lexeme, repeat_lexemes(terms))])


def compile_tsquery(match: Match) -> str:
    """The tsquery of a plan, every lexeme quoted, every group parenthesised."""
    if isinstance(match, Terms):
        star = ":*" if match.prefix else ""
        return _any([lexeme(v) + star for v in match.variants])
    if isinstance(match, PhraseTerms):
        phrases = [" <-> ".join(lexeme(w) for w in words) for words in match.variants]
        return _any([f"({phrase})" for phrase in phrases])
    if isinstance(match, AnyOf):
        return _any([compile_tsquery(c) for c in match.children])
    positives = " & ".join(compile_tsquery(p) for p in match.positives)
    if not match.negatives:
        return f"({positives})"
    negatives = _any([compile_tsquery(n) for n in match.negatives])
    return f"(({positives}) & !{negatives})"


def label_tsquery(labels: LabelMatch) -> str | None:
    """The tsquery of the filters' label terms (one of each group), None without any."""
    if not labels.groups:
        return None
    groups = [_any([lexeme(LABEL_MARK + t) for t in group]) for group in labels.groups]
    return "(" + " & ".join(groups) + ")"


def _any(parts: list[str]) -> str:
    return "(" + " | ".join(parts) + ")"


class PostgresIndex:
    """search_entries.terms (tsvector, GIN index) beside each entry's columns."""

    def write(self, session: Session, rows: Sequence[EntryRow]) -> None:
        """Add entries to the index."""
        if not rows:
            return
        # One COPY (whereas.store.bulk): psycopg ran the executemany of an INSERT one
        # statement a row. The tsvector's text is parsed as the CAST of the INSERT parsed it.
        values = []
        for row in rows:
            columns = row.columns()
            labels = row.label_terms
            if labels is None:
                labels = tuple(entry_label_terms(columns))
            literal = to_tsvector_literal(row.terms, labels)
            values.append({**columns, "terms": literal})
        insert_rows(session, _WITH_TERMS, values)

    def delete(self, session: Session, document_id: str) -> None:
        """Remove every entry of one document."""
        session.execute(delete(e).where(e.c.document_id == document_id))

    def clear(self, session: Session) -> None:
        """Remove every entry."""
        session.execute(delete(e))

    def stamp(self, session: Session) -> int:
        """The last entry id: ids grow with every entry written (BIGSERIAL)."""
        return int(session.scalar(select(func.max(e.c.id))) or 0)

    def _matching(self, match: Match, filters: Filters) -> Select[int]:
        # The filters' label terms go to the GIN index with the words; the exact conditions
        # then only see the entries both find.
        words = compile_tsquery(match)
        labels = label_tsquery(label_match(filters))
        query = cast(words if labels is None else f"({words}) & {labels}", TSQUERY)
        return select(e.c.id).where(_TERMS.op("@@")(query), *filters.where())

    def rank(self, session: Session, match: Match, filters: Filters, limit: int) -> list[Ranked]:
        """The best entries, best first (ts_rank of the words alone), ranked among candidates
        when the query is broad (whereas.search.pg_rank)."""
        score = func.ts_rank(_TERMS, cast(compile_tsquery(match), TSQUERY))
        common = common_words(match, lambda term: self.term_share(session, term))
        return rank_pools(session, self._matching(match, filters), match, score, limit, common)

    def rank_exactly(
        self, session: Session, match: Match, filters: Filters, limit: int
    ) -> list[Ranked]:
        """The best entries by ts_rank over every match (what the pools are measured against)."""
        score = func.ts_rank(_TERMS, cast(compile_tsquery(match), TSQUERY))
        query = self._matching(match, filters).add_columns(score)
        rows = session.execute(query.order_by(score.desc(), e.c.id).limit(limit))
        return [Ranked(int(row[0]), float(row[1])) for row in rows]

    def count(self, session: Session, match: Match, filters: Filters, cap: int) -> int:
        """How many entries match, counting no further than `cap`."""
        matching = self._matching(match, filters).limit(cap).subquery()
        return int(session.scalar(select(func.count()).select_from(matching)) or 0)

    def term_share(self, session: Session, term: str) -> float:
        """The share of the entries whose tsvector holds `term` (counted once, cached)."""
        stamp = self.stamp(session)
        holding = select(func.count()).select_from(e)
        held = holding.where(_TERMS.op("@@")(cast(lexeme(term), TSQUERY)))
        found = cached_count(session, f"terms:{term}", stamp, lambda: session.scalar(held) or 0)
        every = cached_count(session, "terms:", stamp, lambda: session.scalar(holding) or 0)
        return found / max(every, 1)

    def add_references(self, session: Session, values: Sequence[str]) -> None:
        """Nothing to do: pg_trgm indexes document_references.value itself."""

    def rebuild_references(self, session: Session) -> None:
        """Nothing to do: PostgreSQL keeps its pg_trgm index in step itself."""

    def find_references(self, session: Session, text: str, limit: int) -> list[str]:
        """Reference values that contain `text` (case-insensitive, at least 3 characters)."""
        if len(text) < 3:
            return []
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        value = DocumentReference.value
        query = select(value).where(value.ilike(pattern, escape="\\")).distinct()
        return list(session.scalars(query.order_by(value).limit(limit)))
