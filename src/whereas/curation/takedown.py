"""Takedowns: hide a document from the public side, or purge it and everything derived from it.

A purge keeps only who purged which document id, when and why; decisions and audit entries about
the document lose their values and reasons (they could quote the text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.orm import Session

from whereas.curation.audit import record
from whereas.embed import text_hash
from whereas.errors import UnknownDocument
from whereas.search.fts5 import search_reference_values
from whereas.search.index import index_document, remove_document
from whereas.search.labels import document_passage
from whereas.search.tables import search_entries
from whereas.store import Store, schema

SCRUBBED = {"scrubbed": "the document was purged"}


def _document(session: Session, document_id: str) -> schema.Document:
    document = session.get(schema.Document, document_id)
    if document is None:
        raise UnknownDocument(f"no document {document_id!r} in the store")
    return document


def hidden_ids(session: Session) -> set[str]:
    """The ids of hidden documents."""
    return set(session.scalars(select(schema.HiddenDocument.document_id)))


def hide_document(session: Session, document_id: str, actor: str, reason: str | None) -> bool:
    """Take a document off the public side (export, search); False when it was hidden already."""
    _document(session, document_id)
    if session.get(schema.HiddenDocument, document_id) is not None:
        return False
    session.add(
        schema.HiddenDocument(
            document_id=document_id, hidden_by=actor, hidden_at=datetime.now(UTC), reason=reason
        )
    )
    remove_document(session, document_id)
    record(session, actor, "hide", document_id, document_id=document_id, reason=reason)
    return True


def unhide_document(session: Session, document_id: str, actor: str, reason: str | None) -> bool:
    """Show a hidden document again; False when it was not hidden."""
    hidden = session.get(schema.HiddenDocument, document_id)
    if hidden is None:
        return False
    session.delete(hidden)
    index_document(session, document_id)
    record(session, actor, "unhide", document_id, document_id=document_id, reason=reason)
    return True


@dataclass(frozen=True)
class PurgeReport:
    """What a purge removed."""

    document_id: str
    clauses: int
    vectors: int


def purge_document(session: Session, document_id: str, actor: str, reason: str) -> PurgeReport:
    """Remove a document's bytes, text, derived rows, index entries and vectors; record the act."""
    document = _document(session, document_id)
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))  # freed pages are zeroed, not left
    clauses = list(
        session.scalars(select(schema.Clause.text).where(schema.Clause.document_id == document_id))
    )
    hashes = {text_hash(t) for t in clauses} | {text_hash(document_passage(document))}
    indexed = select(search_entries.c.text_hash).where(search_entries.c.document_id == document_id)
    hashes |= {h for h in session.scalars(indexed) if h}
    remove_document(session, document_id)
    _forget_references(session, document_id)
    vectors = _drop_vectors(session, hashes)
    _drop_derived(session, document_id)
    _scrub_curation(session, document_id)
    session.add(
        schema.PurgedDocument(
            document_id=document_id, purged_by=actor, purged_at=datetime.now(UTC), reason=reason
        )
    )
    record(session, actor, "purge", document_id, document_id=document_id, reason=reason)
    _optimise_index(session)
    session.flush()
    return PurgeReport(document_id, len(clauses), vectors)


def _drop_vectors(session: Session, hashes: set[str]) -> int:
    shared = select(search_entries.c.text_hash).where(
        search_entries.c.text_hash.in_(sorted(hashes))
    )
    gone = sorted(hashes - set(session.scalars(shared)))
    if gone:
        session.execute(delete(schema.ClauseVector).where(schema.ClauseVector.text_hash.in_(gone)))
    return len(gone)


def _forget_references(session: Session, document_id: str) -> None:
    """SQLite keeps reference values in a table of their own: drop those of no other document."""
    if session.bind is None or session.bind.dialect.name != "sqlite":
        return
    r = schema.DocumentReference
    own = set(session.scalars(select(r.value).where(r.document_id == document_id)))
    others = set(
        session.scalars(
            select(r.value).where(r.document_id != document_id, r.value.in_(sorted(own)))
        )
    )
    gone = sorted(own - others)
    if gone:  # the triggers of migration 0014 take them out of the trigram index
        values = search_reference_values.c.value
        session.execute(delete(search_reference_values).where(values.in_(gone)))


def _drop_derived(session: Session, document_id: str) -> None:
    """The document row (its clauses, votes, links... go with it) and the rows made from it."""
    d, p = schema.Document, schema.Procedure
    session.execute(
        update(p)
        .where(p.title_document_id == document_id)
        .values(title=None, title_document_id=None)
    )
    session.execute(update(d).where(d.superseded_by == document_id).values(superseded_by=None))
    session.execute(delete(schema.Membership).where(schema.Membership.document_id == document_id))
    session.execute(delete(schema.Person).where(schema.Person.document_id == document_id))
    session.execute(
        delete(schema.HiddenDocument).where(schema.HiddenDocument.document_id == document_id)
    )
    session.execute(delete(d).where(d.id == document_id))
    session.execute(delete(schema.Blob).where(schema.Blob.sha256 == document_id))
    session.execute(
        delete(p).where(
            ~select(d.id).where(d.procedure == p.reference).exists(),
            ~select(schema.DocumentReference.id)
            .where(schema.DocumentReference.value == p.reference)
            .exists(),
        )
    )
    session.expunge_all()


def _scrub_curation(session: Session, document_id: str) -> None:
    rd, a = schema.ReviewDecision, schema.AuditEntry
    about = f"%{document_id}%"
    session.execute(delete(rd).where(or_(rd.document_id == document_id, rd.item_key.like(about))))
    session.execute(
        update(a)
        .where(or_(a.document_id == document_id, a.target.like(about)))
        .values(detail=SCRUBBED, reason=None)
    )


def _optimise_index(session: Session) -> None:
    """SQLite: merge the FTS5 segments so that no deleted term is left in the index's pages."""
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
        session.execute(text("INSERT INTO search_references(search_references) VALUES('optimize')"))


def purge(store: Store, document_id: str, actor: str, reason: str) -> PurgeReport:
    """Purge in a transaction of its own, then leave no old page behind (SQLite's WAL)."""
    with store.session() as session:
        report = purge_document(session, document_id, actor, reason)
    store.fold_counts()  # the rows purged, as row count deltas (PostgreSQL)
    if store.dialect == "sqlite":
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return report
