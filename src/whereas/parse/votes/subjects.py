"""What a vote is on: the clause its subject names ("§ 1/2", "After recital B - Am 3").

Labels follow the resolution's own: "1" for paragraph 1, "B" for recital B; an insertion point is
"after 4" / "before B"; citations are counted ("3" with kind "citation"). Subjects naming something
else (an article of a legislative text, the title, the text as a whole) give no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.parse.records import ClauseKind

_WHERE = {
    "after": "after",
    "après le": "after",
    "après la": "after",
    "après": "after",
    "nach": "after",
    "before": "before",
    "avant le": "before",
    "avant la": "before",
    "avant": "before",
    "vor": "before",
}
_KINDS: dict[str, ClauseKind] = {
    "§": "paragraph",
    "paragraph": "paragraph",
    "paragraphe": "paragraph",
    "ziffer": "paragraph",
    "recital": "recital",
    "considérant": "recital",
    "erwägung": "recital",
    "erwägungsgrund": "recital",
    "citation": "citation",
    "visa": "citation",
    "bezugsvermerk": "citation",
}
_WHERE_RE = "|".join(sorted(map(re.escape, _WHERE), key=len, reverse=True))
_KIND_RE = "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
_CLAUSE = re.compile(
    rf"^(?:(?P<where>{_WHERE_RE})\s+)?(?P<kind>{_KIND_RE})\s*(?P<label>\d+[a-z]?|[A-Z]{{1,2}}\d?)"
    r"(?:\s*/\s*(?P<part>\d+))?$",
    re.IGNORECASE,
)
_AMENDMENT = re.compile(r"^am(?:endment)?\.?\s+(?P<number>\S.*)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]\s+")


@dataclass(frozen=True)
class ClauseRef:
    """The clause a vote subject names: its kind, its label, and the part of a split vote."""

    kind: ClauseKind
    label: str
    part: int | None = None


def clause_of(subject: str) -> ClauseRef | None:
    """The clause or insertion point that one subject names, or None when it names none."""
    for piece in subject_pieces(subject):
        match = _CLAUSE.match(piece)
        if match:
            return _clause_from(match)
    return None


def _clause_from(match: re.Match[str]) -> ClauseRef:
    kind = _KINDS[match["kind"].casefold()]
    label = match["label"]
    if kind == "recital" and label.isalpha():
        label = label.upper()
    where = _WHERE[match["where"].casefold()] if match["where"] else None
    part = int(match["part"]) if match["part"] else None
    return ClauseRef(kind, f"{where} {label}" if where else label, part)


def amendment_of(subject: str) -> str | None:
    """The amendment number a subject names ("After § 4 - Am 1" -> "1"), or None."""
    for piece in subject_pieces(subject):
        match = _AMENDMENT.match(piece)
        if match:
            return match["number"].strip()
    return None


def subject_pieces(subject: str) -> list[str]:
    """The parts of a subject between its dashes, whitespace squashed."""
    text = re.sub(r"\s+", " ", subject.replace("\u00a0", " ")).strip()
    return [p.strip() for p in _SEPARATOR.split(text) if p.strip()]


def is_clause_piece(piece: str) -> bool:
    """Whether one subject piece names a clause or an amendment (not a rapporteur, not a title)."""
    return bool(_CLAUSE.match(piece) or _AMENDMENT.match(piece))
