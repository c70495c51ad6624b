"""Blocks to lines: one visible line each, with its offsets, its container label and clean text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from whereas.read.document import Block

# EP pages write hyphens in names and references as non-breaking hyphens; PDF text marks a
# hyphen broken at a line end with U+FFFE; both become an ordinary hyphen.
_HYPHENS = str.maketrans({"\u2011": "-", "\u2010": "-", "\ufffe": "-", "\u00ad": None})
_HYPHEN_CHARACTERS = ("\u2011", "\u2010", "\ufffe", "\u00ad")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u200b]+")
_BULLET = re.compile(r"^(?:[•▪◦●·*]\s+)+")
# EUR-Lex prints the Official Journal's clauses as table rows flattened into text: the dash or
# label in one cell ("— |"), the clause in the next ("having regard to ... |").
_CELL_END = re.compile(r"\s*\|$")
# A line that holds nothing but a clause's dash or label: the clause is on the next line (OJ
# tables, PDF columns, "A. whereas:" followed by "-" and its indent on separate lines); also
# a footnote's number before its body.
_LONE_LABEL = re.compile(
    r"^(?:[–—‐‒−-]|[A-ZΑ-ΩА-Я]{1,3}\.|\d{1,3}\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[ivx]{1,4}\.)$"
    # a footnote's number in its own table cell, its body in the next: "(1)" | "OJ C 474, ..."
    r"|^(?:\(\d{1,3}\)|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$"
)

# The running header and footer of EP PDFs, repeated on every page and copied between clauses:
# "RR\1287429EN.docx 5/28 PE749.123v02-00", "PE749.123v02-00", "5/28", "EN United in diversity EN".
PAGE_FURNITURE = re.compile(
    r"^(?:(?:[A-Z]{2}\\\d{6,8}[A-Z]{2}\.(?:docx?|rtf)|PE\d{3}\.\d{3}(?:v\d{2}-\d{2})?|\d{1,3}/\d{1,3})"
    r"(?:\s+|$))+$"
    r"|^(?P<code>BG|CS|DA|DE|EL|EN|ES|ET|FI|FR|GA|HR|HU|IT|LT|LV|MT|NL|PL|PT|RO|SK|SL|SV)"
    r"\s+\S[^\n]{3,40}\s+(?P=code)$"
)


@dataclass(frozen=True)
class Line:
    """One non-empty line of a document, cleaned, with where it comes from."""

    text: str
    start: int
    end: int
    label: str | None = None
    path: str | None = None
    bullet: bool = False


def clean_text(text: str) -> str:
    """NFC, ordinary hyphens and single spaces."""
    # ASCII text is its own NFC and holds none of the hyphens; translate() copies a text
    # character by character even when it changes none (a tenth of the parse of a resolution).
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if any(hyphen in text for hyphen in _HYPHEN_CHARACTERS):
            text = text.translate(_HYPHENS)
    return _SPACES.sub(" ", text).strip()


def _split_block(block: Block) -> Iterable[Line]:
    offset = block.start
    first = True
    for raw in block.text.split("\n"):
        text = clean_text(raw)
        bullet = bool(_BULLET.match(text))
        text = _BULLET.sub("", text)
        if text:
            start = offset + len(raw) - len(raw.lstrip())
            label = block.label if first else None
            yield Line(text, start, offset + len(raw.rstrip()), label, block.path, bullet)
            first = False
        offset += len(raw) + 1


def lines_of(blocks: Iterable[Block | str]) -> list[Line]:
    """The non-empty lines of `blocks` (Blocks, or plain strings joined by newlines)."""
    lines: list[Line] = []
    offset = 0
    for item in blocks:
        block = item if isinstance(item, Block) else Block(item, "line", start=offset)
        lines.extend(_split_block(block))
        offset = (block.end or block.start + len(block.text)) + 1
    return _join_lone_labels(lines)


def _join_lone_labels(lines: list[Line]) -> list[Line]:
    """Table cells without their bars, and a lone dash or label joined to the clause after it."""
    joined: list[Line] = []
    pending: Line | None = None
    for line in lines:
        text = _CELL_END.sub("", line.text)
        if not text:
            continue
        if text != line.text:
            line = replace(line, text=text)
        if pending is not None:
            line = replace(line, text=f"{pending.text} {line.text}", start=pending.start)
            pending = None
        if _LONE_LABEL.match(line.text) and line.label is None:
            pending = line
            continue
        joined.append(line)
    if pending is not None:
        joined.append(pending)
    return joined
