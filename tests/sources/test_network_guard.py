"""The suite never touches the network: a test that tries fails."""

from __future__ import annotations

import httpx
import pytest

from whereas.sources import FetchItem, FetchRun


def test_a_real_host_is_blocked() -> None:
    with pytest.raises(RuntimeError, match="network access blocked in tests"):
        httpx.get("http://192.0.2.1/", timeout=1)


def test_a_fetch_that_escapes_the_mock_is_reported_not_performed(run: FetchRun) -> None:
    run.get(FetchItem("http://192.0.2.1/doc.html", "a real host"))
    [outcome] = run.outcomes
    assert outcome.status == "failed"
    assert outcome.reason is not None and "network access blocked" in outcome.reason
