"""Errors as pages: the same status, code and message as the JSON error shape, never a trace."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from whereas.api.errors import error_body
from whereas.web.templating import render


def html_error(
    request: Request, status: int, message: str, details: list[dict[str, Any]] | None
) -> Response:
    """An error page carrying the one error shape's values."""
    return render(
        request, "error.html", status=status, error=error_body(status, message, details)["error"]
    )
