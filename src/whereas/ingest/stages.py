"""Reading, recognizing and parsing one document: what a worker process does for ingest.

Everything here runs before the store transaction, in a worker process under the time and
memory limits (or in the calling process when `Limits.workers` is 0). Its outcome crosses a
pipe, so it is made of plain picklable records: the lxml tree and the blocks of the read
document stay behind, the store needs only its format, text and warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from whereas.config import Limits
from whereas.errors import RejectedDocument
from whereas.parse import parse_document
from whereas.parse.records import ParsedDocument
from whereas.read import read_bytes
from whereas.read.document import ReadDocument
from whereas.recognize import recognize
from whereas.recognize.recognition import Recognition
from whereas.store.prepare import PreparedDocument, prepare_document
from whereas.store.writer import sha256_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedFile:
    """What reading, recognizing and parsing made of one document, as the store needs it."""

    read: ReadDocument
    recognition: Recognition
    parsed: ParsedDocument
    prepared: PreparedDocument | None = None  # its rows, for the name it was read under


@dataclass(frozen=True)
class Rejection:
    """A document that cannot be used, and why (one line, shown to the user)."""

    reason: str


Outcome = ParsedFile | Rejection
Stage = Callable[[bytes, str, Limits], Outcome]


def read_and_parse(raw: bytes, name: str, limits: Limits) -> Outcome:
    """Read, recognize and parse `raw`; a reader or recognizer failure is a rejection.

    MemoryError is raised, never reported as a reader failure: the worker that meets it says
    that the document passed the memory limit, and is replaced.
    """
    try:
        read = read_bytes(raw, name=name, limits=limits)
    except RejectedDocument as exc:
        _raise_if_out_of_memory(exc)
        return Rejection(str(exc))
    except Exception as exc:  # a reader bug must not stop the run: report it as a rejection
        _raise_if_out_of_memory(exc)
        log.exception("reading %s failed", name)
        return Rejection(f"unreadable: {type(exc).__name__}: {exc}")
    try:
        recognition = recognize(read, name=name)
    except Exception as exc:
        _raise_if_out_of_memory(exc)
        log.exception("recognizing %s failed", name)
        return Rejection(_one_line(f"could not recognize it: {type(exc).__name__}: {exc}"))
    parsed = parse_document(read, recognition)
    slim = ReadDocument(
        format=read.format, text=read.text, warnings=read.warnings, encoding=read.encoding
    )
    return ParsedFile(slim, recognition, parsed, _prepare(raw, name, slim, recognition, parsed))


def _prepare(
    raw: bytes, name: str, read: ReadDocument, recognition: Recognition, parsed: ParsedDocument
) -> PreparedDocument | None:
    # The rows and index entries are made here, beside the parse, so that the process keeping
    # the store only inserts them. Should making them fail, the writer makes them again and
    # the store step logs the failure, with its traceback, and rejects the document: logged
    # here as well, each failure was reported twice. A MemoryError too is left to the writer,
    # since the worker's memory limit is meant for reading and parsing, which succeeded.
    try:
        return prepare_document(sha256_of(raw), read, recognition, parsed, name)
    except Exception:
        return None


def _raise_if_out_of_memory(exc: BaseException) -> None:
    # Readers turn library errors into rejections `from` the original; a MemoryError anywhere
    # in that chain means the limit was met, not that the bytes are unreadable.
    seen: BaseException | None = exc
    for _ in range(20):  # a chain can loop back on itself
        if seen is None:
            return
        if isinstance(seen, MemoryError):
            raise MemoryError from exc
        seen = seen.__cause__ or seen.__context__


def _one_line(text: str) -> str:
    return " ".join(text.split())
