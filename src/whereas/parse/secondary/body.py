"""The main text of a secondary source, without page chrome, from HTML, Markdown or copied text."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import lxml.html

from whereas.parse.secondary.boilerplate import line_paragraphs, main_paragraphs
from whereas.read.document import ReadDocument

log = logging.getLogger(__name__)
_MIN_EXTRACTED = 200  # shorter than this, trafilatura missed the article: use the blocks
_LINE = re.compile(r"line (\d+)$")
_MARKUP_LEFTOVER = re.compile(r"<!--.*?-->|!\[[^\]]*\]\([^)]*\)")


@dataclass
class Body:
    """The main text and what went wrong finding it."""

    text: str
    method: str
    warnings: list[str] = field(default_factory=list)


def _trafilatura(doc: ReadDocument) -> str | None:
    """The article text trafilatura finds in the HTML tree, or None."""
    if doc.tree is None:
        return None
    try:
        import trafilatura

        html = lxml.html.tostring(doc.tree, encoding="unicode")
        extracted = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True,
            deduplicate=False,
        )
    except Exception:  # an extractor failure falls back to the reader's blocks
        log.exception("trafilatura failed")
        return None
    return extracted if isinstance(extracted, str) else None


def _from_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(main_paragraphs(paragraphs))


def html_body(doc: ReadDocument) -> Body:
    """Main text of an HTML page: trafilatura, trimmed of closing sections; else the blocks."""
    extracted = _trafilatura(doc)
    if extracted and len(extracted) >= _MIN_EXTRACTED:
        text = _from_paragraphs(extracted.splitlines())
        if len(text) >= _MIN_EXTRACTED:
            return Body(text, "trafilatura")
    text = _from_paragraphs([b.text for b in doc.blocks])
    return Body(text, "blocks", ["main text taken from the page's blocks (extractor found none)"])


def markdown_body(doc: ReadDocument) -> Body:
    """Main text of a Markdown post: its paragraphs without share lists, bylines and images."""
    paragraphs = [_MARKUP_LEFTOVER.sub("", b.text).strip() for b in doc.blocks]
    return Body(_from_paragraphs(paragraphs), "markdown")


def text_body(doc: ReadDocument) -> Body:
    """Main text of copied page text: prose paragraphs between the menus and the closing boxes."""
    return Body(_from_paragraphs(line_paragraphs(_numbered_lines(doc))), "text")


def _numbered_lines(doc: ReadDocument) -> list[tuple[int, str]]:
    """The lines of copied text with their numbers (blocks say "line N"; blank lines are gaps)."""
    lines: list[tuple[int, str]] = []
    for index, block in enumerate(doc.blocks):
        m = _LINE.match(block.path or "")
        lines.append((int(m.group(1)) if m else 2 * index, block.text))
    if not lines:
        lines = [(n, line) for n, line in enumerate(doc.text.splitlines())]
    return lines


def main_text(doc: ReadDocument) -> Body:
    """The main text of any container a secondary source comes in."""
    if doc.format == "html":
        body = html_body(doc)
    elif doc.format == "markdown":
        body = markdown_body(doc)
    elif doc.format == "text":
        body = text_body(doc)
    else:
        body = Body(_from_paragraphs([b.text for b in doc.blocks] or [doc.text]), doc.format)
    if not body.text.strip():
        body.warnings.append("no main text found: the page has no running text")
    return body
