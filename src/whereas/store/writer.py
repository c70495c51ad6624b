"""Writing one document and everything read from it, in the caller's transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from whereas.parse.people.names import LOSSY_NAME
from whereas.parse.records import ParsedDocument
from whereas.parse.records import Person as PersonRecord
from whereas.parse.records import Vote as VoteRecord
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.recognize.references import procedure_type
from whereas.store import rows, schema
from whereas.store.bulk import insert_rows
from whereas.store.prepare import PreparedDocument, made_from, prepare_document
from whereas.store.rows import Row

Outcome = Literal["added", "unchanged"]


@dataclass(frozen=True)
class IncomingDocument:
    """A document on its way into the store: its bytes and what each stage made of them."""

    raw: bytes
    read: ReadDocument
    recognition: Recognition
    parsed: ParsedDocument
    read_at: datetime
    source_path: str | None = None
    source_url: str | None = None
    prepared: PreparedDocument | None = None  # its rows, made by the worker that parsed it

    @property
    def sha256(self) -> str:
        """The content address of the bytes."""
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class SavedDocument:
    """What saving did: the document's id, whether it was new, its version, and whether its
    rows were made again here because the worker's did not match it (ingest counts those)."""

    document_id: str
    outcome: Outcome
    version: int
    reprepared: bool = False


def sha256_of(raw: bytes) -> str:
    """The content address of `raw`."""
    return hashlib.sha256(raw).hexdigest()


def version_key(incoming: IncomingDocument) -> str:
    """What makes two documents versions of one source: its URL, else its reference and form."""
    rec = incoming.recognition
    if incoming.source_url:
        return f"url:{incoming.source_url}"
    if rec.reference:
        return f"ref:{rec.kind}:{rec.reference}:{incoming.read.format}:{rec.language or '-'}"
    name = (incoming.source_path or "").replace("\\", "/").rsplit("/", 1)[-1]
    return f"name:{rec.kind}:{name or incoming.sha256}"


def save_document(session: Session, incoming: IncomingDocument) -> SavedDocument:
    """Store `incoming` unless the same bytes are stored already (ingest is idempotent)."""
    doc_id = incoming.sha256
    stored = session.scalar(select(schema.Document.version).where(schema.Document.id == doc_id))
    if stored is not None:
        return SavedDocument(doc_id, "unchanged", stored)
    key = version_key(incoming)
    latest = session.scalar(
        select(func.max(schema.Document.version)).where(schema.Document.version_key == key)
    )
    version = (latest or 0) + 1
    prepared = _prepared(incoming, doc_id)
    # The worker's rows were of other content (a stale worker, changed code): made again.
    reprepared = incoming.prepared is not None and prepared is not incoming.prepared
    # Core INSERTs: no object of either is read back in this transaction but by a SELECT.
    blob = {"sha256": doc_id, "size": len(incoming.raw), "data": incoming.raw}
    _insert(session, schema.Blob, [blob])
    document = {
        "id": doc_id,
        "version_key": key,
        "version": version,
        "source_path": incoming.source_path,
        "source_url": incoming.source_url,
        "read_at": incoming.read_at,
        **prepared.fields,
    }
    _insert(session, schema.Document, [document])
    _insert(session, schema.DocumentReference, prepared.references)
    _save_procedures(session, doc_id, incoming)
    clause_ids = _save_parsed(session, doc_id, prepared, incoming.parsed)
    # A vote list republished during the day: the most complete version supersedes the others.
    from whereas.link.votes import PUBLISHED_LISTS, supersede_publications

    if document["kind"] in PUBLISHED_LISTS:  # nothing to supersede else (and no SELECT to know it)
        supersede_publications(session, doc_id)
    # The search index changes in the same transaction as the records: never out of step.
    from whereas.search.entries import with_clause_ids
    from whereas.search.index import index_prepared

    rows = with_clause_ids(prepared.entries, clause_ids)
    index_prepared(session, rows, prepared.reference_values)
    return SavedDocument(doc_id, "added", version, reprepared)


def _prepared(incoming: IncomingDocument, doc_id: str) -> PreparedDocument:
    """What the worker made of the document, else (made of other content) the same made here."""
    made, path = incoming.prepared, incoming.source_path
    read, rec, parsed = incoming.read, incoming.recognition, incoming.parsed
    if made is not None and made_from(made, doc_id, read, rec, parsed, path):
        return made
    return prepare_document(doc_id, read, rec, parsed, path)


def ensure_procedure(
    session: Session, reference: str, title: str | None = None, source: str | None = None
) -> schema.Procedure:
    """The procedure `reference`, made if it is new; a title fills an empty one."""
    procedure = session.get(schema.Procedure, reference)
    if procedure is None:
        procedure = schema.Procedure(reference=reference, type=procedure_type(reference))
        session.add(procedure)
    if title and not procedure.title:
        procedure.title = title
        procedure.title_document_id = source
    return procedure


def _save_procedures(session: Session, doc_id: str, incoming: IncomingDocument) -> None:
    """Make the procedures the document names, as ensure_procedure would one by one.

    Core statements, not ensure_procedure's ORM objects: its get, add and flush per procedure
    cost more than the rest of a resolution's rows (issue 10). Nothing else in the document's
    transaction holds these procedures as objects.
    """
    named = _named_procedures(incoming)
    if not named:
        return
    table = cast(Table, schema.Procedure.__table__)
    query = select(table.c.reference, table.c.title).where(table.c.reference.in_(list(named)))
    titled: dict[str, str | None] = dict(session.execute(query).all())
    new = [ref for ref in named if ref not in titled]
    insert_rows(session, table, [_procedure_row(ref, named[ref], doc_id) for ref in new])
    for ref, title in named.items():
        if ref in titled and title and not titled[ref]:
            fill = {"title": title, "title_document_id": doc_id}
            session.execute(update(table).where(table.c.reference == ref).values(fill))


def _named_procedures(incoming: IncomingDocument) -> dict[str, str | None]:
    """Each procedure the document names, in the order it was first made, with the title the
    document gives it (its own procedure's, for the kinds whose title is the procedure's)."""
    rec, parsed = incoming.recognition, incoming.parsed
    named: dict[str, str | None] = {}
    if rec.procedure:
        named[rec.procedure] = rec.title if rec.kind in _TITLE_KINDS else None
    for vote in parsed.votes:
        if vote.procedure and vote.official:
            named.setdefault(vote.procedure, None)
    for proc in sorted(set(parsed.procedures.values())):
        named.setdefault(proc, None)
    return named


_TITLE_KINDS = frozenset({"procedure_file", "text_adopted", "joint_motion", "motion", "report"})


def _procedure_row(reference: str, title: str | None, doc_id: str) -> dict[str, Any]:
    return {
        "reference": reference,
        "type": procedure_type(reference),
        "title": title or None,
        "title_document_id": doc_id if title else None,
    }


def _save_parsed(
    session: Session, doc_id: str, prepared: PreparedDocument, parsed: ParsedDocument
) -> dict[int, int]:
    """Store the parsed records; the id of each clause by its position."""
    clause_ids = _insert_clauses(session, doc_id, prepared.clauses)
    _insert(session, schema.Author, prepared.authors)
    _insert(session, schema.Fact, prepared.facts)
    _insert(session, schema.Quote, prepared.quotes)
    _insert(session, schema.Event, prepared.events)
    _insert(session, schema.ReferenceProcedure, prepared.statements)
    _save_votes(session, doc_id, parsed.votes)
    _save_people(session, doc_id, parsed)
    return clause_ids


def _insert_clauses(session: Session, doc_id: str, values: list[dict[str, Any]]) -> dict[int, int]:
    """One executemany INSERT of the clauses; the id the database gave each, by its position.

    The ids are read back by (document_id, position), the clauses' unique index: an INSERT ...
    RETURNING that keeps the rows' order is one statement a row on SQLite (SQLAlchemy cannot
    match a batch's returned ids to its rows there), 100 statements for a long resolution.
    """
    if not values:
        return {}
    table = cast(Table, schema.Clause.__table__)
    insert_rows(session, table, values)
    query = select(table.c.position, table.c.id).where(table.c.document_id == doc_id)
    return {int(position): int(i) for position, i in session.execute(query)}


def _insert(session: Session, table: type[schema.Base], values: list[dict[str, Any]]) -> None:
    """One executemany INSERT of `values` into `table` (nothing when there are none).

    Not the ORM's bulk INSERT of the class: that one builds each row again and sends rows
    whose None values differ as separate statements (a resolution's citations and recitals,
    authors with and without a group); nor a Core INSERT, whose per-row parameter building
    cost more than the database's work (whereas.store.bulk).
    """
    insert_rows(session, cast(Table, table.__table__), values)


def _save_votes(session: Session, doc_id: str, votes: list[VoteRecord]) -> None:
    if not votes:
        return
    ids = _insert_votes_by_position(session, doc_id, rows.vote_rows(doc_id, votes))
    _insert(session, schema.MemberVote, rows.member_vote_rows(zip(ids, votes, strict=True)))


def _insert_votes_by_position(session: Session, doc_id: str, values: list[Row]) -> list[int]:
    """One executemany INSERT (on PostgreSQL one COPY) of a document's votes; their ids read
    back by position.

    On SQLite an INSERT ... RETURNING in the rows' order is one statement a vote: most of the
    time of storing a day's roll calls (issue 10). On PostgreSQL SQLAlchemy's batched
    RETURNING still ran a statement for every few votes (5,803 for 22,175 votes of the corpus
    and 300 scale copies), each firing the row count triggers. A vote's position is unique in
    its document, as a clause's is.
    """
    table = cast(Table, schema.Vote.__table__)
    # The rows name the ORM attribute for_; the column is "for".
    insert_rows(
        session, table, [{_VOTE_COLUMNS.get(k, k): v for k, v in r.items()} for r in values]
    )
    query = select(table.c.position, table.c.id).where(table.c.document_id == doc_id)
    by_position = {int(position): int(i) for position, i in session.execute(query)}
    return [by_position[i] for i in range(len(values))]


_VOTE_COLUMNS = {"for_": "for"}


def _update_person(row: schema.Person, person: PersonRecord) -> None:
    """A later source fills what is missing; a name with letters lost to "?" never replaces one."""
    if person.name and (LOSSY_NAME not in person.flags or LOSSY_NAME in (row.flags or [])):
        row.name = person.name
        row.flags = list(person.flags)
    row.country = person.country or row.country
    row.mep_id = person.mep_id or row.mep_id


def _save_people(session: Session, doc_id: str, parsed: ParsedDocument) -> None:
    for person in parsed.people:
        row = session.get(schema.Person, person.person_id)
        if row is None:
            session.add(
                schema.Person(
                    id=person.person_id,
                    name=person.name,
                    country=person.country,
                    document_id=doc_id,
                    mep_id=person.mep_id,
                    flags=list(person.flags),
                )
            )
        else:
            _update_person(row, person)
    # One flush for all the people: memberships have no ORM relationship to order them after.
    session.flush()
    _insert(
        session,
        schema.Membership,
        [
            {
                "person_id": p.person_id,
                "group": m.group,
                "start": m.start,
                "end": m.end,
                "document_id": doc_id,
            }
            for p in parsed.people
            for m in p.memberships
        ],
    )
