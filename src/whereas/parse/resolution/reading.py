"""Clauses of a resolution text or of a quoted fragment of one, with their analysis and warnings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whereas.parse.records import Clause, ParsedDocument
from whereas.parse.resolution.checks import (
    completeness_warnings,
    label_warnings,
    order_warnings,
)
from whereas.parse.resolution.clauses import read_drafts, to_clauses
from whereas.parse.resolution.footnotes import clean_footnotes
from whereas.parse.resolution.language import pack_for
from whereas.parse.resolution.leadins import complete_points
from whereas.parse.resolution.lines import Line, lines_of
from whereas.parse.resolution.operative import analyse
from whereas.parse.resolution.runin import split_run_in
from whereas.read.document import Block
from whereas.vocabularies.lexicon import LanguagePack, language_pack


@dataclass
class ClauseReading:
    """The clauses read from lines, the warnings, and the lines they span (start, end)."""

    clauses: list[Clause]
    warnings: list[str]
    start: int
    end: int


def read_clauses(lines: list[Line], pack: LanguagePack) -> ClauseReading:
    """Read, analyse and check the clauses of `lines`."""
    drafts = read_drafts(lines, pack)
    clauses = to_clauses(drafts.drafts)
    clean_footnotes(clauses, drafts.notes)
    for clause in clauses:
        analyse(clause, pack)
    complete_points(clauses, pack)
    closing = any(c.kind == "paragraph" and pack.match("closing", c.text) for c in clauses)
    warnings = [
        *drafts.warnings,
        *order_warnings(clauses),
        *label_warnings(clauses),
        *completeness_warnings(clauses, closing),
    ]
    return ClauseReading(clauses, warnings, drafts.start, drafts.end)


def parse_clauses(blocks: Iterable[Block | str], language: str | None = None) -> ParsedDocument:
    """The clauses of a resolution text or a quoted fragment (blocks or lines of text).

    `language` picks the formulas ("whereas", "considérant que"); without it, or when whereas has
    no pack for it, the language whose formulas fit best is used. The body is the text of the
    clauses' lines.
    """
    lines = lines_of(blocks)
    pack = pack_for(lines, language)
    lines = split_run_in(lines, pack)
    warnings = []
    if language and language_pack(language) is None:
        warnings.append(f"no formulas for language {language!r}: read as {pack.language!r}")
    reading = read_clauses(lines, pack)
    body = "\n".join(line.text for line in lines[reading.start : reading.end])
    warnings.extend(reading.warnings)
    return ParsedDocument(body=body, clauses=reading.clauses, warnings=warnings)
