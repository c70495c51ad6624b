"""The tables of the store: documents (content-addressed, versioned) and what was read from them.

Every row derived from a document keeps `document_id` and a span (offsets in the document's text)
or a path (XPath, JSON pointer): that is the provenance of each value.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SHA = String(64)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Blob(Base):
    """The raw bytes of a source file, addressed by their sha256."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Document(Base):
    """One version of one source file (id: the sha256 of its bytes)."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(SHA, ForeignKey("blobs.sha256"), primary_key=True)
    kind: Mapped[str] = mapped_column(Text, index=True)
    format: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    procedure: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    publisher: Mapped[str | None] = mapped_column(Text)
    version_key: Mapped[str] = mapped_column(Text, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    body: Mapped[str] = mapped_column(Text, default="")
    source_path: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    read_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    groups: Mapped[list[Any]] = mapped_column(JSON, default=list)
    header: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Votes and people (migration 0003): the publication of the same sitting that replaces this one.
    superseded_by: Mapped[str | None] = mapped_column(SHA, index=True)
    # Migration 0011: the newest of one kind without sorting every document of that kind.
    # Migration 0015: report linking pages every id with its kind from this index alone, not a
    # table row a document (issue 10: 0.9 -> 36 us a document from 10k to 100k documents).
    __table_args__ = (
        Index("ix_documents_by_kind_and_date", "kind", "date"),
        Index("ix_documents_id_kind", "id", "kind"),
    )


class DocumentReference(Base):
    """An EP identifier a document carries: its own, its procedure's, or one it mentions."""

    __tablename__ = "document_references"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text, index=True)
    role: Mapped[str] = mapped_column(Text)  # self | procedure | mentions | reports_on | footnote
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    # Clause footnotes (migration 0009): the clause whose footnote names it (role "footnote").
    clause_position: Mapped[int | None] = mapped_column(Integer)
    # Migration 0015: claims reads the sources with reports_on references by role alone.
    __table_args__ = (
        Index("ix_document_references_document", "document_id"),
        Index("ix_document_references_role", "role", "document_id"),
    )


class Procedure(Base):
    """A procedure (2022/2505(RSP)), made when a document first names it."""

    __tablename__ = "procedures"
    reference: Mapped[str] = mapped_column(Text, primary_key=True)
    type: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    title_document_id: Mapped[str | None] = mapped_column(SHA)


class Clause(Base):
    """A clause of a resolution text: citation, recital, paragraph or point."""

    __tablename__ = "clauses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(Text)
    parent_position: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    verbs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    addressees: Mapped[list[Any]] = mapped_column(JSON, default=list)
    themes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    path: Mapped[str | None] = mapped_column(Text)
    # Clause footnotes (migration 0009): their bodies in marker order; NULL when stored before.
    # Deferred: migrations 0002 and 0008 index the clauses through this class before it exists.
    footnotes: Mapped[list[Any] | None] = mapped_column(JSON, default=list, deferred=True)
    __table_args__ = (Index("ix_clauses_document", "document_id", "position", unique=True),)


class Author(Base):
    """An author of a tabled text, with the group it tabled for."""

    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    path: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_authors_document", "document_id"),)


class Person(Base):
    """An MEP (id: the EP's MEP id) as the latest source describes them."""

    __tablename__ = "people"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(SHA)
    # Votes and people (migration 0003): the voting id (RCV MepId) and flags such as lossy_name.
    mep_id: Mapped[str | None] = mapped_column(Text, index=True)
    flags: Mapped[list[Any] | None] = mapped_column(JSON, default=list)


class Membership(Base):
    """A person's membership of a group over a period, as one document states it."""

    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(Text, ForeignKey("people.id", ondelete="CASCADE"))
    group: Mapped[str] = mapped_column(Text)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    document_id: Mapped[str | None] = mapped_column(SHA)
    __table_args__ = (Index("ix_memberships_person", "person_id"),)


class Vote(Base):
    """A vote or a tally: official (a vote list) or claimed (a press release, news...)."""

    __tablename__ = "votes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    official: Mapped[bool] = mapped_column(Boolean)
    roll_call: Mapped[bool] = mapped_column(Boolean)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    procedure: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[date | None] = mapped_column(Date)
    time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    subject: Mapped[str | None] = mapped_column(Text)
    clause_label: Mapped[str | None] = mapped_column(Text)
    for_: Mapped[int | None] = mapped_column("for", Integer)
    against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(Text)
    source_vote_id: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    path: Mapped[str | None] = mapped_column(Text)
    # Votes and people (migration 0003): what the vote lists state beside the tally.
    author: Mapped[str | None] = mapped_column(Text)
    amendment: Mapped[str | None] = mapped_column(Text)
    clause_kind: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    flags: Mapped[list[Any] | None] = mapped_column(JSON, default=list)
    __table_args__ = (
        Index("ix_votes_document", "document_id"),
        Index("ix_votes_date", "date"),  # migration 0013: report linking reads votes by day
        Index("ix_votes_for", "for"),  # and by tally (a source may state any figure alone)
        Index("ix_votes_against", "against"),
        Index("ix_votes_abstentions", "abstentions"),
    )


class MemberVote(Base):
    """One MEP's position in one roll-call vote."""

    __tablename__ = "member_votes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    vote_id: Mapped[int] = mapped_column(Integer, ForeignKey("votes.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column(Text)
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    # Votes and people (migration 0003): the voting id as the list gives it.
    mep_id: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_member_votes_vote", "vote_id"),)


class Fact(Base):
    """A quantity a document states."""

    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    what: Mapped[str | None] = mapped_column(Text)
    approx: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("ix_facts_document", "document_id"),)


class Quote(Base):
    """A quotation a document attributes to a person."""

    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    person: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("ix_quotes_document", "document_id"),)


class Link(Base):
    """A typed link between two documents or clauses (lineage, repeats, corroboration)."""

    __tablename__ = "links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(Text, index=True)
    label: Mapped[str | None] = mapped_column(Text)
    from_document: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    from_clause: Mapped[int | None] = mapped_column(Integer)
    to_document: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    to_clause: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    method: Mapped[str | None] = mapped_column(Text)


class Event(Base):
    """A step of a procedure (tabled, debate, vote, decision...) as a document states it."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    procedure: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[date | None] = mapped_column(Date)
    type: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    references: Mapped[list[Any]] = mapped_column(JSON, default=list)
    path: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_events_document", "document_id"),)


class ReferenceProcedure(Base):
    """A document stating that a text (B9-0065/2022, RC-..., P9_TA...) belongs to a procedure."""

    __tablename__ = "reference_procedures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(Text, index=True)
    procedure: Mapped[str] = mapped_column(Text, index=True)


# --- Votes and people (issue 4, migration 0003) ------------------------------------------------


class PersonNameIssue(Base):
    """A name in a document that matched no MEP, or several: reported, never guessed."""

    __tablename__ = "person_name_issues"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(SHA, ForeignKey("documents.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(Text)  # author | member_vote
    name: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)  # ambiguous | unknown
    candidates: Mapped[list[Any]] = mapped_column(JSON, default=list)
    __table_args__ = (Index("ix_person_name_issues_document", "document_id"),)


# --- lineage and embeddings (issue 6; migration 0004) ---------------------------------------


class ClauseVector(Base):
    """The sentence vector of one distinct clause text under one model (float32 bytes)."""

    __tablename__ = "clause_vectors"
    text_hash: Mapped[str] = mapped_column(SHA, primary_key=True)
    model: Mapped[str] = mapped_column(Text, primary_key=True)
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


# Lineage and repeats links are replaced per method on every run: found by method.
Index("ix_links_method", Link.method)


# --- exports and imports (issue 11; migration 0006) --------------------------------------------


class Import(Base):
    """One `whereas import` of an export file: its documents hold placeholder blobs (no bytes)."""

    __tablename__ = "imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(SHA)
    export_schema: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    documents: Mapped[int] = mapped_column(Integer)


# --- curation (issue 12; migration 0005) -------------------------------------------------------
# Human decisions are facts of their own beside the machine's values, keyed by a stable identity
# of the item (document sha + clause position + field, link endpoints + type), never by row ids:
# linkers replace their rows on every run and a re-parse renumbers them.


class ReviewDecision(Base):
    """A person's decision on one machine value: confirmed, rejected or corrected."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_key: Mapped[str] = mapped_column(Text, index=True)
    document_id: Mapped[str | None] = mapped_column(SHA, index=True)  # no FK: survives re-parse
    state: Mapped[str] = mapped_column(Text)  # confirmed | rejected | corrected
    machine_value: Mapped[Any] = mapped_column(JSON, nullable=True)  # as the machine said then
    value: Mapped[Any] = mapped_column(JSON, nullable=True)  # the correction
    reason: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One human change (decision, hide, purge, account): who, when, what, why."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(SHA, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Account(Base):
    """A person who may write: a reviewer or an admin (argon2 password hash)."""

    __tablename__ = "accounts"
    username: Mapped[str] = mapped_column(Text, primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)  # reviewer | admin
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class HiddenDocument(Base):
    """A document taken off the public side (reversible; its content stays in the store)."""

    __tablename__ = "hidden_documents"
    document_id: Mapped[str] = mapped_column(SHA, primary_key=True)
    hidden_by: Mapped[str] = mapped_column(Text)
    hidden_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(Text)


class PurgedDocument(Base):
    """A document removed with everything derived from it: only who, when and why remain."""

    __tablename__ = "purged_documents"
    document_id: Mapped[str] = mapped_column(SHA, primary_key=True)
    purged_by: Mapped[str] = mapped_column(Text)
    purged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(Text)


class RowCount(Base):
    """How many rows a counted table holds (value ''), or hold one value of a column.

    Kept by triggers in the transaction that writes the rows (migration 0011): on SQLite
    directly; on PostgreSQL through RowCountDelta, which whereas.store.counts folds in here.
    """

    __tablename__ = "row_counts"
    counted: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)


class RowCountDelta(Base):
    """Rows a statement added (n > 0) or removed under a RowCount's key, not yet folded in.

    Appended by PostgreSQL's triggers (migration 0012), one row per statement and value, so
    that no writer updates, and locks, a shared counter; always empty on SQLite.
    """

    __tablename__ = "row_count_deltas"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    counted: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)
    n: Mapped[int] = mapped_column(BigInteger)
