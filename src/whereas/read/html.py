"""Read HTML: visible text as blocks with XPaths, plus <title>, <meta> and lang."""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, UnreadableDocument
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, BlockKind, ReadDocument
from whereas.read.encoding import decode
from whereas.read.xpath import ElementPaths

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
})  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_LIST_TAGS = frozenset({"ul", "ol"})
_HEADING = re.compile(r"h([1-6])")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Nodes other than elements (comments, processing instructions, entities): what the parser
# keeps of them is rare, and only the walk node by node sees their tails.
_NON_ELEMENTS = (lxml.etree.Comment, lxml.etree.ProcessingInstruction, lxml.etree.Entity)


def read_html(data: bytes, limits: Limits) -> ReadDocument:
    """Read an HTML page into blocks (headings, paragraphs, list items, table rows)."""
    if len(data) > limits.max_html_bytes:
        raise DocumentTooLarge(
            f"HTML of {len(data)} bytes is over the limit of {limits.max_html_bytes} bytes"
        )
    decoded = decode(data)
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    root = _parse(decoded.text, parser)
    tree = root.getroottree()
    blocks = _blocks(root)
    if not blocks and _over_buffer_limit(parser):
        raise DocumentTooLarge("HTML with a text run over libxml2's 10 MB buffer limit")
    depth_warnings = _depth_warnings(parser)
    if depth_warnings and not blocks:
        raise UnreadableDocument("HTML nested too deeply: no text within the first 255 levels")
    document = assemble(
        "html",
        blocks,
        max_chars=limits.max_text_chars,
        metadata=_metadata(root),
        encoding=decoded.encoding,
        warnings=[*decoded.warnings, *depth_warnings],
    )
    document.tree = tree
    return document


def _parse(text: str, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement:
    # lxml refuses str input that still declares a byte encoding.
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"HTML could not be parsed: {exc}") from exc


def _over_buffer_limit(parser: lxml.html.HTMLParser) -> bool:
    """libxml2 drops a text node over 10 MB (without XML_PARSE_HUGE): the page is too large."""
    return any("Buffer size limit exceeded" in error.message for error in parser.error_log)


def _depth_warnings(parser: lxml.html.HTMLParser) -> list[str]:
    """libxml2 stops at 256 levels of nesting (no RecursionError later); say so if it did."""
    if any("Excessive depth" in error.message for error in parser.error_log):
        return ["HTML nested deeper than 255 elements: deeper content lost"]
    return []


def _metadata(root: lxml.html.HtmlElement) -> dict[str, str]:
    metadata: dict[str, str] = {}
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        metadata["lang"] = lang.strip()
    title = root.find("head/title")
    if title is not None and title.text_content().strip():
        metadata["title"] = squash(title.text_content())
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content is not None and key.strip():
            metadata.setdefault(key.strip().lower(), squash(content))
    return metadata


def _blocks(root: lxml.html.HtmlElement) -> list[Block]:
    """The page's visible blocks in document order, each with its own text and its XPath."""
    # The tree is left whole (scripts may hold JSON-LD for later stages); invisible
    # subtrees are skipped here.
    if next(root.iter(*_NON_ELEMENTS), None) is not None:
        owned = _own_texts_node_by_node(root)  # iterwalk would not show these nodes' tails
    else:
        owned = _own_texts_in_one_walk(root)
    paths = ElementPaths()
    blocks: list[Block] = []
    for element, own_text in owned:
        text = squash(own_text)
        if text:
            kind, level = _kind(element)
            blocks.append(Block(text=text, kind=kind, level=level, path=paths.of(element)))
    return blocks


def _own_texts_in_one_walk(root: lxml.html.HtmlElement) -> list[tuple[Any, str]]:
    """Each visible block element with its own text, in document order, in one walk of the tree.

    Walking each block's subtree apart cost five times lxml's parse: here every element is
    met once, its text and tail going to the innermost block open around it. Trees holding
    comments, processing instructions or entities take `_own_texts_node_by_node`.
    """
    owned: list[tuple[Any, str]] = []
    open_blocks: list[tuple[Any, list[str], int]] = []
    parts: list[str] | None = None  # the own text of the innermost open block
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if event == "start":
            if tag in _BLOCK_TAGS:
                if parts is not None:
                    parts.append(" ")  # a block child is a line break in the parent's text
                parts = [node.text or ""]
                open_blocks.append((node, parts, len(owned)))
                owned.append((node, ""))
            elif tag in _INVISIBLE:
                walker.skip_subtree()  # its end event still comes, for its tail
            elif parts is not None:
                if tag in _CELL_TAGS:
                    parts.append(" | " if node.getprevious() is not None else " ")
                elif tag == "br":
                    parts.append(" ")
                parts.append(node.text or "")
            continue
        if tag in _BLOCK_TAGS:
            element, own, slot = open_blocks.pop()
            owned[slot] = (element, "".join(own))
            parts = open_blocks[-1][1] if open_blocks else None
        if parts is not None:
            parts.append(node.tail or "")
    return owned


def _own_texts_node_by_node(root: lxml.html.HtmlElement) -> list[tuple[Any, str]]:
    """What `_own_texts_in_one_walk` gives, each block's subtree walked apart, any node kind."""
    # The set holds the proxies, so lxml keeps them identical.
    hidden = {node for element in root.iter(*_INVISIBLE) for node in element.iter()}
    return [
        (element, _own_text(element))
        for element in root.iter(*_BLOCK_TAGS)
        if element not in hidden
    ]


def _kind(element: lxml.html.HtmlElement) -> tuple[BlockKind, int]:
    tag = str(element.tag)
    heading = _HEADING.fullmatch(tag)
    if heading:
        return "heading", int(heading.group(1))
    if tag == "li":
        return "list_item", sum(1 for a in element.iterancestors(*_LIST_TAGS))
    if tag == "tr":
        return "table_row", 0
    return "paragraph", 0


def _own_text(element: lxml.html.HtmlElement) -> str:
    """Text of `element` outside its block-level descendants (which make their own blocks)."""
    parts: list[str] = [element.text or ""]
    # An explicit stack, not recursion: pages can nest thousands of inline elements.
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(c, True) for c in reversed(element)]
    while stack:
        node, opening = stack.pop()
        if not opening:
            parts.append(node.tail or "")
            continue
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            continue
        separator = " | " if node.tag in _CELL_TAGS and node.getprevious() is not None else " "
        stack.append((node, False))
        if node.tag in _BLOCK_TAGS or node.tag in _INVISIBLE:
            # A block child is a line break in the parent's text.
            parts.append(" " if node.tag in _BLOCK_TAGS else "")
            continue
        parts.append(separator if node.tag in _CELL_TAGS or node.tag == "br" else "")
        parts.append(node.text or "")
        stack.extend((c, True) for c in reversed(node))
    return "".join(parts)
