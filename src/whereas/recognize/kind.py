"""The kind of a text document (HTML, PDF, DOCX, Markdown, copied text), from its content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from whereas.recognize.headings import (
    EP_NUMBER,
    MOTION_WORDS,
    OPENING,
    PARLIAMENT,
    REPORT_HEADING,
    RESOLUTION_WORD,
    TEXT_ADOPTED_REFERENCE,
    TEXTS_ADOPTED_HEADING,
    TEXTS_ADOPTED_PAGE,
    find_headings,
    first_match,
)
from whereas.recognize.recognition import DocumentKind

# How far into a document its header lies: page chrome (menus, language lists) comes first.
HEAD_CHARS = 12_000


@dataclass
class KindGuess:
    """A kind with the confidence it deserves and the clues that gave it."""

    kind: DocumentKind
    confidence: float
    clues: list[str] = field(default_factory=list)


# A report's heading as printed (resolution headings are in recognize.headings).
_REPORT_HEADING = re.compile(r"(?<![A-Z] )\b(?:REPORT|RAPPORT|BERICHT)\s+(?:on|sur|über)\b")
_OEIL = re.compile(
    r"Legislative Observatory|Observatoire législatif|Legislative Beobachtungsstelle"
)
_OEIL_FILE = re.compile(r"Key events|Technical information|Documentation gateway|Procedure File")
_OEIL_SUMMARY = re.compile(
    r"Document summary|\([A-Z]{3}\)\s+\d{2}/\d{2}/\d{4}\s+The European Parliament"
)
_PRESS_ROOM = re.compile(r"Press room|Press Releases|Salle de presse|Pressemitteilung")
_PRESS_ID = re.compile(r"\d{8}IPR\d{3,6}")
_MEP_PAGE = re.compile(
    r"Date of birth\s*:|History of parliamentary service|Curriculum vitae|Political groups"
)
_OPINION = re.compile(
    r"\bop-ed\b|\bopinion\b|\btribune\b|originally published|původně publikován|Tento názor"
    r"|Gastbeitrag|Kommentar",
    re.IGNORECASE,
)
# "Brusel, 7. ledna 2022 - ", "Strasbourg, 20 January 2022 – ": the dateline of a press release.
_DATELINE = re.compile(
    r"^\W{0,3}[A-ZÀ-Ž][\w\u00c0-\u017f]+(?: [A-ZÀ-Ž][\w\u00c0-\u017f]+)?,"
    r"\s+\d{1,2}\.?\s+\w+\s+\d{4}\s*[-–—:]",
    re.MULTILINE,
)


def _doceo_kind(head: str) -> KindGuess | None:
    """An EP plenary document by its heading: motion, joint motion, text adopted, report."""
    positions = [(h.start, h.kind) for h in find_headings(head)]
    for pattern in (TEXTS_ADOPTED_HEADING, TEXTS_ADOPTED_PAGE):
        heading = pattern.search(head)
        if heading:
            positions.append((heading.start(), "text_adopted"))
    for pattern in (_REPORT_HEADING, REPORT_HEADING):
        report = first_match(pattern, head)
        if report:
            positions.append((report.start(), "report"))
    if not positions or not (PARLIAMENT.search(head) or EP_NUMBER.search(head)):
        return None
    start, kind = min(positions)
    return KindGuess(cast(DocumentKind, kind), 0.9, [f"heading of a {kind} at {start}"])


def _copied_resolution(head: str) -> KindGuess | None:
    """A resolution copied without its EP heading (a group's site, a flattened copy)."""
    if OPENING.search(head) is None:
        return None
    if MOTION_WORDS.search(head):
        return KindGuess("motion", 0.6, ["the clauses of a motion without its heading"])
    if TEXT_ADOPTED_REFERENCE.search(head) or RESOLUTION_WORD.search(head):
        return KindGuess("text_adopted", 0.5, ["the clauses of a resolution without its heading"])
    return None


def _site_kind(head: str, text: str) -> KindGuess | None:
    if _OEIL.search(head):
        if _OEIL_SUMMARY.search(head):
            return KindGuess("procedure_summary", 0.85, ["Legislative Observatory summary"])
        if _OEIL_FILE.search(text):
            return KindGuess("procedure_file", 0.85, ["Legislative Observatory key events"])
    if _PRESS_ROOM.search(head) and _PRESS_ID.search(text):
        return KindGuess("press_release", 0.9, ["EP press room with an IPR reference"])
    if _MEP_PAGE.search(head) and "MEPs" in head:
        return KindGuess("people", 0.8, ["MEP profile page"])
    return None


def _written_kind(body: str, has_front_matter: bool) -> KindGuess | None:
    if _OPINION.search(body[:3000]):
        return KindGuess("news", 0.7, ["an opinion piece"])
    if _DATELINE.search(body[:600]):
        return KindGuess("press_release", 0.7, ["opens with a dateline"])
    if has_front_matter:
        return KindGuess("news", 0.6, ["a post with front matter"])
    return None


def classify_text(text: str, *, has_front_matter: bool = False) -> KindGuess:
    """The kind of a document from its text: EP page headings, site markers, press conventions."""
    head = text[:HEAD_CHARS]
    # In order, each tried only when the ones before found nothing (each is a few searches of
    # the head: a resolution's heading spares the press and copy markers).
    guess = (
        _doceo_kind(head)
        or _site_kind(head, text)
        or _written_kind(head, has_front_matter)
        or _copied_resolution(head)
    )
    return guess if guess is not None else KindGuess("other", 0.3, ["no known structure"])


def kind_from_name(name: str | None) -> DocumentKind | None:
    """A weak hint from a file name, used only to break ties and to warn on disagreement."""
    if not name:
        return None
    lowered = name.lower().rsplit("/", 1)[-1]
    for marker, kind in _NAME_HINTS:
        if marker.search(lowered):
            return kind
    return None


_HINTS: list[tuple[str, DocumentKind]] = [
    (r"(?:^|[-_.(])rcv(?:[-_.)]|$)", "roll_call"),
    (r"(?:^|[-_.])vot(?:[-_.]|$)", "vote_results"),
    (r"press-release", "press_release"),
    (r"oeil-procedure", "procedure_file"),
    (r"document-summary", "procedure_summary"),
    (r"^document_rc-", "joint_motion"),
    (r"^document_b-", "motion"),
    (r"^document_ta-", "text_adopted"),
    (r"^document_a-", "report"),
    (r"^member", "people"),
    (r"\.csv$", "dataset"),
]
_NAME_HINTS: list[tuple[re.Pattern[str], DocumentKind]] = [
    (re.compile(pattern), kind) for pattern, kind in _HINTS
]
