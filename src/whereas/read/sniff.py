"""Tell a document's format from its bytes (never from its name)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

from whereas.errors import EmptyDocument, UnreadableDocument, UnsupportedFormat
from whereas.read.document import Format
from whereas.read.encoding import decode_head

HEAD_BYTES = 65536
# C0 controls other than tab, newline, vertical tab, form feed, carriage return; and DEL.
_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_CONTROL_CHARS = frozenset(chr(c) for c in _CONTROLS) | {"\ufffd"}
_NOISE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_MAX_NOISE = 0.03
_OTHER_BINARIES = (
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "legacy Office (OLE) file"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
)
_SKIPPABLE_MARKUP = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->|\s)*", re.DOTALL)
_FIRST_TAG = re.compile(r"<(!doctype\s+([A-Za-z]+)|[A-Za-z_][\w.:-]*)", re.IGNORECASE)
_HTML_ROOTS = frozenset({"html", "head", "body", "div", "p", "span", "table", "ul", "ol", "a"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_JSON_ARRAY_START = re.compile(r"\[\s*(?:[\[{\"\]]|-?\d+\s*[,\]]|true\b|false\b|null\b)")
CSV_DELIMITERS = (",", ";", "\t", "|")


def sniff_format(data: bytes) -> Format:
    """The format of `data`; raise EmptyDocument, UnsupportedFormat or UnreadableDocument."""
    head = data[:HEAD_BYTES]
    container = _binary_container(data, head)
    if container:
        return container
    text = decode_head(data, HEAD_BYTES)
    if not text.strip() and (len(data) <= HEAD_BYTES or not decode_head(data, len(data)).strip()):
        raise EmptyDocument("empty document (only whitespace)")
    _reject_noise(text)
    return sniff_text(text, complete=len(data) <= HEAD_BYTES)


def _binary_container(data: bytes, head: bytes) -> Format | None:
    if not data:
        raise EmptyDocument("empty document (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    for magic, what in _OTHER_BINARIES:
        if head.startswith(magic):
            raise UnsupportedFormat(f"unsupported format: {what}")
    return None


def _zip_format(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableDocument(f"damaged zip archive: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat("unsupported format: a zip archive that is not a Word (DOCX) file")


def _reject_noise(text: str) -> None:
    sample = text[:HEAD_BYTES]
    if _NOISE.search(sample) is None:
        return  # one scan of clean text, not one count per control character
    noise = sum(sample.count(char) for char in _CONTROL_CHARS)
    if noise > _MAX_NOISE * len(sample):
        share = round(100 * noise / len(sample))
        raise UnsupportedFormat(f"binary data, not text ({share}% control or undecodable bytes)")


def sniff_text(text: str, *, complete: bool = True) -> Format:
    """The format of decoded text: HTML, XML, JSON, Markdown, CSV or plain text.

    `complete` is False when `text` is only the head of a longer document.
    """
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("<"):
        markup = _markup_format(body)
        if markup:
            return markup
    if body.startswith("{") or (body.startswith("[") and _json_array(body, complete=complete)):
        return "json"
    if _FRONT_MATTER.match(body):
        return "markdown"
    if csv_delimiter(body):
        return "csv"
    return "text"


def _markup_format(body: str) -> Format | None:
    start = _SKIPPABLE_MARKUP.match(body)
    rest = body[start.end() if start else 0 :]
    tag = _FIRST_TAG.match(rest)
    if tag is None:
        return "xml" if body.startswith("<?xml") else None
    if tag.group(2) is not None:
        return "html" if tag.group(2).lower() == "html" else "xml"
    return "html" if tag.group(1).lower() in _HTML_ROOTS else "xml"


def _json_array(body: str, *, complete: bool) -> bool:
    """Whether text opening with "[" is JSON (and not, say, a Markdown link)."""
    if not complete:
        # Only the head is at hand: judge by what follows the bracket.
        return _JSON_ARRAY_START.match(body) is not None
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True


def csv_delimiter(text: str, max_lines: int = 50) -> str | None:
    """The delimiter that splits the first lines into a constant number (>= 2) of columns."""
    lines = text[:HEAD_BYTES].splitlines()
    cut = len(text) > HEAD_BYTES
    sample = "\n".join(lines[: max_lines + 1] if not cut else lines[:max_lines])
    best: tuple[int, str] | None = None
    for delimiter in CSV_DELIMITERS:
        widths = _row_widths(sample, delimiter)
        # The last row may be cut short by the sample's end.
        if len(widths) > 2 and (len(lines) > max_lines or cut):
            widths = widths[:-1]
        if len(widths) < 2 or widths[0] < 2:
            continue
        if _consistent(widths) and (best is None or widths[0] > best[0]):
            best = (widths[0], delimiter)
    return best[1] if best else None


def _consistent(widths: list[int]) -> bool:
    """All rows as wide as the header; with four rows or more, one in ten may be malformed."""
    odd = sum(1 for width in widths if width != widths[0])
    return odd == 0 or (len(widths) >= 4 and odd <= max(1, len(widths) // 10))


def _row_widths(sample: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    widths: list[int] = []
    try:
        widths.extend(len(row) for row in reader if row)
    except csv.Error:
        return []
    return widths
