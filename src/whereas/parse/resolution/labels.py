"""Clause labels as printed: "A." for recitals, "1." for paragraphs, "(a)" and dashes for points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LabelShape = Literal["letter", "number", "point", "dash", "none"]

_DASH = re.compile(r"^[–—‐‒−-]\s*")
# Recitals are lettered in the alphabet of the language: A, B (Latin), Α, Β (Greek), А, Б
# (Cyrillic, Bulgarian).
_CAPITALS = "A-ZΑ-ΩА-Я"
_LETTER = re.compile(rf"^(?P<label>[{_CAPITALS}]{{1,3}})\.\s+")
_NUMBER = re.compile(r"^(?P<label>\d{1,3})\s?[.)]\s*(?=\S)")
# "(a)", "a)", "(iv)", and roman numerals with a dot ("i.", "ii.") for a point's own points.
_POINT = re.compile(
    r"^(?P<label>\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]|[ivx]{1,4})\)|[ivx]{1,4}\.)\s+"
)


@dataclass(frozen=True)
class Labelled:
    """A line split into its label (as printed, without the final dot) and the clause text."""

    shape: LabelShape
    label: str | None
    text: str


def _shape_of(label: str) -> LabelShape:
    if label.isdigit():
        return "number"
    if re.fullmatch(rf"[{_CAPITALS}]{{1,3}}", label):
        return "letter"
    return "point"


def split_label(text: str, container_label: str | None = None) -> Labelled:
    """The label of a line: the container's (DOCX numbering) first, else the printed one."""
    if container_label:
        label = container_label.strip().rstrip(".")
        return Labelled(_shape_of(label), label, text)
    dash = _DASH.match(text)
    if dash:
        return Labelled("dash", None, text[dash.end() :])
    for pattern in (_LETTER, _NUMBER, _POINT):
        found = pattern.match(text)
        if found:
            label = found.group("label").rstrip(".")
            return Labelled(_shape_of(label), label, text[found.end() :])
    return Labelled("none", None, text)


def letter_after(label: str) -> str:
    """The recital letter after `label`: A -> B, Z -> AA, AZ -> BA."""
    letters = list(label)
    index = len(letters) - 1
    while index >= 0 and letters[index] == "Z":
        letters[index] = "A"
        index -= 1
    if index < 0:
        return "A" + "".join(letters)
    letters[index] = chr(ord(letters[index]) + 1)
    return "".join(letters)


def next_label(label: str) -> str | None:
    """The label expected after `label` in its series (None when the series is not ordered)."""
    if label.isdigit():
        return str(int(label) + 1)
    if re.fullmatch(r"[A-Z]{1,3}", label):
        return letter_after(label)
    inner = re.fullmatch(r"\(([a-z])\)", label)
    if inner and inner.group(1) != "z":
        return f"({chr(ord(inner.group(1)) + 1)})"
    return None
