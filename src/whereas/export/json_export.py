"""The store as one JSON document, exactly as the contract "whereas.export/1" in DESIGN.md says.

Arrays are sorted (procedures by reference, documents by id, clauses in document order, ...) so
that two exports of the same store are byte-identical.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import IO, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from whereas.export.conflicts import contradicted_tallies
from whereas.export.terms import provenance
from whereas.link.votes import ClauseFinder
from whereas.parse.datasets.item_rollcall import procedure_of
from whereas.store import schema
from whereas.store.votes import totals_conflicts

SCHEMA_ID = "whereas.export/1"


def clause_id(document_id: str, position: int) -> str:
    """The public id of a clause: its document's id prefix and its position."""
    return f"{document_id[:16]}-{position}"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _vote(
    v: schema.Vote, clause: str | None, sources: list[str], procedure: str | None
) -> dict[str, Any]:
    return {
        "for": v.for_,
        "against": v.against,
        "abstentions": v.abstentions,
        "result": v.result,
        "roll_call": v.roll_call,
        "date": _iso(v.date),
        "subject": v.subject,
        "clause": clause,
        "sources": sources,
        "official": v.official,
        "procedure": procedure,
    }


_Row = TypeVar(
    "_Row",
    schema.Clause,
    schema.Author,
    schema.Vote,
    schema.Fact,
    schema.Quote,
    schema.DocumentReference,
)


def _by_document(session: Session, table: type[_Row]) -> dict[str, list[_Row]]:
    """Every row of `table` grouped by document, each group in document order."""
    order = table.position if hasattr(table, "position") else table.id
    query = select(table).order_by(table.document_id, order)
    if table is schema.Clause:
        query = query.options(undefer(schema.Clause.footnotes))  # deferred in the schema
    grouped: dict[str, list[_Row]] = defaultdict(list)
    for row in session.scalars(query):
        grouped[row.document_id].append(row)
    return grouped


class ExportIndex:
    """Lookups the exports need, read once from the store."""

    def __init__(self, session: Session) -> None:
        self.docs = list(session.scalars(select(schema.Document).order_by(schema.Document.id)))
        self.procedure_of_reference: dict[str, str] = {}
        for doc in self.docs:
            if doc.reference and doc.procedure:
                self.procedure_of_reference.setdefault(doc.reference, doc.procedure)
        for row in session.scalars(
            select(schema.ReferenceProcedure).order_by(schema.ReferenceProcedure.id)
        ):
            self.procedure_of_reference.setdefault(row.reference, row.procedure)
        self.clauses = _by_document(session, schema.Clause)
        self.authors = _by_document(session, schema.Author)
        self.votes = _by_document(session, schema.Vote)
        self.facts = _by_document(session, schema.Fact)
        self.quotes = _by_document(session, schema.Quote)
        self.refs = _by_document(session, schema.DocumentReference)
        # Votes: the clause each is on (link.votes), and lists superseded by a later publication.
        self.clause_finder = ClauseFinder(session)
        self.superseded = {d.id for d in self.docs if d.superseded_by}

    def procedure_of(self, vote: schema.Vote) -> str | None:
        """The procedure a vote belongs to: stated, or through the text it was on."""
        if vote.procedure:
            return vote.procedure
        # A joint motion takes the number of a group motion of the same procedure (RC-B9-0065/2022).
        return procedure_of(vote.reference or "", self.procedure_of_reference)

    def clause_of(self, vote: schema.Vote) -> str | None:
        """The clause a vote is about, when the text voted on is in the store."""
        found = self.clause_finder.attach(vote)
        # An insertion point ("After § 4") is no clause of the text: it stays in the subject.
        if found is None or found.relation != "on":
            return None
        return clause_id(found.document_id, found.position)


def _document(doc: schema.Document, ix: ExportIndex) -> dict[str, Any]:
    reports_on = sorted({r.value for r in ix.refs[doc.id] if r.role == "reports_on"})
    return {
        "id": doc.id,
        "kind": doc.kind,
        "reference": doc.reference,
        "procedure": doc.procedure,
        "reports_on": reports_on,
        "title": doc.title,
        "date": _iso(doc.date),
        "language": doc.language,
        "publisher": doc.publisher,
        "version": doc.version,
        "authors": [
            {"name": a.name, "group": a.group, "person": a.person_id} for a in ix.authors[doc.id]
        ],
        "groups": list(doc.groups or []),
        "body": doc.body,
        "clauses": [
            {
                "id": clause_id(doc.id, c.position),
                "kind": c.kind,
                "label": c.label,
                "position": c.position,
                "parent": clause_id(doc.id, c.parent_position)
                if c.parent_position is not None
                else None,
                "text": c.text,
                "verbs": list(c.verbs or []),
                "addressees": list(c.addressees or []),
                "themes": list(c.themes or []),
                "footnotes": list(c.footnotes or []),
            }
            for c in ix.clauses[doc.id]
        ],
        "votes": [
            _vote(v, ix.clause_of(v), [doc.id], ix.procedure_of(v)) for v in ix.votes[doc.id]
        ],
        "facts": [
            {"value": f.value, "what": f.what, "approx": f.approx, "text": f.text}
            for f in ix.facts[doc.id]
        ],
        "quotes": [{"person": q.person, "role": q.role, "text": q.text} for q in ix.quotes[doc.id]],
        "source": {"path": doc.source_path, "url": doc.source_url, "sha256": doc.id},
        "format": doc.format,
        "superseded_by": doc.superseded_by,
    }


# A vote on the text as a whole, however a source names it ("Motion for a resolution (as a
# whole)", "Proposition de résolution (ensemble du texte)", "Entschließungsantrag (gesamt)"):
# a subject naming a clause, an amendment or a split part is never one.
_WHOLE_TEXT = re.compile(
    r"as a whole|whole text|ensemble du texte|\bgesamt\b|^\s*(motion for a resolution|"
    r"proposition de résolution|entschließungsantrag|resolution|résolution)\s*$",
    re.IGNORECASE,
)
_PART = re.compile(r"§|\bam\b|amendment|recital|considérant|erwägung|citation|visa|/\d", re.I)


def subject_key(subject: str | None) -> str:
    """What makes two sources' votes the same vote: the final vote has one key in any language."""
    text = " ".join((subject or "").split()).casefold()
    if _WHOLE_TEXT.search(text) and not _PART.search(text):
        return "whole text"
    return text


def _procedure_votes(
    procedure: str, votes: Iterable[tuple[schema.Vote, str]], ix: ExportIndex
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Official votes merged across sources by (date, subject); differing tallies conflict."""
    merged: dict[tuple[str, str], list[tuple[schema.Vote, str]]] = defaultdict(list)
    for vote, doc_id in votes:
        merged[(_iso(vote.date) or "", subject_key(vote.subject))].append((vote, doc_id))
    out: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for key in sorted(merged):
        group = merged[key]
        first = group[0][0]
        sources = sorted({d for _, d in group})
        merged_vote = _vote(first, None, sources, procedure)
        # Sources differ in what they state (a show of hands has no counts, a dataset no
        # result): the merged vote takes each field from the first source that states it.
        for field, attr in (
            ("for", "for_"),
            ("against", "against"),
            ("abstentions", "abstentions"),
            ("result", "result"),
        ):
            merged_vote[field] = next(
                (getattr(v, attr) for v, _ in group if getattr(v, attr) is not None), None
            )
        merged_vote["roll_call"] = any(v.roll_call for v, _ in group)
        merged_vote["clause"] = next(
            (c for c in map(ix.clause_of, (v for v, _ in group)) if c), None
        )
        out.append(merged_vote)
        tallies = sorted(
            {(v.for_, v.against, v.abstentions) for v, _ in group if v.for_ is not None}, key=str
        )
        if len(tallies) > 1:
            conflicts.append(
                {
                    "field": f"vote {first.subject or ''} {key[0]}".strip(),
                    "values": [list(t) for t in tallies],
                    "sources": sources,
                }
            )
    return out, conflicts


def _procedures(session: Session, ix: ExportIndex) -> list[dict[str, Any]]:
    by_procedure: dict[str, list[tuple[schema.Vote, str]]] = defaultdict(list)
    for doc_id, votes in ix.votes.items():
        for v in votes:
            proc = ix.procedure_of(v)
            if v.official and proc and doc_id not in ix.superseded:
                by_procedure[proc].append((v, doc_id))
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc in ix.docs:
        if doc.procedure:
            docs_of[doc.procedure].add(doc.id)
        for r in ix.refs[doc.id]:
            if r.role == "reports_on":
                docs_of[r.value].add(doc.id)
    claimed = contradicted_tallies(session, ix.procedure_of)
    out = []
    for p in session.scalars(select(schema.Procedure).order_by(schema.Procedure.reference)):
        merged, conflicts = _procedure_votes(p.reference, by_procedure.get(p.reference, []), ix)
        conflicts += claimed.get(p.reference, [])
        conflicts += totals_conflicts(session, [v for v, _ in by_procedure.get(p.reference, [])])
        out.append(
            {
                "reference": p.reference,
                "type": p.type,
                "title": p.title,
                "documents": sorted(docs_of.get(p.reference, set())),
                "votes": merged,
                "conflicts": conflicts,
            }
        )
    return out


def _people(session: Session) -> list[dict[str, Any]]:
    memberships: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    for m in session.scalars(select(schema.Membership)):
        memberships[m.person_id].add((m.group, _iso(m.start), _iso(m.end)))
    return [
        {
            "id": p.id,
            "name": p.name,
            "country": p.country,
            "groups": [
                {"group": g, "from": f, "to": t}
                for g, f, t in sorted(memberships[p.id], key=lambda x: (x[1] or "", x))
            ],
        }
        for p in session.scalars(select(schema.Person).order_by(schema.Person.id))
    ]


def _method(method: str | None) -> str | None:
    """How a link was made; a claim check's "tally:<vote id>-><vote id>" is "tally": its row ids
    are the store's own (an import numbers them anew and rebuilds the method)."""
    return "tally" if method is not None and method.startswith("tally:") else method


def _links(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(schema.Link).order_by(
            schema.Link.type,
            schema.Link.from_document,
            # NULLs first on both databases (PostgreSQL puts them last by default).
            schema.Link.from_clause.asc().nulls_first(),
            schema.Link.to_document,
            schema.Link.to_clause.asc().nulls_first(),
            schema.Link.id,
        )
    )
    return [
        {
            "type": link.type,
            "label": link.label,
            "from": {
                "document": link.from_document,
                "clause": clause_id(link.from_document, link.from_clause)
                if link.from_clause is not None
                else None,
            },
            "to": {
                "document": link.to_document,
                "clause": clause_id(link.to_document, link.to_clause)
                if link.to_clause is not None
                else None,
            },
            "score": link.score,
            "method": _method(link.method),
        }
        for link in rows
    ]


def build_export(session: Session) -> dict[str, Any]:
    """The whole store as the export/1 JSON value."""
    from whereas.curation.export_marks import mark_export

    ix = ExportIndex(session)
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "procedures": _procedures(session, ix),
        "documents": [_document(d, ix) for d in ix.docs],
        "people": _people(session),
        "links": _links(session),
    }
    mark_export(session, data)  # curation: hidden documents out, human decisions marked
    return {**data, "provenance": provenance(data["documents"])}


def write_export(session: Session, out: IO[str], *, indent: int | None = None) -> None:
    """Write the export to `out` as JSON (UTF-8 text, keys in contract order)."""
    json.dump(
        build_export(session),
        out,
        ensure_ascii=False,
        indent=indent,
        separators=None if indent else (",", ":"),
    )
    out.write("\n")
