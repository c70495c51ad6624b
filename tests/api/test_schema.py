"""Schema-driven: schemathesis calls every operation of the OpenAPI document; no 5xx."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from whereas.api import create_app
from whereas.config import WebSettings
from whereas.store import Store

EXAMPLES = 15  # per operation: the whole run stays well under a minute


def test_no_operation_answers_a_server_error(site_store: Store) -> None:
    app = create_app(store=site_store, settings=WebSettings(api_token="t", rate_limit=0))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()
