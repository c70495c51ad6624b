"""Which date is the document's: stated by its structure or metadata, its identifier, its text."""

from __future__ import annotations

import re
from datetime import date

from whereas.read.document import ReadDocument
from whereas.recognize.adoption import adoption_date, written_dates
from whereas.recognize.dates import (
    date_from_metadata,
    date_of_reference,
    find_dates,
    plausible,
)
from whereas.recognize.headings import OPENING, find_headings
from whereas.recognize.recognition import DocumentKind, Reference
from whereas.recognize.references import normalise_reference
from whereas.recognize.structured import StructuredFacts

HEAD_CHARS = 20_000
# doceo headers date a document next to its procedure: "7.5.2025 - (2025/2691(RSP))".
_DATE_BEFORE_PROCEDURE = re.compile(r"\s*[-–]\s*\(\s*\d{4}/\d{4}")
# "PV 16/12/2010 - 6.4": an item of a sitting's minutes, as doceo pages list debates and votes.
_MINUTES_ITEM = re.compile(r"(?<![A-Za-z])PV (?P<d>\d{2})/(?P<mo>\d{2})/(?P<y>\d{4})\b")
RESOLUTION_KINDS: frozenset[DocumentKind] = frozenset({"motion", "joint_motion", "text_adopted"})
UNDATED_KINDS: frozenset[DocumentKind] = frozenset({"people", "dataset"})
SITTING_KINDS: frozenset[DocumentKind] = frozenset(
    {
        "minutes",
        "debate",
        "sitting",
        "roll_call",
        "vote_results",
    }
)


def _text_date(doc: ReadDocument, kind: DocumentKind) -> date | None:
    head = doc.text[:HEAD_CHARS]
    if kind in RESOLUTION_KINDS:
        return _resolution_date(head)
    found = find_dates(head, limit=HEAD_CHARS)
    if not found:
        return None
    if kind == "procedure_file":  # a living record: as current as its latest event
        return max(d.value for d in found)
    for item in found:
        if _DATE_BEFORE_PROCEDURE.match(doc.text, item.end):
            return item.value
    return found[0].value


def _resolution_date(head: str) -> date | None:
    """A resolution's date in its header: by its procedure, under its heading, or the first.

    The clauses' dates (a citation's "of 1 July 1999") are never the document's.
    """
    opening = OPENING.search(head)
    header = head[: opening.start()] if opening else head
    found = find_dates(header, limit=HEAD_CHARS)
    for item in found:
        if _DATE_BEFORE_PROCEDURE.match(header, item.end):
            return item.value
    headings = find_headings(header)
    if headings:  # old layouts: the heading, then the tabling date on a line of its own
        after = [d for d in found if d.start > headings[0].end]
        if after:
            return after[0].value
    if found:
        return found[0].value
    written = [day for day in written_dates(header) if plausible(day)]
    return written[0] if written else None


def _sitting_of_vote(head: str) -> date | None:
    """The latest sitting a text adopted's page lists (debate first, then the vote)."""
    opening = OPENING.search(head)
    days = [
        found
        for m in _MINUTES_ITEM.finditer(head[: opening.start()] if opening else head)
        if plausible(found := _numeric(m))
    ]
    return max(days) if days else None  # type: ignore[type-var]


def _numeric(m: re.Match[str]) -> date | None:
    try:
        return date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None


def document_date(
    doc: ReadDocument,
    kind: DocumentKind,
    facts: StructuredFacts | None,
    reference: str | None,
    references: list[Reference],
) -> date | None:
    """The document's date, never in the future: structure, metadata, identifier, then text."""
    if facts is not None and plausible(facts.date):
        return facts.date
    if kind == "text_adopted" and doc.format not in ("csv", "json"):
        # The day it was adopted: its title line says so, else the page's latest sitting.
        adopted = adoption_date(doc.text[:HEAD_CHARS]) or _sitting_of_vote(doc.text[:HEAD_CHARS])
        if plausible(adopted):
            return adopted
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
