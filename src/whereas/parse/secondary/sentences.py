"""Sentences of a body with their offsets, so that each record keeps the sentence it came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote) before a capital or a new line;
# "No. 5", "Nov. 13", "7. ledna", "155. místě" do not end one (a digit or lower case follows).
_END = re.compile(r"(?<=[.!?])[”“\"»)]?(?=\s+[\"“„«(]?[A-ZÀ-ÝČĎĚŇŘŠŤŮŽ])|\n\s*\n|\n(?=\s*[-–•*>])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Nov|Dec|Jan|Feb|Aug|Sept|Oct|No|vs|ca|cf)\.)$"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence and its offsets in the body."""

    text: str
    start: int
    end: int


def sentences(body: str) -> Iterator[Sentence]:
    """The sentences of `body`, stripped, with offsets."""
    start = 0
    for match in _END.finditer(body):
        if _ABBREVIATIONS.search(body[max(0, match.start() - 6):match.start()]):
            continue
        yield from _one(body, start, match.end())
        start = match.end()
    yield from _one(body, start, len(body))


def _one(body: str, start: int, end: int) -> Iterator[Sentence]:
    piece = body[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped)
        yield Sentence(" ".join(stripped.split()), offset, offset + len(stripped))
