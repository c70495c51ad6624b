"""Pages: home, search, and the stable /r/{reference} address of any record."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from whereas.api.deps import SessionDep
from whereas.api.errors import NotFound
from whereas.errors import UnknownReference
from whereas.search import search as run_query
from whereas.store.lookup import ProcedureRecord, find_record
from whereas.store.stats import store_stats
from whereas.views.procedures import list_procedures
from whereas.web import people_pages, record_pages
from whereas.web.downloads import download
from whereas.web.templating import render

router = APIRouter(include_in_schema=False)
router.include_router(record_pages.router)
router.include_router(people_pages.router)

SearchText = Annotated[str, Query(max_length=500)]
Kinds = Annotated[list[Annotated[str, Query(pattern=r"^[a-z_]{1,40}$")]], Query()]
Languages = Annotated[list[Annotated[str, Query(pattern=r"^[a-z]{2,3}$")]], Query()]
Years = Annotated[list[Annotated[int, Query(ge=1950, le=2100)]], Query()]
PAGE = 20


@router.get("/")
def home(request: Request, session: SessionDep) -> Response:
    latest = list_procedures(session, limit=12, offset=0)
    return render(request, "home.html", latest=latest, counts=store_stats(session))


@router.get("/search")
@router.get("/search.{fmt}")
def search_page(
    request: Request,
    session: SessionDep,
    q: SearchText = "",
    kind: Kinds = [],  # noqa: B006 - FastAPI copies defaults
    language: Languages = [],  # noqa: B006
    year: Years = [],  # noqa: B006
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    fmt: Literal["csv", "json"] | None = None,
) -> Response:
    results = None
    if q.strip():
        results = run_query(
            session, q, kind=kind, language=language, year=year, limit=PAGE, offset=offset
        )
    if fmt is not None:
        rows = results.as_json()["hits"] if results else []
        return download(rows, "search", fmt)
    filters = {"kind": kind, "language": language, "year": [str(y) for y in year]}
    params = [("q", q), *((name, v) for name, values in filters.items() for v in values)]
    return render(
        request,
        "search.html",
        q=q,
        results=results,
        filters=filters,
        params=params,
        page_size=PAGE,
    )


@router.get("/r/{reference:path}")
def resolve(reference: str, session: SessionDep) -> Response:
    try:
        record = find_record(session, reference)
    except UnknownReference as exc:
        raise NotFound(f"nothing in the store is called {reference!r}") from exc
    if isinstance(record, ProcedureRecord):
        return RedirectResponse(f"/procedures/{record.procedure.reference}", status_code=303)
    return RedirectResponse(f"/documents/{record.documents[0].document.id}", status_code=303)
