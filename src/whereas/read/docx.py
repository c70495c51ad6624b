"""Read a Word (DOCX) file: zip checked first, then paragraphs, tables and list numbers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, UnreadableDocument
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument
from whereas.read.numbering import ListCounter, Numbering, load_numbering
from whereas.read.xpath import ElementPaths

_HEADING_STYLE = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
# Small parts (styles, numbering) compress well legitimately; only large ones can be bombs.
_RATIO_CHECK_BYTES = 1024 * 1024
_MAX_ENTRIES = 10_000
_CORE_PROPERTIES = (
    "title", "subject", "author", "keywords", "category", "comments",
    "language", "last_modified_by", "created", "modified",
)  # fmt: skip


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip bomb before anything decompresses it (total size and compression ratio)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableDocument(f"damaged zip archive: {exc}") from exc
    if len(entries) > _MAX_ENTRIES:
        raise DocumentTooLarge(f"zip bomb: {len(entries)} entries in the archive")
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_unzipped_bytes:
        raise DocumentTooLarge(
            f"zip bomb: expands to {total} bytes, over the limit of {limits.max_unzipped_bytes}"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _RATIO_CHECK_BYTES and ratio > limits.max_zip_ratio:
            raise DocumentTooLarge(
                f"zip bomb: {entry.filename} expands {ratio:.0f} times "
                f"(limit {limits.max_zip_ratio})"
            )


def read_docx(data: bytes, limits: Limits) -> ReadDocument:
    """Read paragraphs and table rows in order, with automatic list numbers as labels."""
    check_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    # python-docx raises many kinds of error on a damaged package (KeyError, ValueError,
    # lxml syntax errors, its own PackageNotFoundError): all mean the file is unreadable.
    except Exception as exc:
        raise UnreadableDocument(f"damaged Word file: {type(exc).__name__}: {exc}") from exc
    counter = ListCounter(_numbering(document))
    blocks = list(_blocks(document, counter))
    return assemble("docx", blocks, max_chars=limits.max_text_chars, metadata=_metadata(document))


def _numbering(document: Any) -> Numbering:
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    try:
        styles = document.styles.element
    except (KeyError, NotImplementedError):
        styles = None
    return load_numbering(numbering, styles)


def _blocks(document: Any, counter: ListCounter) -> Iterator[Block]:
    paths = ElementPaths()
    headings: dict[str | None, int] = {}
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item, counter, paths, headings)
            if block is not None:
                yield block
        elif isinstance(item, Table):
            yield from _table_blocks(item, paths)


def _paragraph_block(
    paragraph: Paragraph, counter: ListCounter, paths: ElementPaths, headings: dict[str | None, int]
) -> Block | None:
    element = paragraph._p
    listed = counter.list_of(element)
    # A numbered paragraph counts even when empty: Word still draws (and counts) its number.
    label = counter.next_label(*listed) if listed else None
    text = squash(paragraph.text)
    if not text:
        return None
    path = paths.of(element)
    if listed:
        return Block(text=text, kind="list_item", level=listed[1], label=label, path=path)
    heading = _heading_level(paragraph, headings)
    if heading:
        return Block(text=text, kind="heading", level=heading, path=path)
    return Block(text=text, kind="paragraph", path=path)


def _heading_level(paragraph: Paragraph, levels: dict[str | None, int]) -> int:
    """The heading level of the paragraph's style, looked up once per style id in `levels`."""
    # python-docx finds a style by scanning every style of the document: once per paragraph,
    # a file with many styles and many paragraphs took their product.
    try:
        style_id = paragraph._p.style
    except (KeyError, ValueError):
        return 0
    if style_id not in levels:
        levels[style_id] = _style_heading_level(paragraph)
    return levels[style_id]


def _style_heading_level(paragraph: Paragraph) -> int:
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return 0
    match = _HEADING_STYLE.fullmatch(name or "")
    if match:
        return int(match.group(1))
    return 1 if (name or "").lower() == "title" else 0


def _table_blocks(table: Table, paths: ElementPaths) -> Iterator[Block]:
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            # Merged cells come back once per grid column: keep each cell once (lxml hands
            # out the same proxy for a node while a reference to it is held in `seen`).
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(squash(cell.text))
        text = " | ".join(c for c in cells if c)
        if text:
            element = row._tr
            yield Block(text=text, kind="table_row", path=paths.of(element))


def _metadata(document: Any) -> dict[str, str]:
    properties = document.core_properties
    metadata: dict[str, str] = {}
    for name in _CORE_PROPERTIES:
        value = getattr(properties, name, None)
        if value is None:
            continue
        text = value.isoformat() if hasattr(value, "isoformat") else squash(str(value))
        if text:
            metadata[name] = text
    return metadata
