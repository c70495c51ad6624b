"""What a lexical index does, whatever the database: one implementation per dialect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

from whereas.search.filters import Filters
from whereas.search.plan import Match
from whereas.search.tables import MULTI_VALUED


@dataclass(frozen=True)
class EntryRow:
    """A clause or a document on its way into the index, with its terms."""

    document_id: str
    clause_id: int | None
    entry: str
    kind: str
    clause_kind: str | None
    language: str | None
    date: date | None
    terms: list[str]
    labels: dict[str, str | None] = field(default_factory=dict)  # procedure_type, countries...
    text_hash: str | None = None
    # Made with the row where it is cheap to (an ingest worker), else when it is written.
    label_terms: tuple[str, ...] | None = None  # whereas.search.label_terms.entry_label_terms
    fts_labels: str | None = None  # SQLite's labels column (whereas.search.fts5.labels_column)

    def columns(self) -> dict[str, object]:
        """The row's values for search_entries (without the terms)."""
        return {
            "document_id": self.document_id,
            "clause_id": self.clause_id,
            "entry": self.entry,
            "kind": self.kind,
            "clause_kind": self.clause_kind,
            "language": self.language,
            "date": self.date,
            "year": self.date.year if self.date else None,
            "procedure_type": self.labels.get("procedure_type"),
            **{name: self.labels.get(name) for name in MULTI_VALUED},
            "text_hash": self.text_hash,
        }


@dataclass(frozen=True)
class Ranked:
    """An index entry that matched, with the ranker's score (higher is better)."""

    entry_id: int
    score: float


class LexicalIndex(Protocol):
    """Terms in, ranked entries out: SQLite FTS5 or PostgreSQL tsvector."""

    def write(self, session: Session, rows: Sequence[EntryRow]) -> None:
        """Add entries to the index."""

    def delete(self, session: Session, document_id: str) -> None:
        """Remove every entry of one document."""

    def clear(self, session: Session) -> None:
        """Remove every entry."""

    def stamp(self, session: Session) -> int:
        """A number that grows whenever entries are written (caches compare it)."""

    def rank(self, session: Session, match: Match, filters: Filters, limit: int) -> list[Ranked]:
        """The best `limit` entries that match and pass `filters`, best first."""

    def count(self, session: Session, match: Match, filters: Filters, cap: int) -> int:
        """How many entries match and pass `filters`, counting no further than `cap`."""

    def term_share(self, session: Session, term: str) -> float:
        """The share of the entries that hold the index term `term` (counted once, cached)."""

    def add_references(self, session: Session, values: Sequence[str]) -> None:
        """Make reference values findable by any part of them."""

    def rebuild_references(self, session: Session) -> None:
        """Make the index of the reference values again from the values kept (a repair)."""

    def find_references(self, session: Session, text: str, limit: int) -> list[str]:
        """Reference values that contain `text` (case-insensitive), in order."""


def lexical_index(session: Session) -> LexicalIndex:
    """The index implementation for the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        from whereas.search.postgres import PostgresIndex

        return PostgresIndex()
    from whereas.search.sqlite import SqliteIndex

    return SqliteIndex()
