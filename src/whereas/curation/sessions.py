"""Signed, expiring sessions and the CSRF tokens bound to them (itsdangerous, HMAC-SHA1/512)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

from whereas.config import CurationSettings

SESSION_COOKIE = "whereas_session"


@dataclass(frozen=True)
class SignedSession:
    """Who is signed in; `nonce` ties the session's CSRF token to it."""

    username: str
    nonce: str


class SessionSigner:
    """Makes and reads session cookies and CSRF tokens with one secret key."""

    def __init__(self, settings: CurationSettings) -> None:
        self.settings = settings
        key = settings.secret_key or secrets.token_urlsafe(32)
        self._sessions = URLSafeTimedSerializer(key, salt="whereas-session")
        self._csrf = URLSafeTimedSerializer(key, salt="whereas-csrf")

    def issue(self, username: str) -> tuple[str, SignedSession]:
        """A new session for `username`: the cookie value and the session."""
        session = SignedSession(username, secrets.token_urlsafe(16))
        return self._sessions.dumps([session.username, session.nonce]), session

    def read(self, cookie: str | None) -> SignedSession | None:
        """The session a cookie carries, None when it is missing, forged or expired."""
        if not cookie:
            return None
        try:
            username, nonce = self._sessions.loads(cookie, max_age=self.settings.session_max_age)
        except (BadSignature, ValueError, TypeError):
            return None
        return SignedSession(str(username), str(nonce))

    def csrf_token(self, session: SignedSession) -> str:
        """The CSRF token of a session (forms carry it; API clients send X-CSRF-Token)."""
        return self._csrf.dumps(session.nonce)

    def csrf_valid(self, session: SignedSession, token: str | None) -> bool:
        """Whether `token` is the CSRF token of `session` and has not expired."""
        if not token:
            return False
        try:
            nonce = self._csrf.loads(token, max_age=self.settings.session_max_age)
        except BadSignature:
            return False
        return hmac.compare_digest(str(nonce), session.nonce)
