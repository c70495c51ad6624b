"""What recognition says of a document: its kind, its identifiers and its basic metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DocumentKind = Literal[
    "motion", "joint_motion", "text_adopted", "report", "amendments", "procedure_file",
    "procedure_summary", "vote_results", "roll_call", "sitting", "minutes", "debate", "people",
    "press_release", "news", "statement", "dataset", "other",
]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    "motion", "joint_motion", "text_adopted", "report", "amendments", "procedure_file",
    "procedure_summary", "vote_results", "roll_call", "sitting", "minutes", "debate", "people",
    "press_release", "news", "statement", "dataset", "other",
)

ReferenceKind = Literal[
    "procedure",      # 2022/2505(RSP)
    "motion",         # B9-0065/2022
    "joint_motion",   # RC-B9-0065/2022
    "text_adopted",   # P9_TA(2022)0012
    "report",         # A9-0163/2024
    "minutes",        # PV-9-2022-01-20 (a sitting's minutes; VOT and RCV annexes)
    "debate",         # CRE-9-2022-01-20 (verbatim report of a sitting)
    "sitting",        # MTG-PL-2022-01-20 (ODP meeting id)
    "press_release",  # 20190712IPR56948
]


@dataclass(frozen=True)
class Reference:
    """An EP identifier found in a document, in its human form, with where it was found.

    `start`/`end` are offsets in the document's text (None when found in markup or data);
    `written` is the identifier as the source wrote it ("RC-10-2025-0249", "PV-10-2025-05-08-VOT").
    """

    kind: ReferenceKind
    value: str
    start: int | None = None
    end: int | None = None
    written: str | None = None


@dataclass
class Recognition:
    """Kind, identifiers, language, date, title and publisher of one document."""

    kind: DocumentKind
    reference: str | None = None
    procedure: str | None = None
    references: list[Reference] = field(default_factory=list)
    language: str | None = None
    date: date | None = None
    title: str | None = None
    publisher: str | None = None
    confidence: float = 1.0
    warnings: list[str] = field(default_factory=list)
