"""One fetch run: items fetched politely, checked, ingested, and reported one by one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from whereas.config import Limits
from whereas.ingest import ingest_bytes
from whereas.sources.failures import FetchFailed
from whereas.sources.http import Fetched, PoliteClient
from whereas.sources.sniff import check_body
from whereas.store import Store

log = logging.getLogger(__name__)
Status = Literal["added", "unchanged", "planned", "read", "failed", "rejected"]
FAILED: frozenset[str] = frozenset({"failed", "rejected"})


@dataclass(frozen=True)
class FetchItem:
    """One URL to fetch, what it is, and what its bytes must look like."""

    url: str
    what: str
    expect: str = "any"  # json, xml, html, pdf, docx, or any
    language: str | None = None
    ingest: bool = True  # search answers and feeds only plan; they are not documents
    planning: bool = False  # its answer says what else to fetch (fetched even on --dry-run)


@dataclass(frozen=True)
class FetchOutcome:
    """What happened to one item."""

    item: FetchItem
    status: Status
    reason: str | None = None
    origin: str | None = None
    document_id: str | None = None
    kind: str | None = None
    reference: str | None = None
    version: int | None = None

    @property
    def failed(self) -> bool:
        """Whether this item counts as a failure of the run."""
        return self.status in FAILED


@dataclass
class FetchOptions:
    """What a run fetches and how."""

    language: str = "en"
    formats: tuple[str, ...] = ("html",)
    dry_run: bool = False
    revalidate: bool = False


@dataclass
class FetchRun:
    """A client, a store and options; `get` fetches an item once per run and records its outcome."""

    client: PoliteClient
    store: Store | None
    options: FetchOptions = field(default_factory=FetchOptions)
    limits: Limits | None = None
    on_outcome: Callable[[FetchOutcome], None] | None = None
    outcomes: list[FetchOutcome] = field(default_factory=list)
    _seen: dict[str, bytes | None] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """Whether any item failed."""
        return any(o.failed for o in self.outcomes)

    def get(self, item: FetchItem) -> bytes | None:
        """The item's bytes when they could be used (None on failure or on a dry run)."""
        if item.url in self._seen:
            return self._seen[item.url]
        if self.options.dry_run and not item.planning:
            body: bytes | None = None
            self._record(FetchOutcome(item, "planned"))
        else:
            body = self._fetch(item)
        self._seen[item.url] = body
        return body

    def _fetch(self, item: FetchItem) -> bytes | None:
        try:
            fetched = self.client.get(
                item.url, revalidate=self.options.revalidate,
                check=lambda body: check_body(body, item.expect, item.language),
            )
        except FetchFailed as exc:
            self._record(FetchOutcome(item, "failed", reason=str(exc)))
            return None
        except Exception as exc:  # a client bug must not stop the run: report it on the item
            log.exception("fetching %s failed", item.url)
            self._record(FetchOutcome(item, "failed", reason=f"{type(exc).__name__}: {exc}"))
            return None
        self._store(item, fetched)
        return fetched.response.body

    def _store(self, item: FetchItem, fetched: Fetched) -> None:
        origin = fetched.origin
        if not item.ingest or self.store is None or self.options.dry_run:
            self._record(FetchOutcome(item, "read", origin=origin))
            return
        result = ingest_bytes(
            self.store, fetched.response.body, name=item.url, source_url=item.url,
            limits=self.limits,
        )
        status: Status = "rejected" if result.status == "rejected" else result.status
        self._record(FetchOutcome(
            item, status, reason=result.reason, origin=origin, document_id=result.document_id,
            kind=result.kind, reference=result.reference, version=result.version,
        ))

    def _record(self, outcome: FetchOutcome) -> None:
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
