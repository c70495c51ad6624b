"""Documents: the list, and one document clause by clause with its votes, facts and claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from whereas.store import schema
from whereas.store.lookup import DocumentRecord, document_record
from whereas.store.stats import row_counts, table_rows
from whereas.views.common import ExternalLink, Page, document_links
from whereas.views.lineage import DocumentLineage, document_lineage
from whereas.views.tallies import Mark, claim_verdicts

SECONDARY_KINDS = frozenset(
    {"press_release", "news", "statement", "procedure_summary", "procedure_file", "other"}
)


@dataclass(frozen=True)
class ClaimRow:
    """A tally a document states, with what checking it against the record found."""

    vote: schema.Vote
    mark: Mark


@dataclass
class DocumentView:
    """Everything the document page shows."""

    record: DocumentRecord
    clause_votes: dict[int, list[schema.Vote]]
    unattached_votes: list[schema.Vote]
    claims: list[ClaimRow]
    facts: list[schema.Fact]
    quotes: list[schema.Quote]
    reports_on: list[str]
    links: list[ExternalLink] = field(default_factory=list)
    lineage: DocumentLineage | None = None


def list_documents(
    session: Session,
    *,
    limit: int,
    offset: int,
    kind: str | None = None,
    procedure: str | None = None,
    language: str | None = None,
) -> Page[schema.Document]:
    """Documents, newest first, optionally of one kind, procedure or language (hidden ones not)."""
    query = select(schema.Document).where(_not_hidden())
    if kind:
        query = query.where(schema.Document.kind == kind)
    if procedure:
        query = query.where(schema.Document.procedure == procedure)
    if language:
        query = query.where(schema.Document.language == language)
    if procedure or language:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    else:
        total = _shown_documents(session, kind)
    order = (schema.Document.date.desc(), schema.Document.id)
    rows = list(session.scalars(query.order_by(*order).limit(limit).offset(offset)))
    return Page(rows, total, limit, offset)


def _shown_documents(session: Session, kind: str | None) -> int:
    """Documents (of `kind`) not hidden: the kept counts less the few hidden ones, so that the
    list's total does not count the whole store."""
    if kind:
        stored = row_counts(session, "documents.kind").get(kind, 0)
    else:
        stored = table_rows(session, "documents")
    hidden = select(func.count()).select_from(schema.HiddenDocument).join(
        schema.Document, schema.Document.id == schema.HiddenDocument.document_id
    )
    if kind:
        hidden = hidden.where(schema.Document.kind == kind)
    return stored - (session.scalar(hidden) or 0)


def find_document(session: Session, document_id: str) -> schema.Document | None:
    """A document by its full id (sha256), or by a unique prefix of at least 8 characters.

    A document a curator hid is not found: the public side does not show it.
    """
    key = document_id.strip().lower()
    if len(key) < 8 or len(key) > 64:
        return None
    query = select(schema.Document).where(_not_hidden())
    if len(key) == 64:
        return session.scalar(query.where(schema.Document.id == key))
    rows = list(session.scalars(query.where(schema.Document.id.startswith(key)).limit(2)))
    return rows[0] if len(rows) == 1 else None


def _not_hidden() -> ColumnElement[bool]:
    hidden = select(schema.HiddenDocument.document_id).where(
        schema.HiddenDocument.document_id == schema.Document.id
    )
    return ~exists(hidden)


def document_view(session: Session, document: schema.Document) -> DocumentView:
    """The document page's content: clauses with their votes, claims, facts and quotes."""
    record = document_record(session, document)
    lineage = document_lineage(session, document, len(record.clauses))
    clause_votes, unattached = votes_by_clause(session, document.reference, record.clauses)
    if lineage is not None and document.kind == "text_adopted":
        clause_votes, unattached = _votes_through_lineage(session, lineage), []
    claimed = [v for v in record.votes if not v.official]
    verdicts = claim_verdicts(session, [v.id for v in claimed])
    return DocumentView(
        record=record,
        clause_votes=clause_votes,
        unattached_votes=unattached,
        claims=[ClaimRow(v, verdicts.get(v.id, "unchecked")) for v in claimed],
        facts=_facts(session, document.id),
        quotes=_quotes(session, document.id),
        reports_on=_reports_on(session, document.id),
        links=document_links(document.reference, document.language),
        lineage=lineage,
    )


def votes_by_clause(
    session: Session, reference: str | None, clauses: list[schema.Clause]
) -> tuple[dict[int, list[schema.Vote]], list[schema.Vote]]:
    """Official votes on a text, attached to the clause their label names ("after 4" too)."""
    if not reference or not clauses:
        return {}, []
    votes = session.scalars(
        select(schema.Vote)
        .where(schema.Vote.reference == reference, schema.Vote.official.is_(True))
        .order_by(schema.Vote.date, schema.Vote.document_id, schema.Vote.position)
    )
    by_label = {c.label: c.position for c in clauses if c.label and c.kind != "point"}
    attached: dict[int, list[schema.Vote]] = {}
    unattached: list[schema.Vote] = []
    seen: set[tuple[object, ...]] = set()
    for vote in votes:
        key = (vote.subject, vote.for_, vote.against, vote.abstentions, vote.result)
        if key in seen:  # the same vote from the results list and the roll-call list
            continue
        seen.add(key)
        label = (vote.clause_label or "").removeprefix("after ").strip()
        position = by_label.get(label) if label else None
        if position is None:
            unattached.append(vote)
        else:
            attached.setdefault(position, []).append(vote)
    return attached, unattached


def _votes_through_lineage(
    session: Session, lineage: DocumentLineage
) -> dict[int, list[schema.Vote]]:
    """A text adopted is renumbered: its clauses carry the votes on the joint-motion clauses.

    An adopted "After § 4" amendment is the new clause that follows § 4 in the text adopted.
    """
    voted = next((d for d in lineage.earlier if d.kind == "joint_motion"), None)
    if voted is None:
        return {}
    on_clause, _ = votes_by_clause(session, voted.reference, _clauses(session, voted.id))
    out: dict[int, list[schema.Vote]] = {}
    after: list[schema.Vote] = []  # adopted insertions not yet placed on a new clause
    previous = 0
    for position in sorted(lineage.origins):
        nearest = lineage.origins[position][0]
        if nearest.document.id != voted.id:
            continue
        if not nearest.clauses:  # new in plenary: the adopted amendment inserted here
            if after:
                out.setdefault(position, []).append(after.pop(0))
            continue
        out.setdefault(previous, []).extend(after)  # insertions with no new clause stay put
        after, previous = [], position
        for clause in nearest.clauses:
            for vote in on_clause.get(clause.position, []):
                inserted = (vote.clause_label or "").startswith("after ")
                target = (
                    after if inserted and vote.result == "adopted" else out.setdefault(position, [])
                )
                target.append(vote)
    out.setdefault(previous, []).extend(after)
    return {p: votes for p, votes in out.items() if votes}


def _clauses(session: Session, document_id: str) -> list[schema.Clause]:
    query = select(schema.Clause).where(schema.Clause.document_id == document_id)
    return list(session.scalars(query.order_by(schema.Clause.position)))


def _facts(session: Session, document_id: str) -> list[schema.Fact]:
    query = select(schema.Fact).where(schema.Fact.document_id == document_id)
    return list(session.scalars(query.order_by(schema.Fact.position)))


def _quotes(session: Session, document_id: str) -> list[schema.Quote]:
    query = select(schema.Quote).where(schema.Quote.document_id == document_id)
    return list(session.scalars(query.order_by(schema.Quote.position)))


def _reports_on(session: Session, document_id: str) -> list[str]:
    return list(
        session.scalars(
            select(schema.DocumentReference.value)
            .where(
                schema.DocumentReference.document_id == document_id,
                schema.DocumentReference.role == "reports_on",
            )
            .order_by(schema.DocumentReference.id)
        )
    )
