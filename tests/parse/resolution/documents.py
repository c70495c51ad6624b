"""Read and parse corpus documents the way ingest does: read, recognise, parse."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from whereas.parse.records import Clause, ParsedDocument
from whereas.parse.resolution import parse_resolution
from whereas.read import read_path
from whereas.recognize import recognize

HTML = "howtheyvote/document_rc-10-2025-0249-en.html"
TEXT = "text-dumps/document_rc-10-2025-0249-en.txt"
PDF = "derived/document_rc-10-2025-0249-en.print.pdf"
DOCX = "derived/document_rc-10-2025-0249-en.numbered.docx"
ODP_2025 = "howtheyvote/odp-document_rc-10-2025-0249.json"
ODP_2021 = "howtheyvote/odp-document_rc-9-2021-0068.json"
ARMENEWS = "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md"


@cache
def parsed(path: Path) -> ParsedDocument:
    """The parsed document at `path` (cached: the corpus is read-only)."""
    _, document = read_path(path)
    return parse_resolution(document, recognize(document))


def outline(clauses: list[Clause]) -> list[tuple[str, str | None, int | None]]:
    """Kind, label and parent of each clause, in order."""
    return [(c.kind, c.label, c.parent) for c in clauses]


def analysis(clauses: list[Clause]) -> list[tuple[str | None, list[str], list[str]]]:
    """Label, verbs and addressees of each operative paragraph."""
    return [(c.label, c.verbs, c.addressees) for c in clauses if c.kind == "paragraph"]
