"""Read JSON (EP Open Data Portal JSON-LD and the like): the value, and its human text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, UnreadableDocument
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument
from whereas.read.encoding import decode

MAX_DEPTH = 200
# Keys whose values are identifiers or vocabulary terms, never prose.
_MACHINE_KEYS = frozenset({"@id", "@type", "@context", "@language", "id", "identifier", "type"})
_URI = re.compile(r"^(?:[a-z][a-z0-9+.-]*:(?://)?|www\.)\S*$", re.IGNORECASE)
_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_LETTER = re.compile(r"[^\W\d_]")


def read_json(data: bytes, limits: Limits) -> ReadDocument:
    """Parse JSON (depth and size guarded); its prose strings become blocks at JSON pointers."""
    decoded = decode(data)
    if len(decoded.text) > limits.max_text_chars:
        raise DocumentTooLarge(f"JSON of {len(decoded.text)} characters is over the limit")
    try:
        value = json.loads(decoded.text)
    except RecursionError as exc:
        raise UnreadableDocument("JSON nested too deeply to read") from exc
    except ValueError as exc:
        raise UnreadableDocument(f"invalid JSON: {exc}") from exc
    warnings = list(decoded.warnings)
    blocks = list(_text_leaves(value, warnings))
    document = assemble(
        "json",
        blocks,
        max_chars=limits.max_text_chars,
        encoding=decoded.encoding,
        warnings=warnings,
    )
    document.data = value
    return document


def is_human_text(text: str) -> bool:
    """True for prose and names; False for URIs, identifiers, dates and short codes."""
    if len(text) < 2 or not _LETTER.search(text) or _URI.match(text):
        return False
    if " " in text:
        return True
    # One word: a name ("Kazakhstan", "López-Istúriz") is text; "ADOPTED" or "B10-0249" is a code.
    return len(text) >= 4 and bool(_WORD.match(text)) and not text.isupper()


def _pointer(parent: str, key: str | int) -> str:
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{parent}/{token}"


def _text_leaves(value: Any, warnings: list[str]) -> Iterator[Block]:
    """Walk the value depth first without recursion, yielding prose strings in order."""
    stack: list[tuple[str, Any, int]] = [("", value, 0)]
    too_deep = False
    while stack:
        pointer, node, depth = stack.pop()
        if depth > MAX_DEPTH:
            too_deep = True
            continue
        if isinstance(node, dict):
            items = [(k, v) for k, v in node.items() if k not in _MACHINE_KEYS]
            stack.extend((_pointer(pointer, k), v, depth + 1) for k, v in reversed(items))
        elif isinstance(node, list):
            indexed = list(enumerate(node))
            stack.extend((_pointer(pointer, i), v, depth + 1) for i, v in reversed(indexed))
        elif isinstance(node, str):
            text = squash(node)
            if is_human_text(text):
                yield Block(text=text, kind="paragraph", path=pointer)
    if too_deep:
        warnings.append(f"JSON nested deeper than {MAX_DEPTH} levels: deeper values skipped")
