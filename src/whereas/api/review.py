"""API: sign in, the review queue, decisions (one or many), hide and purge, the audit log."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from whereas.api.auth import Admin, Reviewer, check_csrf, signer
from whereas.api.deps import Limit, Offset, SessionDep
from whereas.api.errors import ErrorBody, NotFound
from whereas.config import load_curation_settings
from whereas.curation.accounts import authenticate
from whereas.curation.audit import audit_log
from whereas.curation.queue import QueueFilter, review_queue
from whereas.curation.review import review_items, review_matching
from whereas.curation.sessions import SESSION_COOKIE, SessionSigner
from whereas.curation.takedown import hide_document, purge, unhide_document
from whereas.errors import InvalidCredentials, InvalidDecision, UnknownCountry, UnknownDocument

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422)
}
router = APIRouter(tags=["review"], responses=ERRORS)


class Login(BaseModel):
    """A user name and password."""

    username: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class Filter(BaseModel):
    """Which items a bulk decision covers (every item the queue lists with these filters)."""

    kind: str | None = None
    country: str | None = None
    procedure: str | None = None
    document: str | None = None
    state: Literal["suggested", "confirmed", "rejected", "corrected", "all"] = "suggested"


class Decision(BaseModel):
    """Confirm, reject or correct the items named by `keys`, or every item `filter` lists."""

    action: Literal["confirm", "reject", "correct"]
    keys: list[str] = Field(default_factory=list, max_length=100_000)
    filter: Filter | None = None
    value: Any = None
    reason: str | None = Field(default=None, max_length=2000)


class Reason(BaseModel):
    """Why (kept in the audit log)."""

    reason: str | None = Field(default=None, max_length=2000)


def set_session_cookie(request: Request, response: Response, username: str) -> str:
    """Sign `username` in on `response`; the session's CSRF token."""
    cookie, session = signer(request).issue(username)
    settings = signer(request).settings
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=settings.session_max_age,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )
    return signer(request).csrf_token(session)


@router.post("/auth/login", summary="Sign in: a session cookie and the CSRF token for writes")
def login(body: Login, request: Request, response: Response, db: SessionDep) -> dict[str, Any]:
    try:
        account = authenticate(db, body.username, body.password)
    except InvalidCredentials as exc:
        raise HTTPException(401, str(exc)) from exc
    token = set_session_cookie(request, response, account.username)
    return {"user": account.username, "role": account.role, "csrf_token": token}


@router.post("/auth/logout", summary="Sign out")
def logout(response: Response) -> dict[str, Any]:
    response.delete_cookie(SESSION_COOKIE)
    return {"signed_out": True}


@router.get("/review/items", summary="The review queue, lowest confidence first")
def items(
    caller: Reviewer,
    db: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    kind: Annotated[str | None, Query(max_length=60)] = None,
    country: Annotated[str | None, Query(max_length=60)] = None,
    procedure: Annotated[str | None, Query(max_length=40)] = None,
    document: Annotated[str | None, Query(max_length=64)] = None,
    state: Literal["suggested", "confirmed", "rejected", "corrected", "all"] = "suggested",
) -> dict[str, Any]:
    try:
        found = review_queue(db, QueueFilter(kind, country, procedure, document, state))
    except UnknownCountry as exc:
        raise HTTPException(422, str(exc)) from exc
    page = [r.as_json() for r in found[offset : offset + limit]]
    return {"total": len(found), "limit": limit, "offset": offset, "items": page}


@router.post("/review/decisions", summary="Confirm, reject or correct one item or many")
def decisions(body: Decision, request: Request, caller: Reviewer, db: SessionDep) -> dict[str, Any]:
    check_csrf(request, caller, None)
    if bool(body.keys) == (body.filter is not None):
        raise HTTPException(422, "give keys, or a filter for every item it lists (not both)")
    try:
        if body.filter is not None:
            wanted = QueueFilter(**body.filter.model_dump())
            outcome = review_matching(
                db, wanted, body.action, caller.username, value=body.value, reason=body.reason
            )
        else:
            outcome = review_items(
                db, body.keys, body.action, caller.username, value=body.value, reason=body.reason
            )
    except (InvalidDecision, UnknownCountry) as exc:
        raise HTTPException(422, str(exc)) from exc
    return outcome.as_json()


@router.post("/review/documents/{document_id}/{act}", summary="Hide, unhide or purge a document")
async def takedown(
    document_id: str,
    act: Literal["hide", "unhide", "purge"],
    body: Reason,
    request: Request,
    caller: Admin,
    db: SessionDep,
) -> dict[str, Any]:
    check_csrf(request, caller, None)
    try:
        if act == "purge":
            if not body.reason:
                raise HTTPException(422, "a purge needs a reason")
            store = request.app.state.store
            report = await run_in_threadpool(
                purge, store, document_id, caller.username, body.reason
            )
            return {"purged": report.document_id}
        change = hide_document if act == "hide" else unhide_document
        return {"changed": change(db, document_id, caller.username, body.reason)}
    except UnknownDocument as exc:
        raise NotFound(str(exc)) from exc


@router.get("/audit", summary="Every human change, newest first")
def audit(
    caller: Reviewer,
    db: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    document: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    page = audit_log(
        db, actor=actor, action=action, document_id=document, limit=limit, offset=offset
    )
    return {"total": page.total, "entries": page.entries}


def install_curation(app: FastAPI) -> None:
    """Sign-in, the review API under /api and the review pages (issue 12)."""
    from whereas.web.review_pages import router as pages

    app.state.session_signer = SessionSigner(load_curation_settings())
    app.include_router(router, prefix="/api")
    app.include_router(pages)
