"""The verbs of an operative paragraph, in order, normalised to English lower case.

Parliament is the implied subject of every operative paragraph, so its verbs stand where a
sentence part starts: at the start of the paragraph, after a semicolon, and after "and" ("...
and calls on"). Only those positions are looked at: "Russia reports" inside a sentence is not
one of Parliament's verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.vocabularies.lexicon import LanguagePack

# Greek writes its semicolon as a raised dot (ano teleia).
_SEGMENT = re.compile(r"[^;·\u0387]+")


@dataclass(frozen=True)
class VerbHit:
    """One verb of a paragraph: canonical form, where it is, where its sentence part ends."""

    verb: str
    start: int
    end: int
    segment_end: int


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t,":
        pos += 1
    return pos


def _skip_prefixes(text: str, pos: int, pack: LanguagePack) -> int:
    moved = True
    while moved:
        moved = False
        for pattern in pack.formulas.get("verb_prefix", ()):
            found = pattern.match(text, pos)
            if found and (found.end() == len(text) or not text[found.end()].isalnum()):
                pos, moved = _skip_space(text, found.end()), True
                break
    return pos


def verb_at(text: str, pos: int, pack: LanguagePack) -> tuple[str, int, int] | None:
    """The canonical verb that starts at `pos` (after adverbs such as "also"), with its span."""
    pos = _skip_prefixes(text, _skip_space(text, pos), pack)
    best: tuple[str, int, int] | None = None
    for index in pack.verb_scanner.at(text, pos):
        term = pack.verbs[index]
        found = term.pattern.match(text, pos)
        if found and (best is None or found.end() > best[2]):
            best = (term.id, pos, found.end())
    return best


def _joined_verbs(
    text: str, start: int, end: int, pack: LanguagePack
) -> list[tuple[str, int, int]]:
    hits = []
    for pattern in pack.formulas.get("verb_join", ()):
        for join in pattern.finditer(text, start, end):
            hit = verb_at(text, join.end(), pack)
            if hit is not None:
                hits.append(hit)
    return hits


def verbs_of(text: str, pack: LanguagePack) -> list[VerbHit]:
    """Every verb of Parliament in `text`, in order."""
    hits: list[VerbHit] = []
    for segment in _SEGMENT.finditer(text):
        found = verb_at(text, segment.start(), pack)
        if found is None:
            continue
        more = _joined_verbs(text, found[2], segment.end(), pack)
        for verb, start, end in sorted([found, *more], key=lambda hit: hit[1]):
            hits.append(VerbHit(verb, start, end, segment.end()))
    return hits
