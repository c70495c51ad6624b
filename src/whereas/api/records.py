"""API: procedures, documents, clauses, and a lookup of any reference."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from whereas.api.deps import Limit, Offset, SessionDep, answer
from whereas.api.errors import ErrorBody, NotFound
from whereas.errors import UnknownReference
from whereas.store import schema
from whereas.store.lookup import ProcedureRecord, find_record
from whereas.views import serialize, serialize_thread
from whereas.views.documents import document_view, find_document, list_documents
from whereas.views.lineage import Redline, clause_redline
from whereas.views.procedures import list_procedures, procedure_view

router = APIRouter(
    tags=["records"], responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}}
)
Text = Annotated[str | None, Query(max_length=200)]
Kind = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")]


def procedure_record(session: Session, reference: str) -> ProcedureRecord:
    """The procedure `reference` names in any form, else 404."""
    try:
        record = find_record(session, reference)
    except UnknownReference as exc:
        raise NotFound(f"no procedure {reference!r} in the store") from exc
    if not isinstance(record, ProcedureRecord):
        raise NotFound(f"{reference!r} is not a procedure (try /api/lookup)")
    return record


def document_or_404(session: Session, document_id: str) -> schema.Document:
    """The document with this id (or unique id prefix), else 404."""
    document = find_document(session, document_id)
    if document is None:
        raise NotFound(f"no document {document_id!r} in the store")
    return document


@router.get("/procedures", summary="Procedures, newest reference first")
def procedures(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    q: Text = None,
) -> dict[str, Any]:
    listing = list_procedures(session, limit=limit, offset=offset, type_=type, text=q)
    return answer(serialize.page([serialize.procedure_summary(p) for p in listing.items], listing))


@router.get("/procedures/{reference:path}", summary="One procedure: timeline, votes, tallies")
def procedure(reference: str, session: SessionDep) -> dict[str, Any]:
    view = procedure_view(session, procedure_record(session, reference))
    sources = [serialize.source(d) for d in view.record.documents]
    data = serialize.procedure_view(view)
    data["lineage"] = serialize_thread.procedure_lineage(view.lineage) if view.lineage else None
    return answer(data, sources)


@router.get("/documents", summary="Documents, newest first")
def documents(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    kind: Kind = None,
    procedure: Text = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
) -> dict[str, Any]:
    listing = list_documents(
        session, limit=limit, offset=offset, kind=kind, procedure=procedure, language=language
    )
    return answer(serialize.page([serialize.document_summary(d) for d in listing.items], listing))


@router.get("/documents/{document_id}", summary="One document, clause by clause")
def document(document_id: str, session: SessionDep) -> dict[str, Any]:
    view = document_view(session, document_or_404(session, document_id))
    return answer(serialize.document_view(view), [serialize.source(view.record.document)])


@router.get("/documents/{document_id}/clauses", summary="The clauses of one document")
def clauses(document_id: str, session: SessionDep) -> dict[str, Any]:
    view = document_view(session, document_or_404(session, document_id))
    items = [
        serialize.clause(c, view.clause_votes.get(c.position, [])) for c in view.record.clauses
    ]
    return answer(
        {"document": view.record.document.id, "items": items},
        [serialize.source(view.record.document)],
    )


@router.get(
    "/documents/{document_id}/lineage",
    summary="Where each clause of a joint motion or text adopted came from",
)
def lineage(
    document_id: str,
    session: SessionDep,
    redline: Annotated[bool, Query(description="Add each changed clause's word redline.")] = False,
) -> dict[str, Any]:
    view = document_view(session, document_or_404(session, document_id))
    found = view.lineage
    if found is None:
        raise NotFound(f"document {document_id!r} has no lineage (not a derived text)")
    redlines: dict[int, Redline] = {}
    if redline:
        for position, origins in found.origins.items():
            if origins[0].clauses and origins[0].change != "identical":
                shown = clause_redline(session, found, position)
                if shown is not None:
                    redlines[position] = shown
    sources = [serialize.source(view.record.document), *map(serialize.source, found.earlier)]
    return answer(serialize_thread.lineage(found, redlines if redline else None), sources)


@router.get("/lookup", summary="What a reference names, in any of its forms")
def lookup(
    session: SessionDep, ref: Annotated[str, Query(min_length=1, max_length=200)]
) -> dict[str, Any]:
    try:
        record = find_record(session, ref)
    except UnknownReference as exc:
        raise NotFound(f"nothing in the store is called {ref!r}") from exc
    if isinstance(record, ProcedureRecord):
        reference = record.procedure.reference
        return answer(
            {
                "type": "procedure",
                "reference": reference,
                "api": f"/api/procedures/{reference}",
                "page": f"/procedures/{reference}",
            }
        )
    docs = [d.document for d in record.documents]
    return answer(
        {
            "type": "documents",
            "reference": record.reference,
            "documents": [
                {**serialize.document_summary(d), "api": f"/api/documents/{d.id}"} for d in docs
            ],
        },
        [serialize.source(d) for d in docs],
    )
