"""Parse: kind by kind, the records a document holds (clauses, authors, votes, people, ...)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import cast

from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

log = logging.getLogger(__name__)
Parser = Callable[[ReadDocument, Recognition], ParsedDocument]

# The parser of each kind as "module:function", imported when first needed so that a run that
# never meets a kind never pays for loading its parser. Kinds absent here keep their read text.
PARSERS: dict[str, str] = {
    "motion": "whereas.parse.resolution:parse_resolution",
    "joint_motion": "whereas.parse.resolution:parse_resolution",
    "text_adopted": "whereas.parse.resolution:parse_resolution",
    "report": "whereas.parse.resolution:parse_report",
    "press_release": "whereas.parse.secondary:parse_secondary",
    "news": "whereas.parse.secondary:parse_secondary",
    "statement": "whereas.parse.secondary:parse_secondary",
    "procedure_summary": "whereas.parse.secondary:parse_secondary",
    "roll_call": "whereas.parse.votes:parse_roll_call",
    "vote_results": "whereas.parse.votes:parse_vote_results",
    "procedure_file": "whereas.parse.procedure:parse_procedure_file",
    "dataset": "whereas.parse.datasets:parse_dataset",
    "people": "whereas.parse:parse_people",
}


def parse_people(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """An MEP page (HTML) or an MEP directory (XML)."""
    from whereas.parse.people import parse_member_page, parse_people_directory

    if doc.format == "html":
        return parse_member_page(doc, recognition)
    if doc.format == "xml":
        return parse_people_directory(doc, recognition)
    return ParsedDocument(body=doc.text)


def _parser(kind: str) -> Parser | None:
    target = PARSERS.get(kind)
    if target is None:
        return None
    module, function = target.split(":")
    return cast(Parser, getattr(import_module(module), function))


def parse_document(read: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Run the parser for the document's kind; a parser failure is a warning, never a crash."""
    parser = _parser(recognition.kind)
    if parser is None:
        return ParsedDocument(body=read.text)
    try:
        parsed = parser(read, recognition)
    except MemoryError:  # the worker's memory limit: the document is rejected, not half-parsed
        raise
    except Exception as exc:  # keep what was read: the document is stored with a warning
        log.exception("parsing a %s failed", recognition.kind)
        return ParsedDocument(
            body=read.text, warnings=[f"parser for {recognition.kind} failed: {exc!r}"]
        )
    if not parsed.body:
        parsed.body = read.text
    return parsed
