"""Identifiers a document carries outside its visible text: links, attributes, data values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.etree

from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Reference
from whereas.recognize.references import find_references

# Enough for the largest EP records (ODP JSON with 24 languages) without scanning megabytes.
MAX_MARKUP_CHARS = 1_000_000
MAX_NODES = 200_000
# Every attribute value in document order, in one call (plain strings, no parent links).
_ATTRIBUTE_VALUES = lxml.etree.XPath("//@*", smart_strings=False)
# What root.iter() walks besides elements: processing instructions have pseudo-attributes.
_NODES = lxml.etree.XPath("count(//*) + count(//comment()) + count(//processing-instruction())")
_INSTRUCTIONS = lxml.etree.XPath("count(//processing-instruction())")


def _json_strings(data: Any) -> Iterator[str]:
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _fast_path(root: Any) -> bool:
    nodes, instructions = _NODES(root), _INSTRUCTIONS(root)
    return isinstance(nodes, float) and nodes <= MAX_NODES and instructions == 0


def _tree_strings(tree: Any, *, with_text: bool) -> Iterator[str]:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    if root is None:
        return
    if not with_text and _fast_path(root):
        values = _ATTRIBUTE_VALUES(root)  # what the walk below gives, a hundred times faster
        yield from (str(v) for v in values) if isinstance(values, list) else ()
        return
    for count, element in enumerate(root.iter()):
        if count >= MAX_NODES:
            return
        yield from (str(v) for v in element.attrib.values())
        if with_text and isinstance(element.text, str):
            yield element.text


def markup_strings(doc: ReadDocument) -> Iterator[str]:
    """The strings of a document's markup or data that its text may lack."""
    if doc.format == "json" and doc.data is not None:
        yield from _json_strings(doc.data)
    elif doc.format in ("html", "xml") and doc.tree is not None:
        yield from _tree_strings(doc.tree, with_text=doc.format == "xml")
    for key in ("og:url", "canonical", "url", "source_url", "structured_data.original_source"):
        if doc.metadata.get(key):
            yield doc.metadata[key]


def references_in_markup(doc: ReadDocument, seen: set[tuple[str, str, str]]) -> list[Reference]:
    """Identifiers in links, attributes and data values not already found in the text (no span)."""
    joined: list[str] = []
    size = 0
    for value in markup_strings(doc):
        joined.append(value)
        size += len(value) + 1
        if size > MAX_MARKUP_CHARS:
            break
    found: list[Reference] = []
    # No identifier spans two values, so a value met again adds nothing: each is searched once.
    for ref in find_references("\n".join(dict.fromkeys(joined))):
        key = (ref.kind, ref.value, ref.written or "")
        if key not in seen:
            seen.add(key)
            found.append(Reference(ref.kind, ref.value, written=ref.written))
    return found
