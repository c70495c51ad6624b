"""Words for the index and for queries: tokens, lower case, Snowball stems, no accents.

The same functions run before indexing and on every query, on SQLite and on PostgreSQL alike, so
both databases hold exactly the same terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol, cast

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type information

# ISO 639-1 codes of the EU languages -> Snowball algorithms PyStemmer ships. Bulgarian, Croatian,
# Latvian, Maltese, Slovak and Slovenian have none: their words are folded but not stemmed.
SNOWBALL = {
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}

# Plurals Snowball's English stemmer leaves alone ("women" stays "women").
ENGLISH_IRREGULAR = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "wives": "wife",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "media": "medium",
}

# Letters NFKD does not split into a base letter and an accent.
_LIGATURES = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
_TOKEN = re.compile(r"[^\W_]+")
MAX_TERM_CHARS = 64  # longer runs are noise (hashes, base64); PostgreSQL would not index them
MAX_TERMS = 16383  # PostgreSQL's last tsvector position: both databases index this many terms


@dataclass(frozen=True)
class Token:
    """A word of a text with its span."""

    word: str
    start: int
    end: int


def tokens(text: str, limit: int = MAX_TERMS) -> Iterator[Token]:
    """The words of `text` in lower case with their spans, at most `limit` of them."""
    count = 0
    for match in _TOKEN.finditer(text):
        word = match.group().lower()
        if len(word) > MAX_TERM_CHARS:
            continue
        yield Token(word, match.start(), match.end())
        count += 1
        if count >= limit:
            return


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """`word` in lower case without accents ("Kazachstánu" -> "kazachstanu")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_term(word: str) -> str:
    """An index term: `word` folded, then only its letters and digits. What NFKD leaves beside
    them (the fraction slash of "½", marks of no combining class, a space) would split the term
    for SQLite's unicode61 tokenizer, which keeps letters, digits and private-use characters in
    its tokens, and an entry's length in terms must be its length in FTS5 tokens
    (whereas.search.fts5.entry_id)."""
    folded = fold(word)
    if folded.isascii() and folded.isalnum():
        return folded
    return "".join(c for c in folded if _in_token(unicodedata.category(c)))


def _in_token(category: str) -> bool:
    """Whether unicode61 keeps a character of this category in a token (L*, N*, Co)."""
    return category[0] in "LN" or category == "Co"


def snowball_name(language: str | None) -> str | None:
    """The Snowball algorithm for an ISO code ("en", "fr-BE"), None when there is none."""
    if not language:
        return None
    return SNOWBALL.get(language.lower().split("-")[0].split("_")[0])


class _Stemmer(Protocol):
    def stemWords(self, words: list[str]) -> list[str]: ...  # noqa: N802 (PyStemmer's name)


@cache
def _stemmer(algorithm: str) -> _Stemmer:
    return cast(_Stemmer, Stemmer.Stemmer(algorithm))


def stem_words(words: list[str], language: str | None) -> list[str]:
    """Index terms of lower-case `words` in `language`: irregular forms, stem, then fold."""
    algorithm = snowball_name(language)
    known = _known_terms.get(algorithm)
    if known is None or len(known) >= MAX_KNOWN_TERMS:
        # A new table rather than clear(): a thread reading the old one keeps all it holds.
        known = _known_terms[algorithm] = {}
    missing = list(set(words).difference(known))
    if missing:
        known.update(zip(missing, _stem(missing, algorithm), strict=True))
    # A text repeats its words, and texts repeat each other's: a word is stemmed once.
    return list(map(known.__getitem__, words))


MAX_KNOWN_TERMS = 200_000  # words remembered per language before starting afresh
_known_terms: dict[str | None, dict[str, str]] = {}


def _stem(words: list[str], algorithm: str | None) -> list[str]:
    if algorithm is None:
        return [fold_term(w) for w in words]
    if algorithm == "english":
        words = [ENGLISH_IRREGULAR.get(w, w) for w in words]
    # Snowball expects accented input (French "détenus"), so accents go after stemming.
    return [fold_term(s) for s in _stemmer(algorithm).stemWords(words)]


def words(text: str, limit: int = MAX_TERMS) -> list[str]:
    """The words of `text` in lower case, as `tokens` gives them, without their spans."""
    # Indexing needs no spans: making a Token per word was a tenth of the time of an ingest.
    # Lower-casing ASCII text whole splits it into the same words; other text is lower-cased
    # word by word (a Greek final sigma depends on what follows it).
    if text.isascii():
        found = _TOKEN.findall(text.lower())
    else:
        found = list(map(str.lower, _TOKEN.findall(text)))
    if max(map(len, found), default=0) <= MAX_TERM_CHARS:
        return found[:limit]
    out: list[str] = []
    for word in found:
        if len(word) > MAX_TERM_CHARS:
            continue
        out.append(word)
        if len(out) >= limit:
            break
    return out


def index_terms(text: str, language: str | None) -> list[str]:
    """The terms of `text` as the index holds them, in text order (a word that folds to
    nothing is left out)."""
    return [term for term in stem_words(words(text), language) if term]


def query_terms(word: str, languages: Iterable[str | None]) -> frozenset[str]:
    """Every term one lower-case query word can be indexed as, across `languages` and unstemmed."""
    variants = {fold_term(word)}
    for language in languages:
        variants.update(stem_words([word], language))
    return frozenset(v for v in variants if v)
