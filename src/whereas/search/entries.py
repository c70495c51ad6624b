"""A document's index entries made from its values alone, without the database.

The same function makes the entries of a stored document (search.index reads it back) and of a
document on its way in: an ingest worker makes those beside the parse, so that the process that
keeps the store only inserts them (issue 10: that process was the bottleneck of ingest).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from whereas.embed import text_hash
from whereas.recognize.references import procedure_type
from whereas.search.backend import EntryRow
from whereas.search.fts5 import labels_column
from whereas.search.label_terms import entry_label_terms
from whereas.search.labels import (
    AddressingClause,
    TitledText,
    document_countries,
    document_passage,
    encode,
)
from whereas.search.text import index_terms


class IndexedDocument(TitledText, Protocol):
    """What the index reads of a document (a stored row, or its values before it is stored):
    labels' title, body and language, and these."""

    @property
    def kind(self) -> str: ...
    @property
    def date(self) -> date | None: ...
    @property
    def procedure(self) -> str | None: ...
    @property
    def groups(self) -> Sequence[Any] | None: ...
    @property
    def source_path(self) -> str | None: ...


class IndexedClause(AddressingClause, Protocol):
    """What the index reads of a clause (a stored row, or a parsed clause): labels' addressees,
    and these."""

    @property
    def position(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def verbs(self) -> Sequence[Any] | None: ...
    @property
    def themes(self) -> Sequence[Any] | None: ...


@dataclass(frozen=True)
class DocumentValues:
    """The values of a document row the index reads, before the row is stored."""

    kind: str
    title: str | None
    body: str | None
    language: str | None
    date: date | None
    procedure: str | None
    groups: Sequence[Any] | None
    source_path: str | None


@dataclass(frozen=True)
class PreparedEntry:
    """An entry whose clause has no id yet: the clause's position stands for it."""

    row: EntryRow
    clause_position: int | None


def prepare_entries(
    document_id: str, document: IndexedDocument, clauses: Sequence[IndexedClause]
) -> list[PreparedEntry]:
    """The index entries of a document and of its clauses (in position order), with terms and
    label terms made."""
    language = document.language
    about = _document_labels(document, clauses)
    # Each clause's verbs, addressees and themes, read once for its entry and the document's.
    values = [{name: _values(c, name) for name in _CLAUSE_LABELS} for c in clauses]
    entries: list[PreparedEntry] = []
    body_terms = index_terms(indexed_text(document), language)
    if body_terms:
        union = {name: [v for own in values for v in own[name]] for name in _CLAUSE_LABELS}
        labels = {**about, **{name: encode(vs) for name, vs in union.items()}}
        passage = document_passage(document)
        row = _row(document_id, document, None, body_terms, labels, passage)
        entries.append(PreparedEntry(row, None))
    for clause, own_values in zip(clauses, values, strict=True):
        terms = index_terms(clause.text, language)
        if terms:
            own = {name: encode(own_values[name]) for name in _CLAUSE_LABELS}
            row = _row(document_id, document, clause.kind, terms, {**about, **own}, clause.text)
            entries.append(PreparedEntry(row, clause.position))
    return entries


def with_clause_ids(entries: Sequence[PreparedEntry], ids: Mapping[int, int]) -> list[EntryRow]:
    """The entries' rows, each clause entry with the id of the clause at its position."""
    return [
        e.row if e.clause_position is None else replace(e.row, clause_id=ids[e.clause_position])
        for e in entries
    ]


def prepare_references(values: Sequence[str]) -> list[str]:
    """The distinct reference values a document makes findable (3 characters or more), in
    order."""
    return list(dict.fromkeys(v for v in values if len(v) >= 3))


_CLAUSE_LABELS = ("verbs", "addressees", "themes")


def indexed_text(document: IndexedDocument) -> str:
    """What a document entry is found by: its title and body, or a dataset's description.

    A dataset (a CSV export of votes, MEPs, texts tabled) is found by its file name, its columns
    and its size, not by every row: its rows are records of their own (votes, people,
    procedures), and a body of megabytes matched nearly any query and crowded out the texts.
    """
    title = document.title or ""
    body = document.body or ""
    if document.kind == "dataset":
        name = (document.source_path or "").replace("\\", "/").rsplit("/", 1)[-1]
        lines = body.splitlines()
        header = lines[0][:2000] if lines else ""
        rows = max(0, len(lines) - 1)
        return "\n".join(p for p in (title, name, header, f"dataset {rows} rows") if p)
    return f"{title}\n{body}" if title else body


def _values(clause: IndexedClause, name: str) -> list[str]:
    return [str(v) for v in getattr(clause, name) or []]


def _document_labels(
    document: IndexedDocument, clauses: Sequence[IndexedClause]
) -> dict[str, str | None]:
    groups = [str(g) for g in document.groups or [] if isinstance(g, str)]
    return {
        "procedure_type": procedure_type(document.procedure),
        "countries": encode(document_countries(document, clauses)),
        "groups": encode(groups),
    }


def _row(
    document_id: str,
    document: IndexedDocument,
    clause_kind: str | None,
    terms: list[str],
    labels: dict[str, str | None],
    passage: str,
) -> EntryRow:
    row = EntryRow(
        document_id=document_id,
        clause_id=None,
        entry="clause" if clause_kind is not None else "document",
        kind=document.kind,
        clause_kind=clause_kind,
        language=document.language,
        date=document.date,
        terms=terms,
        labels=labels,
        text_hash=text_hash(passage) if passage.strip() else None,
    )
    label_terms = tuple(entry_label_terms(row.columns()))
    return replace(row, label_terms=label_terms, fts_labels=labels_column(terms, list(label_terms)))
