"""Who is asking: the signed session cookie, the role it needs, and the CSRF token of writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.exceptions import HTTPException

from whereas.api.deps import SessionDep
from whereas.curation.accounts import has_role
from whereas.curation.sessions import SESSION_COOKIE, SessionSigner, SignedSession
from whereas.store import schema

CSRF_HEADER = "X-CSRF-Token"


def signer(request: Request) -> SessionSigner:
    """The application's session signer."""
    found: SessionSigner = request.app.state.session_signer
    return found


def signed_session(request: Request) -> SignedSession | None:
    """The session the request's cookie carries, if any and valid."""
    return signer(request).read(request.cookies.get(SESSION_COOKIE))


class Caller:
    """A signed-in account and its session."""

    def __init__(self, account: schema.Account, session: SignedSession) -> None:
        self.account = account
        self.session = session

    @property
    def username(self) -> str:
        """The account's name."""
        return self.account.username


def current_caller(request: Request, db: SessionDep) -> Caller | None:
    """The signed-in account, None for the public."""
    session = signed_session(request)
    if session is None:
        return None
    account = db.get(schema.Account, session.username)
    if account is None or not account.active:
        return None
    return Caller(account, session)


def _needs(role: str) -> object:
    def check(request: Request, db: SessionDep) -> Caller:
        caller = current_caller(request, db)
        if caller is None:
            raise HTTPException(401, "sign in first: POST /api/auth/login or /login")
        if not has_role(caller.account, role):
            raise HTTPException(403, f"{caller.username} is a {caller.account.role}: needs {role}")
        return caller

    return check


def check_csrf(request: Request, caller: Caller, token: str | None) -> None:
    """Refuse a write whose CSRF token is missing or not the session's (403)."""
    given = token or request.headers.get(CSRF_HEADER)
    if not signer(request).csrf_valid(caller.session, given):
        raise HTTPException(403, "missing or invalid CSRF token")


Reviewer = Annotated[Caller, Depends(_needs("reviewer"))]
Admin = Annotated[Caller, Depends(_needs("admin"))]
