"""The polite client: retries, Retry-After, rate limit, cache and conditional requests."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import respx

from whereas.config import DEFAULT_USER_AGENT
from whereas.sources import FetchSettings, PoliteClient
from whereas.sources.failures import (
    FetchFailed,
    SourceNotFound,
    SourceUnavailable,
    TruncatedBody,
)
from whereas.sources.http import ManualClock, retry_after_seconds

URL = "https://www.europarl.europa.eu/doceo/document/PV-10-2025-05-08-VOT_EN.xml"
XML = b"<?xml version='1.0'?><file language='EN'><sitting/></file>"


def test_descriptive_user_agent(client: PoliteClient, ep: respx.MockRouter) -> None:
    route = ep.get(URL).mock(return_value=httpx.Response(200, content=XML))
    client.get(URL)
    agent = route.calls.last.request.headers["User-Agent"]
    assert agent == DEFAULT_USER_AGENT and agent.startswith("whereas-prd-")


def test_404_is_not_retried(client: PoliteClient, ep: respx.MockRouter) -> None:
    route = ep.get(URL).mock(return_value=httpx.Response(404))
    with pytest.raises(SourceNotFound):
        client.get(URL)
    assert route.call_count == 1


def test_503_then_200(client: PoliteClient, ep: respx.MockRouter, fake_clock: ManualClock) -> None:
    ep.get(URL).mock(side_effect=[httpx.Response(503), httpx.Response(200, content=XML)])
    assert client.get(URL).response.body == XML
    assert fake_clock.sleeps == [2.0]  # one exponential backoff step, slept on the fake clock


def test_429_retry_after_seconds(
    client: PoliteClient, ep: respx.MockRouter, fake_clock: ManualClock
) -> None:
    ep.get(URL).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "30"}), httpx.Response(200, content=XML),
    ])
    assert client.get(URL).origin == "network"
    assert fake_clock.sleeps == [30.0]


def test_429_retry_after_http_date(
    client: PoliteClient, ep: respx.MockRouter, fake_clock: ManualClock
) -> None:
    # NOW in conftest is Fri, 09 May 2025 12:00:00 GMT: the server asks for 45 s.
    ep.get(URL).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "Fri, 09 May 2025 12:00:45 GMT"}),
        httpx.Response(200, content=XML),
    ])
    client.get(URL)
    assert fake_clock.sleeps == [45.0]


def test_retry_after_parsing(fake_clock: ManualClock) -> None:
    now = fake_clock.as_clock().now()
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Fri, 09 May 2025 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_always_down_gives_up(
    client: PoliteClient, ep: respx.MockRouter, fake_clock: ManualClock
) -> None:
    route = ep.get(URL).mock(return_value=httpx.Response(502))
    with pytest.raises(SourceUnavailable, match="after 4 attempts"):
        client.get(URL)
    assert route.call_count == 4
    assert fake_clock.sleeps == [2.0, 4.0, 8.0]


def test_timeouts_are_retried(client: PoliteClient, ep: respx.MockRouter) -> None:
    answers: list[httpx.Response | Exception] = [
        httpx.ReadTimeout("slow"), httpx.Response(200, content=XML),
    ]
    route = ep.get(URL).mock(side_effect=answers)
    assert client.get(URL).response.body == XML
    assert route.call_count == 2


def test_timeouts_every_time(client: PoliteClient, ep: respx.MockRouter) -> None:
    ep.get(URL).mock(side_effect=httpx.ConnectTimeout("down"))
    with pytest.raises(SourceUnavailable, match="timed out 4 times"):
        client.get(URL)


def test_truncated_body_by_length(client: PoliteClient, ep: respx.MockRouter) -> None:
    short = httpx.Response(200, content=XML[:20], headers={"Content-Length": str(len(XML))})
    route = ep.get(URL).mock(side_effect=[short, httpx.Response(200, content=XML)])
    assert client.get(URL).response.body == XML
    assert route.call_count == 2


def test_truncated_body_stays_truncated(client: PoliteClient, ep: respx.MockRouter) -> None:
    from whereas.sources.sniff import check_body

    ep.get(URL).mock(return_value=httpx.Response(200, content=XML[:30]))
    with pytest.raises(TruncatedBody):
        client.get(URL, check=lambda b: check_body(b, "xml", "en"))
    assert client.cache.get(URL) is None  # a bad answer is never cached: a rerun asks again


def test_other_client_errors_fail_at_once(client: PoliteClient, ep: respx.MockRouter) -> None:
    route = ep.get(URL).mock(return_value=httpx.Response(403))
    with pytest.raises(FetchFailed, match="HTTP 403"):
        client.get(URL)
    assert route.call_count == 1


def test_rate_limit_per_host(
    tmp_path: Path, ep: respx.MockRouter, fake_clock: ManualClock
) -> None:
    settings = FetchSettings(cache_dir=tmp_path / "c", requests_per_second=0.5)
    ep.route().mock(return_value=httpx.Response(200, content=XML))
    with PoliteClient(settings, clock=fake_clock.as_clock()) as client:
        client.get(URL)
        client.get(URL + "?2")
        client.get("https://data.europarl.europa.eu/api/v2/meetings/x")  # another host: no wait
        client.get(URL + "?3")
    assert fake_clock.sleeps == [2.0, 2.0]


def test_cache_answers_without_network(client: PoliteClient, ep: respx.MockRouter) -> None:
    route = ep.get(URL).mock(return_value=httpx.Response(200, content=XML))
    assert client.get(URL).origin == "network"
    assert client.get(URL).origin == "cache"
    assert route.call_count == 1


def test_revalidation_sends_validators(client: PoliteClient, ep: respx.MockRouter) -> None:
    headers = {"ETag": '"v1"', "Last-Modified": "Thu, 08 May 2025 18:44:12 GMT"}
    route = ep.get(URL).mock(side_effect=[
        httpx.Response(200, content=XML, headers=headers), httpx.Response(304),
        httpx.Response(200, content=XML + b" ", headers={"ETag": '"v2"'}),
    ])
    client.get(URL)
    again = client.get(URL, revalidate=True)
    assert again.origin == "not_modified" and again.response.body == XML
    sent = route.calls[1].request.headers
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Thu, 08 May 2025 18:44:12 GMT"
    changed = client.get(URL, revalidate=True)
    assert changed.origin == "network" and changed.response.etag == '"v2"'
    cached = client.cache.get(URL)
    assert cached is not None and cached.etag == '"v2"'
