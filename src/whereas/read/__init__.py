"""The read stage: raw bytes of any format -> text with structure (a ReadDocument)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, EmptyDocument, RejectedDocument, UnreadableDocument
from whereas.read.csv import read_csv
from whereas.read.document import Block, BlockKind, Format, ReadDocument
from whereas.read.docx import read_docx
from whereas.read.html import read_html
from whereas.read.json import read_json
from whereas.read.markdown import read_markdown
from whereas.read.path import read_file_bytes
from whereas.read.pdf import read_pdf
from whereas.read.sniff import sniff_format
from whereas.read.text import read_text
from whereas.read.xml import read_xml

__all__ = ["Block", "BlockKind", "Format", "ReadDocument", "read_bytes", "read_path"]

logger = logging.getLogger(__name__)

Reader = Callable[[bytes, Limits], ReadDocument]
READERS: dict[Format, Reader] = {
    "csv": read_csv,
    "docx": read_docx,
    "html": read_html,
    "json": read_json,
    "markdown": read_markdown,
    "pdf": read_pdf,
    "text": read_text,
    "xml": read_xml,
}
UNEXPECTED = "reader failed unexpectedly"


def read_bytes(
    data: bytes, *, name: str | None = None, limits: Limits | None = None
) -> ReadDocument:
    """Read bytes of any supported format (sniffed from the bytes, never from `name`)."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        raise DocumentTooLarge(
            f"{len(data)} bytes, over the limit of {limits.max_file_bytes} bytes"
        )
    try:
        fmt = sniff_format(data)
        document = READERS[fmt](data, limits)
    except RejectedDocument as exc:
        if "\n" not in str(exc):
            raise
        # Library messages can span lines; the reason shown to a user is one line.
        raise type(exc)(" ".join(str(exc).split())) from exc
    # Bad input must never crash a run: a reader bug on strange bytes rejects the file
    # (logged with its traceback so that it gets fixed), it does not stop the caller.
    except Exception as exc:
        logger.exception("reader failed on %s", name or "a document")
        reason = " ".join(f"{UNEXPECTED}: {type(exc).__name__}: {exc}".split())
        raise UnreadableDocument(reason) from exc
    if not document.text.strip():
        raise EmptyDocument(f"{fmt} document with no text")
    for warning in document.warnings:
        logger.info("%s: %s", name or "document", warning)
    return document


def read_path(path: Path, *, limits: Limits | None = None) -> tuple[bytes, ReadDocument]:
    """Read a regular file (never a FIFO or device) and its document; reject with a reason."""
    limits = limits or Limits()
    data = read_file_bytes(path, limits)
    return data, read_bytes(data, name=str(path), limits=limits)
