"""Which date is the document's: stated by its structure or metadata, its identifier, its text."""

from __future__ import annotations

import re
from datetime import date

from whereas.read.document import ReadDocument
from whereas.recognize.dates import (
    date_from_metadata,
    date_of_reference,
    find_dates,
    plausible,
)
from whereas.recognize.recognition import DocumentKind, Reference
from whereas.recognize.references import normalise_reference
from whereas.recognize.structured import StructuredFacts

HEAD_CHARS = 20_000
# doceo headers date a document next to its procedure: "7.5.2025 - (2025/2691(RSP))".
_DATE_BEFORE_PROCEDURE = re.compile(r"\s*[-–]\s*\(\s*\d{4}/\d{4}")
UNDATED_KINDS: frozenset[DocumentKind] = frozenset({"people", "dataset"})
SITTING_KINDS: frozenset[DocumentKind] = frozenset({
    "minutes", "debate", "sitting", "roll_call", "vote_results",
})


def _text_date(doc: ReadDocument, kind: DocumentKind) -> date | None:
    found = find_dates(doc.text, limit=HEAD_CHARS)
    if not found:
        return None
    if kind == "procedure_file":  # a living record: as current as its latest event
        return max(d.value for d in found)
    for item in found:
        if _DATE_BEFORE_PROCEDURE.match(doc.text, item.end):
            return item.value
    return found[0].value


def document_date(
    doc: ReadDocument, kind: DocumentKind, facts: StructuredFacts | None,
    reference: str | None, references: list[Reference],
) -> date | None:
    """The document's date, never in the future: structure, metadata, identifier, then text."""
    if facts is not None and plausible(facts.date):
        return facts.date
    stated = date_from_metadata(doc.metadata)
    if stated is not None:
        return stated
    own = normalise_reference(reference) if reference else None
    if own is not None and kind in SITTING_KINDS:
        by_reference = date_of_reference(own)
        if plausible(by_reference):
            return by_reference
    # An MEP page's dates are birthdays and meetings; a table's are its rows'.
    textual = doc.format not in ("csv", "json") and kind not in UNDATED_KINDS
    in_text = _text_date(doc, kind) if textual else None
    if in_text is not None:
        return in_text
    if own is not None:
        fallback = date_of_reference(own)  # a press release's registration day
        if plausible(fallback):
            return fallback
    return None
