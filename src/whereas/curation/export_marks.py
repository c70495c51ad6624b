"""The export marks what a person decided: confirmed and corrected values, rejected links gone.

Corrections replace the machine's value in the export and the machine's value is kept beside it
under "review"; hidden documents are left out, as on the rest of the public side.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.curation.queue import ReviewedItem, collect_items, reviewed
from whereas.curation.takedown import hidden_ids
from whereas.store import schema

_CLAUSE_FIELDS = {"kind", "verbs", "addressees", "themes", "split"}


def _decided(session: Session) -> dict[str, ReviewedItem]:
    documents = {
        d for d in session.scalars(select(schema.ReviewDecision.document_id).distinct()) if d
    }
    if not documents:
        return {}
    found = reviewed(session, collect_items(session, documents))
    return {r.item.key: r for r in found if r.decision is not None and r.state != "suggested"}


def _mark(found: ReviewedItem) -> dict[str, Any]:
    decision = found.decision
    assert decision is not None
    mark: dict[str, Any] = {
        "state": found.state,
        "machine": found.item.machine,
        "at": decision.decided_at.date().isoformat(),
    }
    if found.state == "corrected":
        mark["value"] = decision.value
    return mark


def mark_export(session: Session, data: dict[str, Any]) -> None:
    """Apply hidden documents and human decisions to an export/1 value, in place."""
    _leave_out_hidden(data, hidden_ids(session))
    decided = _decided(session)
    if not decided:
        return
    for document in data["documents"]:
        _mark_document(document, decided)
    data["links"] = list(_marked_links(data["links"], decided))


def _leave_out_hidden(data: dict[str, Any], hidden: set[str]) -> None:
    if not hidden:
        return
    data["documents"] = [d for d in data["documents"] if d["id"] not in hidden]
    for procedure in data["procedures"]:
        procedure["documents"] = [d for d in procedure["documents"] if d not in hidden]
    data["links"] = [
        link
        for link in data["links"]
        if link["from"]["document"] not in hidden and link["to"]["document"] not in hidden
    ]


def _apply(target: dict[str, Any], field: str, found: ReviewedItem, rejected: Any) -> None:
    mark = _mark(found)
    if found.state == "corrected" and field != "split":
        target[field] = mark["value"]
    elif found.state == "rejected" and rejected is not ...:
        target[field] = rejected
    target.setdefault("review", {})[field] = mark


def _mark_document(document: dict[str, Any], decided: dict[str, ReviewedItem]) -> None:
    doc_id = document["id"]
    if found := decided.get(f"document:{doc_id}:kind"):
        _apply(document, "kind", found, ...)
    if found := decided.get(f"document:{doc_id}:reports_on"):
        _apply(document, "reports_on", found, [])
    for position, author in enumerate(document["authors"]):
        if found := decided.get(f"person:{doc_id}:{position}"):
            _apply(author, "person", found, None)
    for clause in document["clauses"]:
        for field in sorted(_CLAUSE_FIELDS):
            if found := decided.get(f"clause:{doc_id}:{clause['position']}:{field}"):
                _apply(clause, field, found, [] if field not in ("kind", "split") else ...)


def _marked_links(
    links: list[dict[str, Any]], decided: dict[str, ReviewedItem]
) -> Iterator[dict[str, Any]]:
    for link in links:
        found = decided.get(_key(link))
        if found is None:
            yield link
        elif found.state != "rejected":  # a rejected link is known to be wrong: left out
            mark = _mark(found)
            if found.state == "corrected":
                link["label"] = mark["value"]
            yield {**link, "review": mark}


def _key(link: dict[str, Any]) -> str:
    def end(side: dict[str, Any]) -> str:
        clause = side["clause"]
        position = "-" if clause is None else clause.rsplit("-", 1)[1]
        return f"{side['document']}:{position}"

    return f"link:{link['type']}:{end(link['from'])}:{end(link['to'])}"
