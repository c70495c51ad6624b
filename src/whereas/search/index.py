"""Keeping the search index in step with the store, in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.embed import text_hash
from whereas.search.backend import EntryRow, lexical_index
from whereas.search.labels import (
    document_countries,
    document_passage,
    encode,
    procedure_type,
)
from whereas.search.matrix_cache import index_changed
from whereas.search.text import index_terms
from whereas.store import schema


def index_document(session: Session, document_id: str, *, new: bool = False) -> None:
    """Index one stored document's body and clauses (again, if it was indexed before).

    `new` says the document was first stored in this transaction: it has no entries to remove
    (search_entries.document_id references it), so none are looked for.
    """
    session.flush()  # the writer's pending clauses and references must be visible
    index = lexical_index(session)
    if not new:
        index.delete(session, document_id)
    index_changed()
    document = session.get(schema.Document, document_id)
    if document is None:
        return
    index.write(session, _entry_rows(session, document))
    references = select(schema.DocumentReference.value).where(
        schema.DocumentReference.document_id == document_id
    )
    index.add_references(session, list(session.scalars(references)))


def remove_document(session: Session, document_id: str) -> None:
    """Drop one document's entries (call it before deleting the document)."""
    lexical_index(session).delete(session, document_id)
    index_changed()


def reindex_all(session: Session) -> int:
    """Rebuild the whole index from the store; the number of documents indexed."""
    lexical_index(session).clear(session)
    ids = list(session.scalars(select(schema.Document.id).order_by(schema.Document.id)))
    for document_id in ids:
        index_document(session, document_id)
    return len(ids)


def _entry_rows(session: Session, document: schema.Document) -> list[EntryRow]:
    language = document.language
    clauses = list(
        session.scalars(
            select(schema.Clause)
            .where(schema.Clause.document_id == document.id)
            .order_by(schema.Clause.position)
        )
    )
    about = _document_labels(document, clauses)
    # Each clause's verbs, addressees and themes, read once for its entry and the document's.
    values = [{name: _values(c, name) for name in _CLAUSE_LABELS} for c in clauses]
    rows: list[EntryRow] = []
    body_terms = index_terms(indexed_text(document), language)
    if body_terms:
        union = {name: [v for own in values for v in own[name]] for name in _CLAUSE_LABELS}
        labels = {**about, **{name: encode(vs) for name, vs in union.items()}}
        passage = document_passage(document)
        rows.append(_row(document, None, None, body_terms, labels, passage))
    for clause, own_values in zip(clauses, values, strict=True):
        terms = index_terms(clause.text, language)
        if terms:
            own = {name: encode(own_values[name]) for name in _CLAUSE_LABELS}
            rows.append(_row(document, clause, clause.kind, terms, {**about, **own}, clause.text))
    return rows


_CLAUSE_LABELS = ("verbs", "addressees", "themes")


def indexed_text(document: schema.Document) -> str:
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


def _values(clause: schema.Clause, name: str) -> list[str]:
    return [str(v) for v in getattr(clause, name) or []]


def _document_labels(
    document: schema.Document, clauses: list[schema.Clause]
) -> dict[str, str | None]:
    groups = [str(g) for g in document.groups or [] if isinstance(g, str)]
    return {
        "procedure_type": procedure_type(document.procedure),
        "countries": encode(document_countries(document, clauses)),
        "groups": encode(groups),
    }


def _row(
    document: schema.Document,
    clause: schema.Clause | None,
    clause_kind: str | None,
    terms: list[str],
    labels: dict[str, str | None],
    passage: str,
) -> EntryRow:
    return EntryRow(
        document_id=document.id,
        clause_id=clause.id if clause is not None else None,
        entry="clause" if clause is not None else "document",
        kind=document.kind,
        clause_kind=clause_kind,
        language=document.language,
        date=document.date,
        terms=terms,
        labels=labels,
        text_hash=text_hash(passage) if passage.strip() else None,
    )
