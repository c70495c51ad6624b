"""Ingest: files -> read -> recognize -> parse -> store, one transaction per document.

A file that cannot be used at all is rejected with a reason; a failure in one file never stops
the run and never leaves half a document in the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from whereas.config import Limits
from whereas.errors import RejectedDocument
from whereas.parse import parse_document
from whereas.read import read_bytes
from whereas.read.document import ReadDocument
from whereas.read.path import read_file_bytes
from whereas.recognize import recognize
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, document_exists, save_document, sha256_of

log = logging.getLogger(__name__)
Status = Literal["added", "unchanged", "rejected"]


@dataclass(frozen=True)
class IngestResult:
    """What happened to one path."""

    path: str
    status: Status
    reason: str | None = None
    document_id: str | None = None
    kind: str | None = None
    reference: str | None = None
    version: int | None = None
    warnings: list[str] = field(default_factory=list)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the files below folders named (recursively, in a stable order).

    Paths that do not exist, or that are not regular files, are yielded as they are so that
    ingest can reject them with a reason.
    """
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            children = sorted(p for p in path.rglob("*") if not p.is_dir() or p.is_symlink())
            yield from (p for p in children if not p.name.startswith("."))
        else:
            yield path


def ingest_file(
    store: Store, path: Path, *, limits: Limits | None = None, source_url: str | None = None
) -> IngestResult:
    """Ingest one file; never raises for bad input, it is reported in the result."""
    try:
        raw = read_file_bytes(path, limits or Limits())
    except RejectedDocument as exc:
        return IngestResult(str(path), "rejected", reason=str(exc))
    return ingest_bytes(store, raw, name=str(path), source_url=source_url, limits=limits)


def ingest_bytes(
    store: Store,
    raw: bytes,
    *,
    name: str,
    source_url: str | None = None,
    limits: Limits | None = None,
) -> IngestResult:
    """Ingest bytes from a file or a fetched page; `name` is shown in reports.

    Bytes already stored are recognised by their hash before anything is parsed, so re-running
    an ingest over unchanged files costs a hash per file.
    """
    doc_id = sha256_of(raw)
    with store.session() as session:
        if document_exists(session, doc_id):
            return IngestResult(name, "unchanged", document_id=doc_id)
        purged = session.get(schema.PurgedDocument, doc_id)
    if purged is not None:  # a takedown stands: the same bytes never come back by re-ingest
        day = purged.purged_at.date().isoformat()
        return IngestResult(
            name, "rejected", reason=f"purged from this store on {day}: not stored again"
        )
    try:
        read = read_bytes(raw, name=name, limits=limits)
    except RejectedDocument as exc:
        return IngestResult(name, "rejected", reason=str(exc))
    except Exception as exc:  # a reader bug must not stop the run: report it as a rejection
        log.exception("reading %s failed", name)
        return IngestResult(name, "rejected", reason=f"unreadable: {type(exc).__name__}: {exc}")
    return _store_read(store, name, raw, read, source_url)


def _store_read(
    store: Store, shown: str, raw: bytes, read: ReadDocument, source_url: str | None
) -> IngestResult:
    recognition = recognize(read, name=shown)
    parsed = parse_document(read, recognition)
    incoming = IncomingDocument(
        raw=raw,
        read=read,
        recognition=recognition,
        parsed=parsed,
        read_at=datetime.now(UTC),
        source_path=shown,
        source_url=source_url,
    )
    try:
        with store.session() as session:
            saved = save_document(session, incoming)
    except Exception as exc:  # the transaction is rolled back: nothing of the file is kept
        log.exception("storing %s failed", shown)
        return IngestResult(
            shown, "rejected", reason=f"could not store: {type(exc).__name__}: {exc}"
        )
    warnings = list(dict.fromkeys([*read.warnings, *recognition.warnings, *parsed.warnings]))
    return IngestResult(
        shown,
        saved.outcome,
        document_id=saved.document_id,
        kind=recognition.kind,
        reference=recognition.reference,
        version=saved.version,
        warnings=warnings,
    )


def link_store(store: Store) -> tuple[int, int]:
    """Link people, reports, claims, lineage and repeats across the store (safe to re-run)."""
    from whereas.link.claims import check_claims
    from whereas.link.people import link_people
    from whereas.link.reports import link_reports_to_procedures
    from whereas.link.thread.run import link_thread

    with store.session() as session:
        link_people(session)  # authors and roll-call positions to MEP ids
        reports = link_reports_to_procedures(session)
        claims = check_claims(session)
        link_thread(session)  # lineage and repeated demands (replaced on every run)
    return len(reports), len(claims)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    limits: Limits | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest every file named or found below the folders named, one by one."""
    results = []
    for path in expand_paths(paths):
        result = ingest_file(store, path, limits=limits)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results
