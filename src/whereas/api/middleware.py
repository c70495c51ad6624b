"""HTTP behaviour of every answer: security headers, terms of reuse, ETags, a rate limit."""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import deque

from fastapi import Request
from fastapi.responses import Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.types import ASGIApp

from whereas.api.errors import error_response
from whereas.views.common import EP_TERMS_URL

# Strict: no inline script or style anywhere, nothing from another origin.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes from its scripts; its own page allows inline styles only.
DOCS_CSP = PAGE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class SecurityHeaders(BaseHTTPMiddleware):
    """CSP and friends on every answer, and a link to the terms under which the data is reused."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        docs = request.url.path == "/api/docs"
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else PAGE_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Link"] = f'<{EP_TERMS_URL}>; rel="license"'
        return response


class ConditionalGet(BaseHTTPMiddleware):
    """A strong ETag on every successful GET; If-None-Match that matches answers 304."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.url.path.startswith("/static/"):
            return response  # StaticFiles answers conditional requests itself
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers["ETag"] = etag
        headers.setdefault("Cache-Control", "no-cache")
        if etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        return Response(body, status_code=200, headers=headers, media_type=response.media_type)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


class RateLimit(BaseHTTPMiddleware):
    """At most `limit` requests per client address in a sliding window; 429 with Retry-After."""

    def __init__(self, app: ASGIApp, limit: int, window: float) -> None:
        super().__init__(app)
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float) -> int | None:
        """Seconds to wait before `client` may ask again, None when it may ask now."""
        with self._lock:
            times = self._seen.setdefault(client, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            if len(self._seen) > 10_000:  # forget idle clients
                self._seen = {k: v for k, v in self._seen.items() if v}
            return None

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.url.path.startswith("/static/") or self.limit <= 0:
            return await call_next(request)
        client = request.client.host if request.client else "unknown"
        wait = self.retry_after(client, time.monotonic())
        if wait is None:
            return await call_next(request)
        return error_response(
            429,
            f"too many requests: at most {self.limit} a minute per client",
            headers={"Retry-After": str(wait)},
        )
