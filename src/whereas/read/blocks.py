"""Clean text and assemble blocks into a ReadDocument with offsets."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from whereas.read.document import Block, Format, ReadDocument

# U+00A0 (no-break space) and its narrow/figure cousins read as spaces; the non-breaking
# hyphen U+2011 reads as "-" so names keep their hyphens; soft hyphens and zero-width marks go.
_REPLACEMENTS = (
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
    ("\u2011", "-"),
    ("\u00ad", ""),
    ("\u200b", ""),
    ("\ufeff", ""),
)


def clean_text(text: str) -> str:
    """NFC-normalise text and map no-break spaces and hyphens to plain ones."""
    if text.isascii():
        return text  # already NFC, and nothing to map
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # One replace per character present: no replacement makes another's character, and
    # str.translate would look every character of the text up in a dict.
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def squash(text: str) -> str:
    """Clean text and collapse every run of whitespace to one space."""
    # split() and a regex's \s agree on what whitespace is (str.isspace), and so does strip().
    return " ".join(clean_text(text).split())


def place_blocks(blocks: Iterable[Block]) -> tuple[str, list[Block]]:
    """Join block texts with newlines, dropping empty blocks; return the text and placed blocks."""
    placed: list[Block] = []
    parts: list[str] = []
    offset = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            offset += 1
        end = offset + len(block.text)
        # Built field by field: dataclasses.replace costs five times as much a block.
        placed.append(
            Block(
                text=block.text, kind=block.kind, level=block.level, label=block.label,
                path=block.path, start=offset, end=end,
            )
        )
        parts.append(block.text)
        offset = end
    return "\n".join(parts), placed


def cap_blocks(blocks: list[Block], max_chars: int) -> tuple[list[Block], list[str]]:
    """Keep the leading blocks whose texts fit in `max_chars`; warn when some are dropped."""
    total = 0
    for index, block in enumerate(blocks):
        total += len(block.text) + 1
        if total > max_chars:
            kept = blocks[:index]
            return kept, [f"text longer than {max_chars} characters: kept the first {index} blocks"]
    return blocks, []


def assemble(
    fmt: Format,
    blocks: Iterable[Block],
    *,
    max_chars: int,
    metadata: dict[str, str] | None = None,
    encoding: str | None = None,
    warnings: list[str] | None = None,
) -> ReadDocument:
    """Build a ReadDocument whose text is its blocks joined by newlines."""
    kept, cap_warnings = cap_blocks([b for b in blocks if b.text], max_chars)
    text, placed = place_blocks(kept)
    return ReadDocument(
        format=fmt,
        text=text,
        blocks=placed,
        metadata=dict(metadata or {}),
        encoding=encoding,
        warnings=[*(warnings or []), *cap_warnings],
    )
