"""Settings of the live fetchers, read from WHEREAS_FETCH_* variables (and WHEREAS_CACHE_DIR)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DEFAULT_CACHE_DIR = Path(".whereas-cache")


def _version() -> str:
    try:
        return version("whereas")
    except PackageNotFoundError:
        return "0"


# The ODP asks for "{user-id}-{environment}-{version}" (ep-openapi-spec.json, User-Agent header).
DEFAULT_USER_AGENT = (
    f"whereas-prd-{_version()} (whereas: a tracker of European Parliament human-rights "
    "resolutions; polite, cached, 1 request/s)"
)


@dataclass(frozen=True)
class FetchSettings:
    """How politely and where the fetchers work."""

    user_agent: str = DEFAULT_USER_AGENT
    requests_per_second: float = 1.0
    timeout_seconds: float = 30.0
    max_attempts: int = 5
    backoff_seconds: float = 2.0
    max_backoff_seconds: float = 120.0
    cache_dir: Path = DEFAULT_CACHE_DIR
    language: str = "en"
    formats: tuple[str, ...] = ("html",)


def _float_env(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


def _user_agent() -> str:
    agent = os.environ.get("WHEREAS_FETCH_USER_AGENT", "").strip() or DEFAULT_USER_AGENT
    contact = os.environ.get("WHEREAS_FETCH_CONTACT", "").strip()
    return f"{agent} contact: {contact}" if contact else agent


def load_fetch_settings() -> FetchSettings:
    """Read the WHEREAS_FETCH_* variables and WHEREAS_CACHE_DIR over the defaults."""
    base = FetchSettings()
    formats = os.environ.get("WHEREAS_FETCH_FORMATS", "").strip()
    return FetchSettings(
        user_agent=_user_agent(),
        requests_per_second=_float_env("WHEREAS_FETCH_RATE", base.requests_per_second),
        timeout_seconds=_float_env("WHEREAS_FETCH_TIMEOUT", base.timeout_seconds),
        max_attempts=int(_float_env("WHEREAS_FETCH_MAX_ATTEMPTS", base.max_attempts)),
        backoff_seconds=_float_env("WHEREAS_FETCH_BACKOFF", base.backoff_seconds),
        max_backoff_seconds=_float_env("WHEREAS_FETCH_MAX_BACKOFF", base.max_backoff_seconds),
        cache_dir=Path(os.environ.get("WHEREAS_CACHE_DIR", "").strip() or DEFAULT_CACHE_DIR),
        language=os.environ.get("WHEREAS_FETCH_LANGUAGE", "").strip().lower() or base.language,
        formats=tuple(f.strip().lower() for f in formats.split(",") if f.strip()) or base.formats,
    )
