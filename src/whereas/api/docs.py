"""API: the index, store counts, and Swagger UI served from the vendored files."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from whereas.api.deps import SessionDep, answer
from whereas.store.stats import store_stats

router = APIRouter()

_SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>whereas API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
<link rel="icon" href="/static/vendor/swagger-ui/favicon-32x32.png">
</head><body><div id="swagger-ui" data-spec="/api/openapi.json"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body></html>"""


@router.get("/docs", include_in_schema=False)
def swagger_ui() -> HTMLResponse:
    return HTMLResponse(_SWAGGER_PAGE)


@router.get("/", summary="What the API offers", tags=["meta"])
def index() -> dict[str, Any]:
    return answer(
        {
            "openapi": "/api/openapi.json",
            "docs": "/api/docs",
            "endpoints": [
                "/api/stats",
                "/api/procedures",
                "/api/procedures/{reference}",
                "/api/documents",
                "/api/documents/{id}",
                "/api/documents/{id}/clauses",
                "/api/lookup?ref=",
                "/api/votes",
                "/api/votes/{id}",
                "/api/meps",
                "/api/meps/{id}",
                "/api/groups",
                "/api/groups/{code}",
                "/api/countries/{code}",
                "/api/search?q=",
            ],
        }
    )


@router.get("/stats", summary="Counts of what the store holds", tags=["meta"])
def stats(session: SessionDep) -> dict[str, Any]:
    return answer(store_stats(session))
