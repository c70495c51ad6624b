"""API: POST a file or a URL to ingest it; only when WHEREAS_API_TOKEN is set, with that token."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from whereas.api.deps import answer
from whereas.api.errors import ErrorBody
from whereas.config import load_fetch_settings, load_settings
from whereas.ingest import ingest_bytes, link_store
from whereas.sources.http import PoliteClient
from whereas.sources.pages import fetch_url
from whereas.sources.run import FetchOutcome, FetchRun
from whereas.store import Store


def _require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected: str = request.app.state.settings.api_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            "a valid token is needed: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


router = APIRouter(
    tags=["ingest"],
    dependencies=[Depends(_require_token)],
    responses={401: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody}},
)


def _ingest(store: Store, raw: bytes, name: str) -> dict[str, Any]:
    result = ingest_bytes(store, raw, name=name, limits=load_settings().limits)
    if result.status == "added":
        link_store(store)
    return {
        "status": result.status,
        "reason": result.reason,
        "id": result.document_id,
        "kind": result.kind,
        "reference": result.reference,
        "version": result.version,
        "warnings": result.warnings,
    }


@router.post("/ingest", summary="Ingest one file (any supported format)")
async def ingest(request: Request, file: UploadFile) -> dict[str, Any]:
    limit = load_settings().limits.max_file_bytes
    raw = await file.read(limit + 1)
    if len(raw) > limit:
        raise HTTPException(413, f"the file passes the size limit ({limit} bytes)")
    name = f"upload:{file.filename or 'file'}"
    result = await run_in_threadpool(_ingest, request.app.state.store, raw, name)
    if result["status"] == "rejected":
        raise HTTPException(422, f"rejected: {result['reason']}")
    return answer(result)


class UrlToIngest(BaseModel):
    """The page or file to fetch (politely, through the cache) and ingest."""

    url: str = Field(
        max_length=2000,
        pattern=r"^https?://[^\s/]+(/\S*)?$",
        examples=["https://www.europarl.europa.eu/doceo/document/TA-10-2025-0096_EN.html"],
    )


def _outcome(outcome: FetchOutcome) -> dict[str, Any]:
    return {
        "status": outcome.status,
        "reason": outcome.reason,
        "id": outcome.document_id,
        "kind": outcome.kind,
        "reference": outcome.reference,
        "version": outcome.version,
        "url": outcome.item.url,
        "origin": outcome.origin,
    }


def _fetch_and_ingest(store: Store, url: str) -> dict[str, Any]:
    with PoliteClient(load_fetch_settings()) as client:
        run = FetchRun(client, store, limits=load_settings().limits)
        fetch_url(run, url)
    outcome = run.outcomes[-1]
    if outcome.status == "added":
        link_store(store)
    return _outcome(outcome)


@router.post(
    "/ingest/url",
    summary="Fetch one URL (polite client, cached) and ingest it",
    responses={502: {"model": ErrorBody}},
)
async def ingest_url(request: Request, body: UrlToIngest) -> dict[str, Any]:
    result = await run_in_threadpool(_fetch_and_ingest, request.app.state.store, body.url)
    if result["status"] == "failed":
        raise HTTPException(502, f"could not fetch {body.url}: {result['reason']}")
    if result["status"] == "rejected":
        raise HTTPException(422, f"rejected: {result['reason']}")
    return answer(result)
