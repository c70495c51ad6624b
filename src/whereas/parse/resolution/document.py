"""A whole resolution document: header, authors, clauses and body, from any container."""

from __future__ import annotations

from whereas.parse.records import ParsedDocument
from whereas.parse.resolution.authors import groups_of
from whereas.parse.resolution.header import HeaderReading, read_header
from whereas.parse.resolution.language import pack_for
from whereas.parse.resolution.legal_basis import legal_basis_entries
from whereas.parse.resolution.lines import Line, lines_of
from whereas.parse.resolution.odp import is_odp_work, parse_odp_work
from whereas.parse.resolution.reading import ClauseReading, read_clauses
from whereas.parse.resolution.references import term_of
from whereas.parse.resolution.runin import split_run_in
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.lexicon import LanguagePack

_RESOLUTION_KINDS = ("motion", "joint_motion", "text_adopted")


def parse_resolution(doc: ReadDocument, recognition: Recognition | None = None) -> ParsedDocument:
    """Header, authors, groups, clauses and body of a motion, joint motion or text adopted."""
    if is_odp_work(doc.data):
        return parse_odp_work(doc.data, recognition)
    lines = lines_of(doc.blocks) if doc.blocks else lines_of(doc.text.split("\n"))
    pack = pack_for(lines, recognition.language if recognition else None)
    lines = split_run_in(lines, pack)
    reading = read_clauses(lines, pack)
    header_lines = lines[: reading.start] if reading.clauses else lines
    fallback_date = recognition.date if recognition else None
    found = read_header(header_lines, pack, fallback_date)
    _complete_header(found, reading, pack, recognition)
    return ParsedDocument(
        body=_body(lines, found, reading, pack),
        clauses=reading.clauses,
        authors=found.authors,
        groups=groups_of(found.authors),
        header=found.header,
        warnings=[*found.warnings, *reading.warnings, *_header_warnings(found)],
    )


def _complete_header(
    found: HeaderReading,
    reading: ClauseReading,
    pack: LanguagePack,
    recognition: Recognition | None,
) -> None:
    """What the header lines lack, from the citations and from recognition."""
    header = found.header
    header["language"] = pack.language
    if "legal_basis" not in header:
        citations = "\n".join(c.text for c in reading.clauses if c.kind == "citation")
        date_text = str(header.get("date", ""))
        legal_basis_entries(citations, pack, header, term_of(date_text, None))
    if recognition is None:
        return
    if "kind" not in header and recognition.kind in _RESOLUTION_KINDS:
        header["kind"] = recognition.kind
    if recognition.reference:
        header["reference"] = recognition.reference
    if recognition.procedure and "procedure" not in header:
        header["procedure"] = recognition.procedure


def _header_warnings(found: HeaderReading) -> list[str]:
    if "kind" not in found.header and "title" not in found.header:
        return ["no header found (title, kind, date): only the clauses were read"]
    return []


def _body(
    lines: list[Line], found: HeaderReading, reading: ClauseReading, pack: LanguagePack
) -> str:
    """The header lines and the resolution text, without the page chrome around and between them."""
    indexes: set[int] = set()
    if found.used:
        indexes.update(range(min(found.used), max(found.used) + 1))
    if reading.clauses:
        start = reading.start
        for back in range(max(0, reading.start - 4), reading.start):
            if pack.match("resolution_title", lines[back].text):
                start = back
                break
        indexes.update(range(start, reading.end))
    return "\n".join(lines[index].text for index in sorted(indexes))
