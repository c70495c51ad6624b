"""The review queue: machine values with their state, lowest confidence first, filtered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from whereas.curation.collect_clauses import clause_items, document_kind_items
from whereas.curation.collect_links import link_items, reports_on_items
from whereas.curation.collect_people import person_items
from whereas.curation.decisions import current_decisions, state_of
from whereas.curation.items import ReviewItem, document_infos, document_of_key
from whereas.errors import UnknownCountry
from whereas.search.tables import search_entries
from whereas.store import schema
from whereas.vocabularies.countries import country, country_code

STATES = ("suggested", "confirmed", "rejected", "corrected", "all")


@dataclass(frozen=True)
class QueueFilter:
    """Which items to list: kind of value, country, procedure, document, state."""

    kind: str | None = None
    country: str | None = None
    procedure: str | None = None
    document: str | None = None
    state: str = "suggested"


@dataclass(frozen=True)
class ReviewedItem:
    """An item with its state: the latest decision, unless the machine value changed since."""

    item: ReviewItem
    state: str
    decision: schema.ReviewDecision | None
    changed: bool  # decided once, but the machine now says something else

    def as_json(self) -> dict[str, Any]:
        """The item as the API and `whereas review list --json` show it."""
        i, d = self.item, self.decision
        return {
            "key": i.key,
            "kind": i.kind,
            "document": i.document_id,
            "procedure": i.procedure,
            "subject": i.subject,
            "context": i.context,
            "confidence": round(i.confidence, 3),
            "machine": i.machine,
            "state": self.state,
            "changed_since_decision": self.changed,
            "value": d.value if d is not None and d.state == "corrected" else None,
            "decision": None
            if d is None
            else {"state": d.state, "by": d.author, "reason": d.reason, "at": _iso(d)},
        }


def _iso(decision: schema.ReviewDecision) -> str:
    return decision.decided_at.isoformat(timespec="seconds")


def collect_items(session: Session, document_ids: set[str] | None = None) -> list[ReviewItem]:
    """Every review item of the documents named (of every document when None)."""
    docs = document_infos(session, document_ids)
    return [
        *reports_on_items(session, docs),
        *link_items(session, docs),
        *document_kind_items(docs),
        *clause_items(session, docs),
        *person_items(session, docs),
    ]


def reviewed(session: Session, items: list[ReviewItem]) -> list[ReviewedItem]:
    """The items with their states."""
    decisions = current_decisions(session, {i.key for i in items})
    out = []
    for item in items:
        decision = decisions.get(item.key)
        state, changed = state_of(item, decision)
        out.append(ReviewedItem(item, state, decision, changed))
    return out


def review_queue(session: Session, wanted: QueueFilter) -> list[ReviewedItem]:
    """The items matching `wanted`, lowest confidence first (then by key: a stable order)."""
    if wanted.state not in STATES:
        raise ValueError(f"the state is one of {', '.join(STATES)}")
    everything = collect_items(session, documents_for(session, wanted))
    items = [i for i in everything if i.matches_kind(wanted.kind)]
    found = reviewed(session, items)
    if wanted.state != "all":
        found = [r for r in found if r.state == wanted.state]
    return sorted(found, key=lambda r: (r.item.confidence, r.item.key))


def items_by_key(session: Session, keys: list[str]) -> dict[str, ReviewItem]:
    """The items the keys name, by key (keys naming nothing are left out)."""
    documents = {d for d in (document_of_key(k) for k in keys) if d}
    wanted = set(keys)
    return {i.key: i for i in collect_items(session, documents) if i.key in wanted}


def documents_for(session: Session, wanted: QueueFilter) -> set[str] | None:
    """The documents a filter allows (None: every document)."""
    found: set[str] | None = None
    if wanted.document:
        found = {wanted.document}
    if wanted.procedure:
        found = _narrow(found, _documents_of_procedure(session, wanted.procedure))
    if wanted.country:
        found = _narrow(found, _documents_about(session, wanted.country))
    return found


def _narrow(found: set[str] | None, more: set[str]) -> set[str]:
    return more if found is None else found & more


def _documents_of_procedure(session: Session, procedure: str) -> set[str]:
    d, r = schema.Document, schema.DocumentReference
    own = select(d.id).where(d.procedure == procedure)
    named = select(r.document_id).where(
        r.value == procedure, or_(r.role == "procedure", r.role == "reports_on")
    )
    return set(session.scalars(own)) | set(session.scalars(named))


def alpha_2(name: str) -> str:
    """The lower-case alpha-2 code of a country name or code (as the search index keeps it)."""
    code = country_code(name)
    found = country(code) if code else None
    if found is None or not found.alpha_2:
        raise UnknownCountry(f"no country called {name!r}")
    return found.alpha_2.lower()


def _documents_about(session: Session, name: str) -> set[str]:
    pattern = f"%|{alpha_2(name)}|%"
    query = select(search_entries.c.document_id).where(search_entries.c.countries.like(pattern))
    return set(session.scalars(query.distinct()))
