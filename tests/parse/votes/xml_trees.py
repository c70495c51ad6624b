"""Parse XML test inputs the way the reader does: no entities, no DTD, no network."""

from __future__ import annotations

from pathlib import Path

import lxml.etree


def xml_tree(path: Path) -> lxml.etree._ElementTree:
    """The tree of a corpus XML file."""
    return lxml.etree.parse(str(path), _parser(recover=False))


def damaged_tree(data: bytes) -> lxml.etree._ElementTree:
    """The tree of damaged XML bytes, read as far as it goes."""
    root = lxml.etree.fromstring(data, _parser(recover=True))
    return root.getroottree()


def _parser(*, recover: bool) -> lxml.etree.XMLParser:
    return lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, recover=recover
    )
