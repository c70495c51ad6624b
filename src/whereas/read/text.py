"""Read plain text (such as a page copied from a browser): one block per non-empty line."""

from __future__ import annotations

from collections.abc import Iterator

from whereas.config import Limits
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument
from whereas.read.encoding import decode


def read_text(data: bytes, limits: Limits) -> ReadDocument:
    """Read plain text: each non-empty line is a block with path "line N"."""
    decoded = decode(data)
    return assemble(
        "text",
        line_blocks(decoded.text),
        max_chars=limits.max_text_chars,
        encoding=decoded.encoding,
        warnings=list(decoded.warnings),
    )


def line_blocks(text: str, first_line: int = 1) -> Iterator[Block]:
    """One "line" block per non-blank line, numbered from `first_line`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=first_line):
        cleaned = squash(line)
        if cleaned:
            yield Block(text=cleaned, kind="line", path=f"line {number}")
