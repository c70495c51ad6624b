"""Read XML safely: no entity expansion, no DTD, no network; elements with text become blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree

from whereas.config import Limits
from whereas.errors import UnreadableDocument
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument
from whereas.read.encoding import decode
from whereas.read.xpath import ElementPaths

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _parser(*, recover: bool) -> lxml.etree.XMLParser:
    # Entities stay unexpanded references ("billion laughs"), nothing is fetched (XXE).
    return lxml.etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
    )


def read_xml(data: bytes, limits: Limits) -> ReadDocument:
    """Read an XML file; a damaged one is read as far as it goes, with a warning."""
    decoded = decode(data)
    # lxml refuses str input that still declares a byte encoding; the text is decoded already.
    text = _XML_DECLARATION.sub("", decoded.text, count=1).lstrip()
    warnings = list(decoded.warnings)
    try:
        root = lxml.etree.fromstring(text, parser=_parser(recover=False))
    except lxml.etree.XMLSyntaxError as exc:
        root = _recover(text)
        warnings.append(f"damaged XML read in part: {exc}")
    except ValueError as exc:  # a second or unclosed declaration of an encoding, after the first
        raise UnreadableDocument(f"XML could not be read: {' '.join(str(exc).split())}") from exc
    tree = root.getroottree()
    document = assemble(
        "xml",
        _blocks(root),
        max_chars=limits.max_text_chars,
        encoding=decoded.encoding,
        warnings=warnings,
    )
    document.tree = tree
    return document


def _surrogate_ref_to_replacement(match: re.Match[str]) -> str:
    value = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return "\ufffd" if 0xD800 <= value <= 0xDFFF else match.group(0)


def _recover(text: str) -> lxml.etree._Element:
    # In recover mode libxml2 keeps "&#xD800;" as invalid UTF-8 that lxml then cannot decode.
    text = _CHAR_REF.sub(_surrogate_ref_to_replacement, text)
    try:
        root = lxml.etree.fromstring(text, parser=_parser(recover=True))
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableDocument(f"XML could not be read: {exc}") from exc
    if root is None:
        raise UnreadableDocument("XML could not be read: no element found")
    return root


def _blocks(root: lxml.etree._Element) -> Iterator[Block]:
    paths = ElementPaths()
    for element in root.iter(tag=lxml.etree.Element):
        text = squash(_direct_text(element))
        if text:
            yield Block(text=text, kind="paragraph", path=paths.of(element))


def _direct_text(element: lxml.etree._Element) -> str:
    """The element's own text and its children's tails (not the children's own text)."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return " ".join(parts)
