"""Fuzz targets: one per reader and one per parser; each takes bytes and fails only on a bug.

A target returns normally for a clean outcome (a result, or a rejection with a reason) and raises
`FuzzFailure` for anything else: a reader or parser exception, a rejection whose reason is a
traceback, a block that does not match the text, or a call slower than the time budget.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from importlib import import_module
from typing import TypeVar, cast

from whereas.config import Limits
from whereas.errors import RejectedDocument
from whereas.parse import PARSERS, parse_document
from whereas.read import READERS, UNEXPECTED, ReadDocument, read_bytes
from whereas.read.document import Format
from whereas.recognize import recognize
from whereas.recognize.recognition import DocumentKind

Target = Callable[[bytes], None]
T = TypeVar("T")
# Generous for a loaded 2-core CI machine; a hang is minutes, not seconds.
TIME_BUDGET_S = 20.0
LIMITS = Limits()


class FuzzFailure(AssertionError):
    """A fuzz target met an outcome other than a result or a clean rejection."""


def _timed(what: str, call: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - started
    if elapsed > TIME_BUDGET_S:
        raise FuzzFailure(f"{what} took {elapsed:.1f} s, over the {TIME_BUDGET_S} s budget")
    return result


def _check_document(document: ReadDocument) -> None:
    if not document.text.strip():
        raise FuzzFailure("a document with no text was returned, not rejected")
    for block in document.blocks:
        if document.text[block.start : block.end] != block.text:
            raise FuzzFailure(f"block {block.start}:{block.end} does not match the text")


def _reject_is_clean(exc: RejectedDocument, *, one_line: bool = True) -> None:
    reason = str(exc)
    if UNEXPECTED in reason or (one_line and "\n" in reason) or not reason.strip():
        raise FuzzFailure(f"unclean rejection: {reason!r}") from exc


def read_target(data: bytes) -> ReadDocument | None:
    """read_bytes: a document or a clean rejection (the reader chosen by sniffing)."""
    try:
        document = _timed("read_bytes", lambda: read_bytes(data, limits=LIMITS))
    except RejectedDocument as exc:
        _reject_is_clean(exc)
        return None
    assert isinstance(document, ReadDocument)
    _check_document(document)
    return document


def _read_only(data: bytes) -> None:
    read_target(data)


def reader_target(fmt: Format) -> Target:
    """One reader called directly, whatever the sniffer would say of the bytes."""

    def target(data: bytes) -> None:
        try:
            document = _timed(f"read_{fmt}", lambda: READERS[fmt](data, LIMITS))
        except RejectedDocument as exc:
            _reject_is_clean(exc, one_line=False)  # read_bytes joins the lines of a reason
            return
        except Exception as exc:
            raise FuzzFailure(f"read_{fmt} raised {type(exc).__name__}: {exc}") from exc
        assert isinstance(document, ReadDocument)
        if document.text.strip():
            _check_document(document)

    return target


def pipeline_target(data: bytes) -> None:
    """read -> recognize -> parse as ingest runs them; no stage may raise, no parser may fail."""
    document = read_target(data)
    if document is None:
        return
    recognition = _timed("recognize", lambda: recognize(document, name="fuzz"))
    parsed = _timed("parse", lambda: parse_document(document, recognition))
    failed = [w for w in getattr(parsed, "warnings", []) if "failed" in w and "parser" in w]
    if failed:
        raise FuzzFailure(failed[0])


def parser_target(kind: str) -> Target:
    """One parser called directly on whatever the bytes read as, as if they were of `kind`."""
    module, function = PARSERS[kind].split(":")

    def target(data: bytes) -> None:
        document = read_target(data)
        if document is None:
            return
        recognition = dataclasses.replace(
            recognize(document, name="fuzz"), kind=cast(DocumentKind, kind)
        )
        parser = getattr(import_module(module), function)
        try:
            _timed(f"parse {kind}", lambda: parser(document, recognition))
        except FuzzFailure:
            raise
        except Exception as exc:
            raise FuzzFailure(f"parser of {kind} raised {type(exc).__name__}: {exc}") from exc

    return target


def all_targets() -> dict[str, Target]:
    """Every target by name: read, pipeline, read:<format>, parse:<kind>."""
    targets: dict[str, Target] = {"read": _read_only, "pipeline": pipeline_target}
    targets.update({f"read:{fmt}": reader_target(fmt) for fmt in READERS})
    targets.update({f"parse:{kind}": parser_target(kind) for kind in PARSERS})
    return targets
