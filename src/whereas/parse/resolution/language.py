"""Which language pack reads a resolution: the one given, else the one whose formulas fit best."""

from __future__ import annotations

from whereas.parse.resolution.labels import split_label
from whereas.parse.resolution.lines import Line
from whereas.vocabularies.lexicon import LanguagePack, language_pack, languages

_DEFAULT = "en"


def _score(lines: list[Line], pack: LanguagePack) -> int:
    score = 0
    for line in lines:
        text = split_label(line.text, line.label).text
        for formula in ("preamble", "citation", "recital", "closing"):
            if pack.match(formula, text):
                score += 1
    return score


def pack_for(lines: list[Line], language: str | None = None) -> LanguagePack:
    """The pack of `language` when there is one, else of the language whose formulas fit best."""
    given = language_pack(language) if language else None
    if given is not None:
        return given
    packs = [p for p in (language_pack(code) for code in languages()) if p is not None]
    scored = sorted(packs, key=lambda p: (_score(lines, p), p.language == _DEFAULT), reverse=True)
    best = scored[0] if scored else None
    fallback = language_pack(_DEFAULT)
    if best is None or (fallback is not None and _score(lines, best) == 0):
        assert fallback is not None, "the English pack ships with whereas"
        return fallback
    return best
