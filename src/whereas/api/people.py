"""API: votes, MEPs, political groups and country dossiers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from whereas.api.deps import Limit, Offset, SessionDep, answer
from whereas.api.errors import ErrorBody, NotFound
from whereas.store import schema
from whereas.views import serialize, serialize_thread
from whereas.views.countries import find_country
from whereas.views.dossier import dossier_view
from whereas.views.people import group_view, list_groups, list_meps, mep_view
from whereas.views.votes import list_votes, vote_view

router = APIRouter(responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}})
Text = Annotated[str | None, Query(max_length=200)]
GroupCode = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_]{1,40}$")]


@router.get("/votes", tags=["votes"], summary="Votes and tallies, newest first")
def votes(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    procedure: Text = None,
    reference: Text = None,
    official: bool | None = None,
) -> dict[str, Any]:
    listing = list_votes(
        session,
        limit=limit,
        offset=offset,
        procedure=procedure,
        reference=reference,
        official=official,
    )
    return answer(serialize.page([serialize.vote(v) for v in listing.items], listing))


@router.get("/votes/{vote_id}", tags=["votes"], summary="One vote with each MEP's position")
def vote(vote_id: Annotated[int, Path(ge=1, le=2**62)], session: SessionDep) -> dict[str, Any]:
    found = session.get(schema.Vote, vote_id)
    if found is None:
        raise NotFound(f"no vote {vote_id} in the store")
    view = vote_view(session, found)
    document = session.get(schema.Document, found.document_id)
    return answer(serialize.vote_view(view), [serialize.source(document)] if document else [])


@router.get("/meps", tags=["people"], summary="MEPs by name")
def meps(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Text = None,
    group: GroupCode = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
) -> dict[str, Any]:
    listing = list_meps(session, limit=limit, offset=offset, text=q, group=group, country=country)
    return answer(serialize.page([serialize.mep_summary(m) for m in listing.items], listing))


@router.get("/meps/{mep_id}", tags=["people"], summary="One MEP: groups, tabled texts, positions")
def mep(mep_id: str, session: SessionDep) -> dict[str, Any]:
    person = session.get(schema.Person, mep_id)
    if person is None:
        raise NotFound(f"no MEP {mep_id!r} in the store")
    return answer(serialize.mep_view(mep_view(session, person)))


@router.get("/groups", tags=["people"], summary="Political groups in the store")
def groups(session: SessionDep) -> dict[str, Any]:
    return answer({"items": [serialize.group_summary(g) for g in list_groups(session)]})


@router.get("/groups/{code}", tags=["people"], summary="One group: members and cohesion")
def group(code: str, session: SessionDep) -> dict[str, Any]:
    view = group_view(session, code)
    if view is None:
        raise NotFound(f"no group {code!r} in the store")
    return answer(serialize.group_view(view))


@router.get(
    "/countries/{country}",
    tags=["countries"],
    summary="A country dossier: procedures in time, demands by theme and year, repeated demands",
)
def country(country: str, session: SessionDep) -> dict[str, Any]:
    found = find_country(country)
    if found is None:
        raise NotFound(f"no country {country!r} (use an ISO code or an English name)")
    view = dossier_view(session, found)
    documents = {d.document_id for d in view.demands}
    sources = [serialize.source(d) for d in view.coverage.documents]
    sources += [
        serialize.source(d)
        for d in (session.get(schema.Document, i) for i in sorted(documents))
        if d is not None
    ]
    return answer(serialize_thread.dossier(view), sources)
