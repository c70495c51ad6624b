"""Pages of MEPs, political groups and countries, and their lists as CSV and JSON."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from whereas.api.deps import Limit, Offset, SessionDep
from whereas.api.errors import NotFound
from whereas.store import schema
from whereas.views import serialize, serialize_thread
from whereas.views.countries import countries, find_country
from whereas.views.dossier import dossier_view
from whereas.views.people import group_view, list_groups, list_meps, mep_view
from whereas.web.downloads import download, json_download
from whereas.web.templating import render

router = APIRouter()
Format = Literal["csv", "json"]


@router.get("/meps")
@router.get("/meps.{fmt}")
def meps_page(
    request: Request,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200)] = None,
    group: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_]{0,40}$")] = None,
    fmt: Format | None = None,
) -> Response:
    listing = list_meps(session, limit=limit, offset=offset, text=q, group=group or None)
    if fmt:
        return download([serialize.mep_summary(m) for m in listing.items], "meps", fmt)
    return render(request, "meps.html", listing=listing, q=q or "", group=group or "")


@router.get("/meps/{mep_id}")
def mep_page(request: Request, mep_id: str, session: SessionDep) -> Response:
    person = session.get(schema.Person, mep_id)
    if person is None:
        raise NotFound(f"no MEP {mep_id!r} in the store")
    return render(request, "mep.html", view=mep_view(session, person))


@router.get("/groups")
@router.get("/groups.{fmt}")
def groups_page(request: Request, session: SessionDep, fmt: Format | None = None) -> Response:
    groups = list_groups(session)
    if fmt:
        return download([serialize.group_summary(g) for g in groups], "groups", fmt)
    return render(request, "groups.html", groups=groups)


@router.get("/groups/{code}")
def group_page(request: Request, code: str, session: SessionDep) -> Response:
    view = group_view(session, code)
    if view is None:
        raise NotFound(f"no group {code!r} in the store")
    return render(request, "group.html", view=view)


@router.get("/countries")
def countries_page(request: Request) -> Response:
    return render(request, "countries.html", countries=countries())


@router.get("/countries/{name}")
@router.get("/countries/{name}.{fmt}")
def country_page(
    request: Request, name: str, session: SessionDep, fmt: Format | None = None
) -> Response:
    found = find_country(name)
    if found is None:
        raise NotFound(f"no country {name!r} (use an ISO code or an English name)")
    view = dossier_view(session, found)
    if fmt == "json":
        return json_download(serialize_thread.dossier(view), f"country-{found.code}")
    if fmt == "csv":
        return download(serialize_thread.dossier_rows(view), f"country-{found.code}", fmt)
    return render(request, "country.html", view=view)
