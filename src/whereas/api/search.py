"""API: search over clauses and documents, with facets and direct hits."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from whereas.api.deps import Offset, SessionDep, answer
from whereas.api.errors import ErrorBody
from whereas.search import search as run_query

router = APIRouter(tags=["search"], responses={422: {"model": ErrorBody}})

Query_ = Annotated[
    str, Query(min_length=1, max_length=500, description="Words, phrases, references.")
]
Kinds = Annotated[list[Annotated[str, Query(pattern=r"^[a-z_]{1,40}$")]], Query()]
Languages = Annotated[list[Annotated[str, Query(pattern=r"^[a-z]{2,3}$")]], Query()]
Years = Annotated[list[Annotated[int, Query(ge=1950, le=2100)]], Query()]


@router.get("/search", summary="Clauses and documents matching a query, best first")
def search(
    session: SessionDep,
    q: Query_,
    kind: Kinds = [],  # noqa: B006 - FastAPI copies defaults
    language: Languages = [],  # noqa: B006
    year: Years = [],  # noqa: B006
    entry: Literal["clause", "document"] | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    results = run_query(
        session,
        q,
        kind=kind,
        language=language,
        year=year,
        entry=entry,
        limit=limit,
        offset=offset,
    )
    return answer(results.as_json())
