"""Read Markdown with YAML front matter (how many sites store their posts)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import yaml

from whereas.config import Limits
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument
from whereas.read.encoding import decode

MAX_FRONT_MATTER_CHARS = 65536
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Bounded repeats keep hostile input (thousands of unclosed "[x](" or "**") linear.
_IMAGE = re.compile(r"!\[([^\]]{0,1000})\]\([^)]{0,2000}\)")
_LINK = re.compile(r"\[([^\]]{0,1000})\]\((?:[^()]|\([^)]{0,500}\)){0,2000}\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.{1,1000}?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")


def read_markdown(data: bytes, limits: Limits) -> ReadDocument:
    """Front matter into metadata (safe YAML), the body into headings, list items, paragraphs."""
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    warnings = list(decoded.warnings)
    metadata: dict[str, str] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        metadata = _front_matter(match.group(1), warnings)
        body_start = match.end()
    first_line = text.count("\n", 0, body_start) + 1
    return assemble(
        "markdown",
        _blocks(text[body_start:], first_line),
        max_chars=limits.max_text_chars,
        metadata=metadata,
        encoding=decoded.encoding,
        warnings=warnings,
    )


def _front_matter(source: str, warnings: list[str]) -> dict[str, str]:
    try:
        if len(source) > MAX_FRONT_MATTER_CHARS:
            raise ValueError(f"longer than {MAX_FRONT_MATTER_CHARS} characters")
        # Aliases can expand exponentially ("billion laughs" in YAML): posts never need them.
        if any(isinstance(t, yaml.AliasToken) for t in yaml.scan(source, Loader=yaml.SafeLoader)):
            raise ValueError("YAML aliases are not accepted")
        value = yaml.safe_load(source)
        if not isinstance(value, dict):
            raise ValueError("not a mapping")
        return flatten_metadata(value)
    except yaml.YAMLError as exc:
        warnings.append(f"front matter is not valid YAML, ignored: {str(exc).splitlines()[0]}")
    except RecursionError:
        warnings.append("front matter nested too deeply, ignored")
    except ValueError as exc:
        warnings.append(f"front matter ignored: {exc}")
    return {}


def flatten_metadata(value: dict[Any, Any], prefix: str = "") -> dict[str, str]:
    """Front matter as strings: nested keys dotted, lists joined, empty values left out."""
    flat: dict[str, str] = {}
    for key, item in value.items():
        name = f"{prefix}{str(key).strip().lower()}"
        if isinstance(item, dict):
            flat.update(flatten_metadata(item, f"{name}."))
            continue
        text = _scalar(item)
        if text:
            flat[name] = text
    return flat


def _scalar(item: Any) -> str:
    if item is None:
        return ""
    if isinstance(item, list | tuple):
        return ", ".join(s for s in (_scalar(i) for i in item) if s)
    if isinstance(item, datetime.date | datetime.datetime):
        return item.isoformat()
    if isinstance(item, dict):
        return ", ".join(f"{k}: {_scalar(v)}" for k, v in item.items())
    return squash(str(item))


def render_inline(text: str) -> str:
    """Markdown inline syntax as the reader sees it: links and images as their text."""
    text = _HTML_TAG.sub(" ", _strip_comments(text))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    return squash(text)


def _strip_comments(text: str) -> str:
    """Remove HTML comments in one pass (an unclosed one runs to the end)."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        parts.append(text[position:start])
        end = text.find("-->", start + 4)
        position = len(text) if end < 0 else end + 3
    parts.append(text[position:])
    return " ".join(parts)


def _blocks(body: str, first_line: int) -> Iterator[Block]:
    paragraph: list[str] = []
    paragraph_line = first_line
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        structural = _structural_block(line, number) if not in_fence else None
        if structural is not None or not line.strip() or _RULE.match(line):
            if paragraph:
                yield _paragraph(paragraph, paragraph_line)
                paragraph = []
            if structural is not None:
                yield structural
            continue
        if not paragraph:
            paragraph_line = number
        paragraph.append(_QUOTE.sub("", line))
    if paragraph:
        yield _paragraph(paragraph, paragraph_line)


def _paragraph(lines: list[str], line: int) -> Block:
    return Block(text=render_inline(" ".join(lines)), kind="paragraph", path=f"line {line}")


def _structural_block(line: str, number: int) -> Block | None:
    heading = _HEADING.match(line)
    if heading:
        level = len(heading.group(1))
        # A closing run of "#" is decoration ("## Votes ##").
        text = render_inline(heading.group(2).rstrip().rstrip("#"))
        return Block(text=text, kind="heading", level=level, path=f"line {number}")
    item = _LIST_ITEM.match(line)
    if item and not _RULE.match(line):
        indent = len(item.group(1).expandtabs(4))
        marker = item.group(2)
        label = marker if marker[0].isdigit() else None
        return Block(
            text=render_inline(item.group(3)),
            kind="list_item",
            level=indent // 2 + 1,
            label=label,
            path=f"line {number}",
        )
    return None
