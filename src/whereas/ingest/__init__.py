"""Ingest: files -> read -> recognize -> parse -> store, one transaction per document.

A file that cannot be used at all is rejected with a reason; a failure in one file never stops
the run and never leaves half a document in the store. Reading, recognizing and parsing run in
worker processes (`whereas.ingest.pool`) under a time and a memory limit per document
(`config.Limits`); this process keeps the store and writes each document in input order while
the workers read the next ones.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from whereas.config import Limits
from whereas.errors import RejectedDocument
from whereas.ingest.pool import DocumentPool
from whereas.ingest.stages import Outcome, ParsedFile, Rejection, read_and_parse
from whereas.read.path import read_file_bytes
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, save_document, sha256_of

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
    # The writer made the rows again: the worker's were not of this document's parse (a bug
    # to report; the stored rows are right either way).
    reprepared: bool = False


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the files below folders named (recursively, in a stable order).

    Paths that do not exist, or that are not regular files, are yielded as they are so that
    ingest can reject them with a reason.
    """
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            yield from _files_below(path)
        else:
            yield path


def _files_below(folder: Path) -> Iterator[Path]:
    """The files below `folder` in `sorted(folder.rglob("*"))`'s order, one folder listed at a time.

    Paths sort by their parts, so "b/x" comes before "b-c" although "-" < "/": a folder's
    entries in name order, each subfolder walked where its name falls, give that order while
    holding one listing per level instead of the whole tree (issue 10). As rglob does, symlinks
    to folders are not followed (they are yielded, and rejected), folders it may not list are
    skipped, a folder gone since its parent was listed is yielded (and rejected), hidden folders
    are walked; hidden files are skipped.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry.name, _is_folder(entry)) for entry in listing)
    except PermissionError:
        return
    except OSError:  # gone or replaced since its parent was listed: ingest says so
        yield folder
        return
    for name, is_folder in entries:
        if is_folder:
            yield from _files_below(folder / name)
        elif not name.startswith("."):
            yield folder / name


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # gone since listed: yielded, and ingest says why it cannot be read
        return False


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
    pool: DocumentPool | None = None,
) -> IngestResult:
    """Ingest bytes from a file or a fetched page; `name` is shown in reports.

    Bytes already stored are recognised by their hash before anything is parsed, so re-running
    an ingest over unchanged files costs a hash per file. The document is read and parsed under
    the limits by a worker of `pool`, else by one forked for it from this process, warmed once
    (a fork costs a few tens of ms, see docs/benchmarks.md), else in this process when
    `limits.workers` is 0.
    """
    limits = limits or (pool.limits if pool is not None else Limits())
    known = _already_known(store, raw, name)
    if known is not None:
        return known
    if pool is not None:
        outcome = pool.parse(raw, name)
    elif limits.workers == 0:
        outcome = _parse_here(raw, name, limits)
    else:
        with DocumentPool(limits, workers=1) as one:
            outcome = one.parse(raw, name)
    return _store_outcome(store, name, raw, outcome, source_url)


def _parse_here(raw: bytes, name: str, limits: Limits) -> Outcome:
    """In this process (`workers=0`, for debugging): no time or memory limit of its own."""
    try:
        return read_and_parse(raw, name, limits)
    except MemoryError:
        return Rejection("ran out of memory to read and parse: stopped")


def _already_known(store: Store, raw: bytes, name: str) -> IngestResult | None:
    """The result for bytes stored already, or purged from the store; None for new bytes."""
    doc_id = sha256_of(raw)
    documents, purged = schema.Document.__table__.c, schema.PurgedDocument.__table__.c
    # Core on a connection, no session: this runs for every file named (issue 10).
    with store.engine.connect() as connection:
        if connection.scalar(select(documents.id).where(documents.id == doc_id)) is not None:
            return IngestResult(name, "unchanged", document_id=doc_id)
        purged_at = connection.scalar(select(purged.purged_at).where(purged.document_id == doc_id))
    if purged_at is not None:  # a takedown stands: the same bytes never come back by re-ingest
        day = purged_at.date().isoformat()
        return IngestResult(
            name, "rejected", reason=f"purged from this store on {day}: not stored again"
        )
    return None


def _store_outcome(
    store: Store, shown: str, raw: bytes, outcome: Outcome, source_url: str | None
) -> IngestResult:
    if not isinstance(outcome, ParsedFile):
        return IngestResult(shown, "rejected", reason=outcome.reason)
    incoming = IncomingDocument(
        raw=raw,
        read=outcome.read,
        recognition=outcome.recognition,
        parsed=outcome.parsed,
        read_at=datetime.now(UTC),
        source_path=shown,
        source_url=source_url,
        prepared=outcome.prepared,
    )
    try:
        with store.session() as session:
            saved = save_document(session, incoming)
    except Exception as exc:  # the transaction is rolled back: nothing of the file is kept
        log.exception("storing %s failed", shown)
        return IngestResult(
            shown, "rejected", reason=f"could not store: {type(exc).__name__}: {exc}"
        )
    if saved.outcome == "unchanged":  # the same bytes earlier in this run, or from elsewhere
        return IngestResult(shown, "unchanged", document_id=saved.document_id)
    if saved.reprepared:
        log.warning(
            "%s: the worker's rows were not of this parse; the writer made them again", shown
        )
    recognition, parsed = outcome.recognition, outcome.parsed
    warnings = list(
        dict.fromkeys([*outcome.read.warnings, *recognition.warnings, *parsed.warnings])
    )
    return IngestResult(
        shown,
        saved.outcome,
        document_id=saved.document_id,
        kind=recognition.kind,
        reference=recognition.reference,
        version=saved.version,
        warnings=warnings,
        reprepared=saved.reprepared,
    )


def link_store(store: Store, on_step: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Link people, reports, claims, lineage and repeats across the store (safe to re-run);
    `on_step` is told each step's name as it ends (the benchmarks time them)."""
    from whereas.link.run import link_all  # each linker streams: memory flat in the store's size

    return link_all(store, on_step)


def ingest_stream(
    store: Store,
    paths: Iterable[Path],
    *,
    limits: Limits | None = None,
    pool: DocumentPool | None = None,
) -> Iterator[IngestResult]:
    """Ingest every file named or found below the folders named, stored in that order, each
    result yielded once its file is stored; nothing of a file is held after its result.

    The workers (`limits.workers`, or `pool`'s) read and parse the next files while this
    process stores the current one; with `limits.workers` 0 and no pool, one by one here.
    """
    limits = limits or (pool.limits if pool is not None else Limits())
    with ExitStack() as stack:
        if pool is None and limits.workers > 0:
            pool = stack.enter_context(DocumentPool(limits))
        if pool is None:
            for path in expand_paths(paths):
                yield ingest_file(store, path, limits=limits)
        else:
            yield from _pipeline(store, expand_paths(paths), pool, limits)
    store.fold_counts()  # the run's row count deltas (PostgreSQL), in a transaction of their own


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    limits: Limits | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    pool: DocumentPool | None = None,
) -> list[IngestResult]:
    """`ingest_stream`'s results as a list, for small runs (a large one streams instead)."""
    results: list[IngestResult] = []
    for result in ingest_stream(store, paths, limits=limits, pool=pool):
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


@dataclass
class _Pending:
    """A file on its way: a result already (rejected, unchanged), or a ticket in the pool."""

    name: str
    raw: bytes = b""
    ticket: int | None = None
    result: IngestResult | None = None


def _pipeline(
    store: Store, paths: Iterable[Path], pool: DocumentPool, limits: Limits
) -> Iterator[IngestResult]:
    # A few files ahead of the one being stored keep every worker busy; the files' bytes are
    # held until stored, so the look-ahead is small.
    ahead = 2 * pool.size
    pending: deque[_Pending] = deque()
    try:
        for path in paths:
            pending.append(_submit(store, path, pool, limits))
            while pending and (len(pending) > ahead or pending[0].result is not None):
                yield _collect_first(store, pending, pool)
        while pending:
            yield _collect_first(store, pending, pool)
    finally:  # stopped early (the caller closed us): a pool it owns keeps none of our jobs
        pool.drop([p.ticket for p in pending if p.ticket is not None])


def _submit(store: Store, path: Path, pool: DocumentPool, limits: Limits) -> _Pending:
    name = str(path)
    try:
        raw = read_file_bytes(path, limits)
    except RejectedDocument as exc:
        return _Pending(name, result=IngestResult(name, "rejected", reason=str(exc)))
    known = _already_known(store, raw, name)
    if known is not None:
        return _Pending(name, result=known)
    return _Pending(name, raw, ticket=pool.submit(raw, name))


def _collect_first(store: Store, pending: deque[_Pending], pool: DocumentPool) -> IngestResult:
    # The file leaves `pending` once collected: interrupted while waiting for its outcome (a
    # Ctrl-C), its ticket is still there for _pipeline to drop.
    result = _collect(store, pending[0], pool)
    pending.popleft()
    return result


def _collect(store: Store, pending: _Pending, pool: DocumentPool) -> IngestResult:
    if pending.result is not None:
        return pending.result
    assert pending.ticket is not None
    outcome = pool.outcome(pending.ticket)
    pool.poll()  # the workers take the next files while this one is stored
    return _store_outcome(store, pending.name, pending.raw, outcome, None)
