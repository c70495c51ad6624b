"""Pages for reviewers and admins: sign in, the review queue, takedowns and the audit log."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from whereas.api.auth import Caller, check_csrf, current_caller, signer
from whereas.api.deps import SessionDep
from whereas.api.review import set_session_cookie
from whereas.curation.accounts import authenticate, has_role
from whereas.curation.audit import audit_log
from whereas.curation.queue import QueueFilter, review_queue
from whereas.curation.review import review_items, review_matching
from whereas.curation.sessions import SESSION_COOKIE
from whereas.curation.takedown import hide_document, purge, unhide_document
from whereas.curation.values import parse_value_text
from whereas.errors import InvalidCredentials, WhereasError
from whereas.web.templating import render

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "whereas_login_csrf"  # double-submit token of the sign-in form
PAGE = 50
FILTERS = ("kind", "country", "procedure", "document", "state")


def _signed_in(request: Request, db: SessionDep, role: str) -> Caller:
    caller = current_caller(request, db)
    if caller is None:
        raise HTTPException(401, "sign in to review: /login")
    if not has_role(caller.account, role):
        raise HTTPException(403, f"{caller.username} is a {caller.account.role}: needs {role}")
    return caller


def _page(request: Request, template: str, caller: Caller, **context: Any) -> Response:
    token = signer(request).csrf_token(caller.session)
    return render(request, template, caller=caller, csrf_token=token, **context)


@router.get("/login")
def login_page(request: Request, error: str | None = None) -> Response:
    token = secrets.token_urlsafe(16)
    response = render(request, "review/login.html", login_token=token, error=error)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", max_age=1800)
    return response


@router.post("/login")
async def login_form(request: Request, db: SessionDep) -> Response:
    form = await request.form()
    token = str(form.get("csrf_token", ""))
    if not token or not secrets.compare_digest(token, request.cookies.get(LOGIN_COOKIE, "")):
        raise HTTPException(403, "missing or invalid CSRF token")
    try:
        account = authenticate(db, str(form.get("username", "")), str(form.get("password", "")))
    except InvalidCredentials:
        return RedirectResponse("/login?error=1", status_code=303)
    response = RedirectResponse("/review", status_code=303)
    set_session_cookie(request, response, account.username)
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout_form(request: Request, db: SessionDep) -> Response:
    caller = _signed_in(request, db, "reviewer")
    check_csrf(request, caller, str((await request.form()).get("csrf_token", "")))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _filter(values: dict[str, str]) -> QueueFilter:
    given = {k: (values.get(k) or None) for k in FILTERS}
    return QueueFilter(
        given["kind"],
        given["country"],
        given["procedure"],
        given["document"],
        given["state"] or "suggested",
    )


@router.get("/review")
def queue_page(request: Request, db: SessionDep, offset: int = 0) -> Response:
    caller = current_caller(request, db)
    if caller is None:
        return RedirectResponse("/login", status_code=303)
    values = {k: request.query_params.get(k, "") for k in FILTERS}
    try:
        found = review_queue(db, _filter(values))
    except (WhereasError, ValueError) as exc:
        raise HTTPException(422, str(exc)) from exc
    shown = found[max(offset, 0) : max(offset, 0) + PAGE]
    return _page(
        request,
        "review/queue.html",
        caller,
        items=[r.as_json() for r in shown],
        total=len(found),
        offset=max(offset, 0),
        page_size=PAGE,
        values=values,
        done=request.query_params.get("done"),
        query_string=urlencode(values),
    )


def _form_filter(form: FormData) -> QueueFilter:
    return _filter({k: str(form.get(k, "")) for k in FILTERS})


@router.post("/review/decide")
async def decide_form(request: Request, db: SessionDep) -> Response:
    caller = _signed_in(request, db, "reviewer")
    form = await request.form()
    check_csrf(request, caller, str(form.get("csrf_token", "")))
    action = str(form.get("action", ""))
    value = parse_value_text(str(form.get("value", ""))) if action == "correct" else None
    reason = str(form.get("reason", "")).strip() or None
    try:
        if form.get("scope") == "all":
            outcome = review_matching(
                db, _form_filter(form), action, caller.username, value=value, reason=reason
            )
        else:
            keys = [str(k) for k in form.getlist("key")]
            outcome = review_items(db, keys, action, caller.username, value=value, reason=reason)
    except (WhereasError, ValueError) as exc:
        raise HTTPException(422, str(exc)) from exc
    filters = {k: str(form.get(k, "")) for k in FILTERS if form.get(k)}
    done = f"{outcome.action}: {outcome.changed} changed, {outcome.unchanged} unchanged"
    return RedirectResponse(f"/review?{urlencode({**filters, 'done': done})}", status_code=303)


@router.get("/review/audit")
def audit_page(request: Request, db: SessionDep, offset: int = 0) -> Response:
    caller = _signed_in(request, db, "reviewer")
    page = audit_log(db, limit=PAGE, offset=max(offset, 0))
    return _page(
        request, "review/audit.html", caller, page=page, offset=max(offset, 0), page_size=PAGE
    )


@router.get("/review/documents")
def takedown_page(request: Request, db: SessionDep) -> Response:
    caller = _signed_in(request, db, "admin")
    return _page(request, "review/takedown.html", caller, done=request.query_params.get("done"))


@router.post("/review/documents")
async def takedown_form(request: Request, db: SessionDep) -> Response:
    caller = _signed_in(request, db, "admin")
    form = await request.form()
    check_csrf(request, caller, str(form.get("csrf_token", "")))
    document = str(form.get("document", "")).strip()
    act, reason = str(form.get("act", "")), str(form.get("reason", "")).strip() or None
    try:
        if act == "purge":
            if not reason:
                raise HTTPException(422, "a purge needs a reason")
            purge(request.app.state.store, document, caller.username, reason)
        elif act in ("hide", "unhide"):
            change = hide_document if act == "hide" else unhide_document
            change(db, document, caller.username, reason)
        else:
            raise HTTPException(422, "act is hide, unhide or purge")
    except WhereasError as exc:
        raise HTTPException(404, str(exc)) from exc
    return RedirectResponse(
        f"/review/documents?{urlencode({'done': f'{act}: {document}'})}", status_code=303
    )
