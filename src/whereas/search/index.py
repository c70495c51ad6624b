"""Keeping the search index in step with the store, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.search.backend import EntryRow, lexical_index
from whereas.search.entries import (
    prepare_entries,
    prepare_references,
    with_clause_ids,
)
from whereas.search.matrix_cache import index_changed
from whereas.store import schema


def index_document(
    session: Session, document_id: str, *, new: bool = False, references: bool = True
) -> None:
    """Index one stored document's body and clauses (again, if it was indexed before), and
    with `references` its reference values.

    `new` says the document was first stored in this transaction: it has no entries to remove
    (search_entries.document_id references it), so none are looked for.
    """
    session.flush()  # the writer's pending clauses and references must be visible
    if not new:
        lexical_index(session).delete(session, document_id)
    document = session.get(schema.Document, document_id)
    if document is None:
        index_changed()
        return
    clauses = list(
        session.scalars(
            select(schema.Clause)
            .where(schema.Clause.document_id == document.id)
            .order_by(schema.Clause.position)
        )
    )
    entries = prepare_entries(document.id, document, clauses)
    rows = with_clause_ids(entries, {c.position: c.id for c in clauses})
    values: list[str] = []
    if references:
        of_document = select(schema.DocumentReference.value).where(
            schema.DocumentReference.document_id == document_id
        )
        values = prepare_references(list(session.scalars(of_document)))
    index_prepared(session, rows, values)


def index_prepared(session: Session, rows: Sequence[EntryRow], references: Sequence[str]) -> None:
    """Add entries made beforehand (whereas.search.entries) and a document's references."""
    index = lexical_index(session)
    index_changed()
    index.write(session, rows)
    index.add_references(session, references)


def remove_document(session: Session, document_id: str) -> None:
    """Drop one document's entries (call it before deleting the document)."""
    lexical_index(session).delete(session, document_id)
    index_changed()


def reindex_all(session: Session, *, references: bool = True) -> int:
    """Rebuild the whole index from the store; the number of documents indexed.

    Without `references`, the reference values are left as they are: a migration older than
    the table they are kept in (0014) rebuilds the entries only, and 0014 takes the values.
    """
    index = lexical_index(session)
    index.clear(session)
    if references:  # a restore or a repair: the trigram index made again from its values
        index.rebuild_references(session)
    ids = list(session.scalars(select(schema.Document.id).order_by(schema.Document.id)))
    for document_id in ids:
        index_document(session, document_id, references=references)
    return len(ids)
