"""Parse: kind by kind, the records a document holds (clauses, authors, votes, people, ...)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

log = logging.getLogger(__name__)
Parser = Callable[[ReadDocument, Recognition], ParsedDocument]


def _people(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.people import parse_member_page, parse_people_directory

    if doc.format == "html":
        return parse_member_page(doc, recognition)
    if doc.format == "xml":
        return parse_people_directory(doc, recognition)
    return ParsedDocument(body=doc.text)


def _roll_call(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.votes import parse_roll_call

    return parse_roll_call(doc, recognition)


def _vote_results(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.votes import parse_vote_results

    return parse_vote_results(doc, recognition)


def _procedure_file(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.procedure import parse_procedure_file

    return parse_procedure_file(doc, recognition)


def _dataset(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.datasets import parse_dataset

    return parse_dataset(doc, recognition)


def _resolution(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.resolution import parse_resolution

    return parse_resolution(doc, recognition)


def _secondary(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    from whereas.parse.secondary import parse_secondary

    return parse_secondary(doc, recognition)


PARSERS: dict[str, Parser] = {
    "motion": _resolution,
    "joint_motion": _resolution,
    "text_adopted": _resolution,
    "press_release": _secondary,
    "news": _secondary,
    "statement": _secondary,
    "procedure_summary": _secondary,
    "dataset": _dataset,
    "people": _people,
    "roll_call": _roll_call,
    "vote_results": _vote_results,
    "procedure_file": _procedure_file,
}


def parse_document(read: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Run the parser for the document's kind; a parser failure is a warning, never a crash."""
    parser = PARSERS.get(recognition.kind)
    if parser is None:
        return ParsedDocument(body=read.text)
    try:
        parsed = parser(read, recognition)
    except Exception as exc:  # keep what was read: the document is stored with a warning
        log.exception("parsing a %s failed", recognition.kind)
        return ParsedDocument(
            body=read.text, warnings=[f"parser for {recognition.kind} failed: {exc!r}"]
        )
    if not parsed.body:
        parsed.body = read.text
    return parsed
