"""One error shape for every error: {"error": {"status", "code", "message", "details"}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    429: "rate_limited",
    500: "internal_error",
    502: "fetch_failed",
}


class ErrorDetail(BaseModel):
    """The body of an error."""

    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """What every error answers."""

    error: ErrorDetail


class NotFound(StarletteHTTPException):
    """A record the URL names is not in the store."""

    def __init__(self, message: str) -> None:
        super().__init__(404, message)


def error_body(
    status: int, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The JSON of an error."""
    detail = ErrorDetail(
        status=status, code=_CODES.get(status, "error"), message=message, details=details
    )
    return ErrorBody(error=detail).model_dump()


def error_response(
    status: int,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """An error answered as JSON in the one shape."""
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {
            "parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or None,
            "in": (e.get("loc") or ["query"])[0],
            "problem": e.get("msg", "invalid"),
        }
        for e in exc.errors()
    ]


def install_error_handlers(app: FastAPI, html: Any) -> None:
    """Answer HTTP, validation and unexpected errors in the one shape (HTML pages via `html`)."""

    def answer(
        request: Request,
        status: int,
        message: str,
        details: list[dict[str, Any]] | None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if not request.url.path.startswith("/api") and html is not None:
            response: Response = html(request, status, message, details)
            if headers:
                response.headers.update(headers)
            return response
        return error_response(status, message, details, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return answer(request, exc.status_code, message, None, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        names = ", ".join(str(d["parameter"]) for d in details if d["parameter"])
        return answer(request, 422, f"invalid parameter: {names or 'request'}", details)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return answer(request, 500, "internal error: the error was logged", None)
