"""The words of a source and of a procedure title, compared without case, accents or inflection.

A procedure is recognised in a secondary source by its title words (the country, the subject),
found in the source in some inflection or transliteration ("Kazachstánu" ~ "kazakhstanu").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

_GENERIC = {
    "situation",
    "resolution",
    "motion",
    "joint",
    "case",
    "cases",
    "human",
    "rights",
    "right",
    "the",
    "and",
    "for",
    "with",
    "from",
    "into",
    "against",
    "including",
    "particular",
    "european",
    "parliament",
    "union",
    "recent",
    "developments",
    "especially",
    "notably",
}


def fold(word: str) -> str:
    """A word without case, accents or transliteration quirks ("Kazachstánu" ~ "kazakhstanu")."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("kh", "ch").replace("ij", "i").replace("y", "i")


def words_of(text: str) -> set[str]:
    """The folded words of a text, four letters or more."""
    return {fold(w) for w in re.findall(r"[^\W\d_]{4,}", text)}


def title_words(title: str) -> set[str]:
    """The distinctive words of a procedure title (the country, the subject)."""
    return {w for w in words_of(title) if w not in _GENERIC}


@cache
def country_words() -> frozenset[str]:
    """Folded words of country names (the reference list's English labels)."""
    raw = json.loads(resources.files("whereas.data").joinpath("countries.json").read_text("utf-8"))
    return frozenset(w for c in raw for w in words_of(f"{c['label']} {c['alt_label']}"))


@dataclass(frozen=True)
class TextWords:
    """The folded words of a source, indexed by their first three letters for fuzzy lookup."""

    words: frozenset[str]
    by_start: dict[str, list[str]]

    @classmethod
    def of(cls, text: str) -> TextWords:
        """Index the words of `text`."""
        words = frozenset(words_of(text))
        index: dict[str, list[str]] = {}
        for word in words:
            index.setdefault(word[:3], []).append(word)
        return cls(words, index)

    def has(self, title_word: str) -> bool:
        """Whether the text has the word in some inflection or transliteration."""
        if title_word in self.words:
            return True
        return any(_similar(title_word, w) for w in self.by_start.get(title_word[:3], ()))


def _similar(title_word: str, word: str) -> bool:
    if len(title_word) < 5:
        return False
    if word.startswith(title_word[: max(6, len(title_word) - 2)]):
        return True
    stem = word[: len(title_word)]
    return SequenceMatcher(None, title_word, stem).ratio() >= 0.85


def subject_score(title: set[str], text: TextWords) -> float:
    """Share of a procedure's title words the text has; 0 when the title's country is missing.

    A title without a country needs two of its words in the text (one shared word is chance).
    """
    if not title:
        return 0.0
    found = {t for t in title if text.has(t)}
    countries = title & country_words()
    if countries and not countries & found:
        return 0.0
    if not countries and len(found) < 2:
        return 0.0
    return len(found) / len(title)
