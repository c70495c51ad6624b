"""Parse: kind by kind, the records a document holds (clauses, authors, votes, people, ...)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

log = logging.getLogger(__name__)
Parser = Callable[[ReadDocument, Recognition], ParsedDocument]


def _parsers() -> dict[str, Parser]:
    """The parser for each document kind; kinds without one keep their read text as body."""
    return {}


def parse_document(read: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Run the parser for the document's kind; a parser failure is a warning, never a crash."""
    parser = _parsers().get(recognition.kind)
    if parser is None:
        return ParsedDocument(body=read.text)
    try:
        return parser(read, recognition)
    except Exception as exc:  # keep what was read: the document is stored with a warning
        log.exception("parsing a %s failed", recognition.kind)
        return ParsedDocument(
            body=read.text, warnings=[f"parser for {recognition.kind} failed: {exc!r}"]
        )
