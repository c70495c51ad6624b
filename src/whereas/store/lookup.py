"""Finding a record by any of its names: a procedure, a document reference, a document id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, undefer

from whereas.errors import UnknownReference
from whereas.link.votes import ClauseAttachment, ClauseFinder
from whereas.recognize.references import normalise_reference
from whereas.store import schema
from whereas.store.votes import VoteBreakdown, VoteConflict, vote_breakdowns, vote_conflicts

_HEX_PREFIX = re.compile(r"^[0-9a-f]{6,64}$")


@dataclass
class DocumentRecord:
    """A document with what was read from it."""

    document: schema.Document
    clauses: list[schema.Clause] = field(default_factory=list)
    authors: list[schema.Author] = field(default_factory=list)
    votes: list[schema.Vote] = field(default_factory=list)


@dataclass
class ProcedureRecord:
    """A procedure with its documents and the votes on its texts (current publications only)."""

    procedure: schema.Procedure
    documents: list[schema.Document] = field(default_factory=list)
    votes: list[schema.Vote] = field(default_factory=list)
    breakdowns: dict[int, VoteBreakdown] = field(default_factory=dict)
    clauses: dict[int, ClauseAttachment] = field(default_factory=dict)
    conflicts: list[VoteConflict] = field(default_factory=list)


@dataclass
class ReferenceRecord:
    """Every document that carries one reference: the same text in several containers."""

    reference: str
    documents: list[DocumentRecord] = field(default_factory=list)


def _normalise(reference: str) -> str:
    found = normalise_reference(reference)
    return found.value if found is not None else reference.strip()


def document_record(session: Session, document: schema.Document) -> DocumentRecord:
    """A document with its clauses, authors and votes, in document order."""

    clauses = (
        select(schema.Clause)
        .where(schema.Clause.document_id == document.id)
        .options(undefer(schema.Clause.footnotes))  # shown under each clause
    )
    authors = select(schema.Author).where(schema.Author.document_id == document.id)
    votes = select(schema.Vote).where(schema.Vote.document_id == document.id)
    return DocumentRecord(
        document,
        list(session.scalars(clauses.order_by(schema.Clause.position))),
        list(session.scalars(authors.order_by(schema.Author.position))),
        list(session.scalars(votes.order_by(schema.Vote.position))),
    )


def find_record(session: Session, reference: str) -> ProcedureRecord | ReferenceRecord:
    """The record `reference` names, in any of its forms; UnknownReference when none does."""
    value = _normalise(reference)
    procedure = session.get(schema.Procedure, value)
    if procedure is not None:
        return _procedure_record(session, procedure)
    docs = list(
        session.scalars(
            select(schema.Document)
            .where(schema.Document.reference == value)
            .order_by(schema.Document.format, schema.Document.version)
        )
    )
    if not docs and _HEX_PREFIX.match(reference.strip().lower()):
        docs = list(
            session.scalars(
                select(schema.Document).where(schema.Document.id.startswith(reference.lower()))
            )
        )
    if not docs:
        raise UnknownReference(f"nothing in the store is called {reference!r}")
    return ReferenceRecord(
        docs[0].reference or docs[0].id, [document_record(session, d) for d in docs]
    )


def _procedure_record(session: Session, procedure: schema.Procedure) -> ProcedureRecord:
    ref_rows = session.scalars(
        select(schema.DocumentReference.document_id).where(
            schema.DocumentReference.value == procedure.reference,
            schema.DocumentReference.role.in_(["procedure", "reports_on"]),
        )
    )
    ids = set(ref_rows)
    docs = list(
        session.scalars(
            select(schema.Document)
            .where(schema.Document.id.in_(ids))
            .order_by(schema.Document.date, schema.Document.kind, schema.Document.id)
        )
    )
    own_refs = {d.reference for d in docs if d.reference}
    own_refs |= set(
        session.scalars(
            select(schema.ReferenceProcedure.reference).where(
                schema.ReferenceProcedure.procedure == procedure.reference
            )
        )
    )
    votes = list(
        session.scalars(
            select(schema.Vote)
            .where(
                (schema.Vote.procedure == procedure.reference)
                | (schema.Vote.reference.in_(own_refs))
            )
            .where(schema.Vote.official.is_(True))
            .where(~exists(_superseded))
            .order_by(schema.Vote.date, schema.Vote.document_id, schema.Vote.position)
        )
    )
    breakdowns = vote_breakdowns(session, [v for v in votes if v.roll_call])
    finder = ClauseFinder(session, {v.reference for v in votes if v.reference})
    clauses = {v.id: found for v in votes if (found := finder.attach(v)) is not None}
    conflicts = vote_conflicts(votes, breakdowns)
    return ProcedureRecord(procedure, docs, votes, breakdowns, clauses, conflicts)


# A vote list republished later supersedes its earlier publication: its votes are the record.
# Looked up by each vote's document (a NOT IN list would be every superseded document, read by a
# scan of documents: SQLite does not take ix_documents_superseded_by for IS NOT NULL).
_superseded = select(schema.Document.id).where(
    schema.Document.id == schema.Vote.document_id, schema.Document.superseded_by.is_not(None)
)
