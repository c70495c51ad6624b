"""One polite HTTP client: a User-Agent, a rate limit per host, retries, Retry-After, a cache."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urlsplit

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from whereas.config import FetchSettings
from whereas.sources.cache import CachedResponse, ResponseCache
from whereas.sources.failures import (
    FetchFailed,
    RetryableAnswer,
    SourceNotFound,
    SourceUnavailable,
    TruncatedBody,
)

Origin = Literal["cache", "network", "not_modified"]
BodyCheck = Callable[[bytes], None]
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 3600.0  # a server asking for more than an hour is treated as down


@dataclass
class Clock:
    """Time as the client sees it; tests pass a fake so that nobody sleeps for real."""

    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


@dataclass
class ManualClock:
    """Time that moves only when slept, every sleep recorded: for dry simulations and tests."""

    start: datetime = field(default_factory=lambda: datetime.now(UTC))
    elapsed: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        """Advance time without waiting."""
        self.sleeps.append(seconds)
        self.elapsed += seconds

    def as_clock(self) -> Clock:
        """The clock a client uses."""
        return Clock(
            monotonic=lambda: self.elapsed, sleep=self.sleep,
            now=lambda: self.start + timedelta(seconds=self.elapsed),
        )


@dataclass(frozen=True)
class Fetched:
    """An answer and where it came from (the cache, the network, or a 304 on the cache)."""

    response: CachedResponse
    origin: Origin


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header, given as seconds or as an HTTP-date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class PoliteClient:
    """GET with a per-host rate limit, retries with backoff, Retry-After, cache and revalidation."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        cache: ResponseCache | None = None,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.cache = cache or ResponseCache(settings.cache_dir)
        self.clock = clock or Clock()
        self._last_request: dict[str, float] = {}
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=settings.timeout_seconds,
            follow_redirects=True,
            transport=transport,
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, revalidate: bool = False, check: BodyCheck | None = None) -> Fetched:
        """The answer for `url`: from the cache unless `revalidate`, then with a conditional GET."""
        cached = self.cache.get(url)
        if cached is not None and not revalidate:
            return Fetched(cached, "cache")
        conditional = _validators(cached) if cached is not None else {}
        response = self._with_retries(url, conditional, check)
        if response.status == 304 and cached is not None:
            return Fetched(replace(cached, fetched_at=response.fetched_at), "not_modified")
        self.cache.put(response)
        return Fetched(response, "network")

    def _with_retries(
        self, url: str, headers: dict[str, str], check: BodyCheck | None
    ) -> CachedResponse:
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.max_attempts),
            wait=self._wait,
            sleep=self.clock.sleep,
            retry=retry_if_exception_type((RetryableAnswer, httpx.TransportError)),
            reraise=True,
        )
        try:
            return retrying(self._attempt, url, headers, check)
        except RetryableAnswer as exc:
            if isinstance(exc, TruncatedBody):
                raise
            raise SourceUnavailable(f"{exc} (after {self.settings.max_attempts} attempts)") from exc
        except httpx.TimeoutException as exc:
            raise SourceUnavailable(f"timed out {self.settings.max_attempts} times") from exc
        except httpx.TransportError as exc:
            raise SourceUnavailable(f"unreachable: {type(exc).__name__}: {exc}") from exc

    def _wait(self, state: RetryCallState) -> float:
        exponential = wait_exponential(
            multiplier=self.settings.backoff_seconds, max=self.settings.max_backoff_seconds
        )(state)
        exc = state.outcome.exception() if state.outcome else None
        asked = getattr(exc, "retry_after", None)
        return max(exponential, float(asked)) if asked is not None else exponential

    def _attempt(
        self, url: str, headers: dict[str, str], check: BodyCheck | None
    ) -> CachedResponse:
        self._respect_rate_limit(url)
        response = self._http.get(url, headers=headers)
        answer = _as_cached(url, response, self.clock.now())
        _raise_for_status(answer, self.clock.now())
        if answer.status == 200:
            _check_length(answer)
            if check is not None:
                check(answer.body)
        return answer

    def _respect_rate_limit(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        rate = self.settings.requests_per_second
        interval = 1.0 / rate if rate > 0 else 0.0
        last = self._last_request.get(host)
        if last is not None:
            delay = last + interval - self.clock.monotonic()
            if delay > 0:
                self.clock.sleep(delay)
        self._last_request[host] = self.clock.monotonic()


def _validators(cached: CachedResponse) -> dict[str, str]:
    headers = {}
    if cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified
    return headers


def _as_cached(url: str, response: httpx.Response, now: datetime) -> CachedResponse:
    return CachedResponse(
        url=url,
        status=response.status_code,
        body=response.content,
        headers={k.lower(): v for k, v in response.headers.items()},
        fetched_at=now.isoformat(timespec="seconds"),
        final_url=str(response.url),
    )


def _raise_for_status(answer: CachedResponse, now: datetime) -> None:
    status = answer.status
    if status in (200, 304):
        return
    if status in (404, 410):
        raise SourceNotFound(f"HTTP {status}: not found")
    if status in RETRY_STATUSES:
        wait = retry_after_seconds(answer.headers.get("retry-after"), now)
        if wait is not None and wait > MAX_RETRY_AFTER:
            raise SourceUnavailable(f"HTTP {status}: asked to come back in {wait:.0f} s")
        raise RetryableAnswer(f"HTTP {status}", retry_after=wait)
    raise FetchFailed(f"HTTP {status}")


def _check_length(answer: CachedResponse) -> None:
    # Content-Length counts the encoded bytes; only a plain body can be compared with it.
    announced = answer.headers.get("content-length", "")
    if "content-encoding" in answer.headers or not announced.isdigit():
        return
    if len(answer.body) < int(announced):
        raise TruncatedBody(f"{len(answer.body)} of {announced} bytes received")
