"""Configuration: the one place that reads WHEREAS_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///whereas.db"
DEFAULT_RATE_LIMIT = 300  # API requests per client per minute
DEFAULT_CACHE_DIR = Path(".whereas-cache")


def default_workers() -> int:
    """Worker processes that read and parse documents by default: one per core, at most two."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Limits:
    """Limits that protect a run from hostile or broken input.

    Sizes are checked as a document is read. Time and memory bound reading, recognizing and
    parsing one document, which runs in a worker process (`workers` of them) that is stopped
    when it passes either; `workers=0` runs in the calling process, without those two limits.
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_html_bytes: int = 20 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: int = 200
    max_pdf_pages: int = 2000
    max_text_chars: int = 20 * 1024 * 1024
    max_seconds: float = 60.0
    max_memory_mb: int = 2048
    workers: int = field(default_factory=default_workers)


@dataclass(frozen=True)
class Settings:
    """Settings of one run, read from the environment by `load_settings`."""

    database_url: str = DEFAULT_DATABASE_URL
    corpus_dir: Path | None = None
    limits: Limits = field(default_factory=Limits)


def native_rank() -> bool:
    """Whether SQLite search ranks with whereas_bm25 when it is built (whereas.store.native):
    WHEREAS_NATIVE_RANK=0 makes it rank with FTS5's bm25(), which gives the same scores."""
    return os.environ.get("WHEREAS_NATIVE_RANK", "1").strip() != "0"


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return int(value)


def _float_env(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return float(value)


def load_settings(database_url: str | None = None) -> Settings:
    """Read the WHEREAS_* variables; an explicit `database_url` (the --db option) wins."""
    defaults = Limits()
    limits = Limits(
        max_file_bytes=_int_env("WHEREAS_MAX_FILE_BYTES", defaults.max_file_bytes),
        max_html_bytes=_int_env("WHEREAS_MAX_HTML_BYTES", defaults.max_html_bytes),
        max_unzipped_bytes=_int_env("WHEREAS_MAX_UNZIPPED_BYTES", defaults.max_unzipped_bytes),
        max_pdf_pages=_int_env("WHEREAS_MAX_PDF_PAGES", defaults.max_pdf_pages),
        max_seconds=_float_env("WHEREAS_MAX_SECONDS", defaults.max_seconds),
        max_memory_mb=_int_env("WHEREAS_MAX_MEMORY_MB", defaults.max_memory_mb),
        workers=_int_env("WHEREAS_INGEST_WORKERS", defaults.workers),
    )
    corpus = os.environ.get("WHEREAS_CORPUS_DIR")
    return Settings(
        database_url=database_url or os.environ.get("WHEREAS_DATABASE_URL") or DEFAULT_DATABASE_URL,
        corpus_dir=Path(corpus) if corpus else None,
        limits=limits,
    )


@dataclass(frozen=True)
class WebSettings:
    """What the web application needs beyond the store: the ingest token and the rate limit."""

    api_token: str | None = None
    rate_limit: int = DEFAULT_RATE_LIMIT
    rate_window_seconds: float = 60.0


def load_web_settings() -> WebSettings:
    """Read WHEREAS_API_TOKEN (ingest is off without it) and WHEREAS_API_RATE_LIMIT (0: none)."""
    token = os.environ.get("WHEREAS_API_TOKEN", "").strip() or None
    raw_limit = os.environ.get("WHEREAS_API_RATE_LIMIT", "").strip()
    limit = int(raw_limit) if raw_limit.isdigit() else DEFAULT_RATE_LIMIT
    return WebSettings(api_token=token, rate_limit=limit)


@dataclass(frozen=True)
class CurationSettings:
    """Sign-in for reviewers and admins: the key that signs sessions and how long they last."""

    secret_key: str | None = None  # None: a random key per process (sessions end on restart)
    session_max_age: int = 8 * 3600
    secure_cookies: bool = False  # set WHEREAS_SECURE_COOKIES=1 behind HTTPS


def load_curation_settings() -> CurationSettings:
    """Read WHEREAS_SECRET_KEY, WHEREAS_SESSION_MAX_AGE (seconds) and WHEREAS_SECURE_COOKIES."""
    return CurationSettings(
        secret_key=os.environ.get("WHEREAS_SECRET_KEY", "").strip() or None,
        session_max_age=_int_env("WHEREAS_SESSION_MAX_AGE", 8 * 3600),
        secure_cookies=os.environ.get("WHEREAS_SECURE_COOKIES", "") in ("1", "true", "yes"),
    )


def lexical_embedder() -> bool:
    """Whether WHEREAS_EMBEDDER=lexical asks for the lexical fallback instead of the model."""
    return os.environ.get("WHEREAS_EMBEDDER", "").strip().lower() == "lexical"


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
