"""What vote parsers accept: a read document, or an lxml tree or element; and sitting times."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import lxml.etree

from whereas.read.document import ReadDocument

# Plenary sittings are in Strasbourg or Brussels: vote lists give local times without an offset.
SITTING_ZONE = ZoneInfo("Europe/Brussels")

XmlSource = ReadDocument | lxml.etree._ElementTree | lxml.etree._Element


def xml_root(source: XmlSource) -> lxml.etree._Element | None:
    """The root element of a read XML document, a tree or an element (None when there is none)."""
    tree: Any = source.tree if isinstance(source, ReadDocument) else source
    if tree is None:
        return None
    if isinstance(tree, lxml.etree._ElementTree):
        return tree.getroot()
    return tree if isinstance(tree, lxml.etree._Element) else None


def body_of(source: object) -> str:
    """The read text of a document, or "" for a bare tree or value."""
    return source.text if isinstance(source, ReadDocument) else ""


def sitting_time(text: str | None) -> datetime | None:
    """A vote time ("2024-09-18 12:18:27", ISO with or without offset, "Z") as an aware datetime."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=SITTING_ZONE) if moment.tzinfo is None else moment


def sitting_date(moment: datetime | None) -> date | None:
    """The local date of the sitting a vote time falls in."""
    return moment.astimezone(SITTING_ZONE).date() if moment is not None else None


def iso_date(text: str | None) -> date | None:
    """A date from "2024-09-18" or "2025-05-08+02:00", or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def element_text(element: lxml.etree._Element | None, *, keep_lines: bool = False) -> str:
    """The text of an element and its descendants, whitespace squashed (or per line)."""
    if element is None:
        return ""
    text = "".join(str(part) for part in element.itertext())
    if keep_lines:
        return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\s+", " ", text).strip()
