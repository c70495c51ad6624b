"""Pages of procedures, documents and votes, and their lists as CSV and JSON."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from whereas.api.deps import Limit, Offset, SessionDep
from whereas.api.errors import NotFound
from whereas.api.records import document_or_404, procedure_record
from whereas.store import schema
from whereas.views import serialize
from whereas.views.documents import document_view, list_documents
from whereas.views.lineage import clause_redline, document_lineage
from whereas.views.procedures import list_procedures, procedure_view
from whereas.views.votes import vote_view
from whereas.web.downloads import download
from whereas.web.templating import render

router = APIRouter()
Text = Annotated[str | None, Query(max_length=200)]
Kind = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]*$")]
Format = Literal["csv", "json"]


@router.get("/procedures")
@router.get("/procedures.{fmt}")
def procedures_page(
    request: Request,
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{0,3}$")] = None,
    q: Text = None,
    fmt: Format | None = None,
) -> Response:
    listing = list_procedures(session, limit=limit, offset=offset, type_=type or None, text=q)
    if fmt:
        return download([serialize.procedure_summary(p) for p in listing.items], "procedures", fmt)
    return render(request, "procedures.html", listing=listing, type=type or "", q=q or "")


@router.get("/procedures/{reference:path}")
def procedure_page(request: Request, reference: str, session: SessionDep) -> Response:
    view = procedure_view(session, procedure_record(session, reference))
    return render(request, "procedure.html", view=view)


@router.get("/documents")
@router.get("/documents.{fmt}")
def documents_page(
    request: Request,
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    kind: Kind = None,
    fmt: Format | None = None,
) -> Response:
    listing = list_documents(session, limit=limit, offset=offset, kind=kind or None)
    if fmt:
        return download([serialize.document_summary(d) for d in listing.items], "documents", fmt)
    return render(request, "documents.html", listing=listing, kind=kind or "")


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: str, session: SessionDep) -> Response:
    view = document_view(session, document_or_404(session, document_id))
    return render(request, "document.html", view=view)


@router.get("/documents/{document_id}/redline/{position}")
def redline_page(
    request: Request,
    document_id: str,
    position: Annotated[int, Path(ge=1, le=100_000)],
    session: SessionDep,
    against: Annotated[str | None, Query(pattern=r"^[0-9a-f]{64}$")] = None,
) -> Response:
    document = document_or_404(session, document_id)
    clauses = session.scalar(select(func.count()).where(schema.Clause.document_id == document.id))
    lineage = document_lineage(session, document, clauses or 0)
    found = clause_redline(session, lineage, position, against) if lineage else None
    if found is None:
        raise NotFound(f"no lineage for clause {position} of document {document_id!r}")
    return render(request, "redline.html", document=document, redline=found)


@router.get("/votes/{vote_id}")
@router.get("/votes/{vote_id}.{fmt}")
def vote_page(
    request: Request,
    vote_id: Annotated[int, Path(ge=1, le=2**62)],
    session: SessionDep,
    fmt: Format | None = None,
) -> Response:
    vote = session.get(schema.Vote, vote_id)
    if vote is None:
        raise NotFound(f"no vote {vote_id} in the store")
    view = vote_view(session, vote)
    if fmt:
        return download(serialize.vote_view(view)["members"], f"vote-{vote_id}", fmt)
    return render(request, "vote.html", view=view)
