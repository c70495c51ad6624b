"""The multilingual titles of parlparse/mepwatch roll-call items, split into title and subject.

A title reads "FR title - EN title - DE title - <slot> - subject", where the slot is "RC-" when the
vote was on a joint motion (its link was stripped: the "RC- -" artefact) and empty otherwise; items
of a report read "Rapporteur - subject". Titles may span lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.parse.votes.subjects import is_clause_piece

# First words of a subject (French, as these tables print it) besides clauses and amendments.
_SUBJECT_START = re.compile(
    r"^(?:proposition|propositions|résolution|rejet|accord|amendements?|article|annexe|texte|"
    r"titre|demande|procédure|projet|décision|vote|ensemble|recommandation|motion|nomination|"
    r"paragraphe|alinéa|point|considérants?|visas?|§|am\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RollCallTitle:
    """What an item title says: English title, subject, whether it names a joint motion."""

    title: str | None
    subject: str | None
    joint_motion: bool
    printed: str


def split_title(printed: str) -> RollCallTitle:
    """Split an item title at its slot, or, without one, at the first subject-like piece."""
    flat = printed.replace("\r", " ").replace("\n", " ")
    pieces = [p.strip() for p in flat.split(" - ")]
    text = re.sub(r"\s+", " ", flat).strip()
    slot = next((i for i, p in enumerate(pieces) if i > 0 and p in ("", "RC-")), None)
    if slot is None:
        start = _subject_start(pieces)
        return RollCallTitle(None, _join(pieces[start:]), False, text)
    heads, tail = pieces[:slot], pieces[slot + 1 :]
    tail = tail[_subject_start(tail) :] if _subject_start(tail) < len(tail) else tail
    return RollCallTitle(_english(heads), _join(tail), pieces[slot] == "RC-", text)


def _subject_start(pieces: list[str]) -> int:
    for index, piece in enumerate(pieces):
        if is_clause_piece(piece) or _SUBJECT_START.match(piece):
            return index
    return len(pieces) - 1 if pieces else 0


def _english(heads: list[str]) -> str | None:
    # French, English, German: each as many pieces as the others when the titles hold dashes.
    heads = [h for h in heads if h]
    if not heads or len(heads) % 3:
        return None
    third = len(heads) // 3
    return " - ".join(heads[third : 2 * third])


def _join(pieces: list[str]) -> str | None:
    text = re.sub(r"\s+", " ", " - ".join(p for p in pieces if p)).strip()
    return text or None
