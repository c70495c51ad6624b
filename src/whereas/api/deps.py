"""Request dependencies: a store session per request, list paging, answers with provenance."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from whereas.store import Store
from whereas.views.common import EP_NOTICE, EP_TERMS_URL, REFERENCE_LISTS_NOTICE

MAX_PAGE = 500


def get_session(request: Request) -> Iterator[Session]:
    """A session on the application's store, committed before the answer is sent."""
    store: Store = request.app.state.store
    with store.session() as session:
        yield session


# scope="function": the session is committed when the handler returns, before the answer goes
# out. By default FastAPI runs the code after `yield` once the answer is sent, and a browser that
# follows a POST's redirect at once could read the store before the POST's commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def provenance(sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Where an answer's data comes from and the terms of its reuse."""
    return {
        "notice": EP_NOTICE,
        "terms": EP_TERMS_URL,
        "reference_lists": REFERENCE_LISTS_NOTICE,
        "sources": sources or [],
    }


def answer(data: Any, sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """An API answer: the data and its provenance."""
    return {"data": data, "provenance": provenance(sources)}
