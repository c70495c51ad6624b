"""Settings of the web application (the WHEREAS_API_* variables)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_RATE_LIMIT = 300  # requests per client per minute


@dataclass(frozen=True)
class WebSettings:
    """What the application needs beyond the store: the ingest token and the rate limit."""

    api_token: str | None = None
    rate_limit: int = DEFAULT_RATE_LIMIT
    rate_window_seconds: float = 60.0


def load_web_settings() -> WebSettings:
    """Read WHEREAS_API_TOKEN (ingest is off without it) and WHEREAS_API_RATE_LIMIT."""
    token = os.environ.get("WHEREAS_API_TOKEN", "").strip() or None
    raw_limit = os.environ.get("WHEREAS_API_RATE_LIMIT", "").strip()
    limit = int(raw_limit) if raw_limit.isdigit() else DEFAULT_RATE_LIMIT
    return WebSettings(api_token=token, rate_limit=limit)
