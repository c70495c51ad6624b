"""Numbers as press offices write them: digits with spaces ("20 000") or words, in EN/FR/DE/CS."""

from __future__ import annotations

import re
import unicodedata

# Digits, with thousands separated by a (non-breaking, thin) space, a comma or a dot: 1 293, 20,000.
NUMBER = re.compile(
    r"(?<![\w.,/-])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d])|(?<![\w/-])\d+(?![\d])"
)

_UNITS_BY_LANGUAGE: dict[str, dict[str, int]] = {
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    },
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
        "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
    },
    "de": {
        "null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
        "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
        "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
        "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
        "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
        "hundert": 100, "tausend": 1000,
    },
    "cs": {
        "jeden": 1, "jedna": 1, "dva": 2, "dvě": 2, "tři": 3, "čtyři": 4, "pět": 5, "šest": 6,
        "sedm": 7, "osm": 8, "devět": 9, "deset": 10, "jedenáct": 11, "dvanáct": 12,
        "dvacet": 20, "třicet": 30, "čtyřicet": 40, "padesát": 50, "šedesát": 60,
        "sedmdesát": 70, "osmdesát": 80, "devadesát": 90, "sto": 100, "set": 100, "sta": 100,
        "stě": 100, "tisíc": 1000,
    },
}
_UNITS: dict[str, int] = {
    word: value
    for table in _UNITS_BY_LANGUAGE.values()
    for word, value in table.items()
    if value < 100
}
_HUNDREDS: dict[str, int] = {
    "hundred": 100, "cent": 100, "cents": 100, "hundert": 100, "sto": 100, "set": 100,
    "sta": 100, "stě": 100,
}
_SCALES: dict[str, int] = {
    "thousand": 1000, "mille": 1000, "tausend": 1000, "tisíc": 1000, "tisíce": 1000,
    "million": 1_000_000, "millions": 1_000_000, "millionen": 1_000_000, "milionů": 1_000_000,
    "miliony": 1_000_000, "milion": 1_000_000, "millionen.": 1_000_000,
}
_JOINERS = {"and", "et", "und", "a", "-"}
_WORD = r"[A-Za-zÀ-ÿčďěňřšťůžČĎĚŇŘŠŤŮŽß]+"
_WORD_RUN = re.compile(rf"{_WORD}(?:(?:[\s-]+){_WORD})*")
_GERMAN_PARTS = sorted(
    [w for w in _UNITS if w not in {"ein", "eine", "null"}] + ["hundert", "tausend", "und", "ein"],
    key=len,
    reverse=True,
)


def parse_digits(written: str) -> int:
    """The value of digits with thousands separators ("1 293" -> 1293)."""
    return int(re.sub(r"\D", "", written))


def _split_german(word: str) -> list[str] | None:
    """Split a German compound numeral ("siebenundsechzig") into its parts, or None."""
    if not word:
        return []
    for part in _GERMAN_PARTS:
        if word.startswith(part):
            rest = _split_german(word[len(part):])
            if rest is not None:
                return [part, *rest]
    return None


def _tokens(words: list[str]) -> list[tuple[str, int]]:
    """Number tokens with the index of the word each came from (German compounds give several)."""
    out: list[tuple[str, int]] = []
    for index, word in enumerate(words):
        low = word.casefold()
        if low in _UNITS or low in _HUNDREDS or low in _SCALES or low in _JOINERS:
            out.append((low, index))
            continue
        parts = _split_german(low) if len(low) > 6 else None
        if parts is None:
            out.append((low, index))
            break
        out.extend((part, index) for part in _german_order(parts))
    return out


def _german_order(parts: list[str]) -> list[str]:
    """German says units before tens ("sieben und sechzig"): put the tens first."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        if i + 2 < len(parts) and parts[i + 1] == "und" and _UNITS.get(parts[i + 2], 0) >= 20:
            out.extend([parts[i + 2], parts[i]])
            i += 3
        else:
            out.append(parts[i])
            i += 1
    return out


def words_value(words: list[str]) -> tuple[int, int] | None:
    """The value of the longest leading run of number words, and how many words it used."""
    total, current, used, seen = 0, 0, 0, False
    for token, index in _tokens(words):
        if token in _UNITS:
            current += _UNITS[token] if not (token == "vingt" and current % 100 == 4) else 76
            seen = True
        elif (token in _HUNDREDS and seen) or (token in _HUNDREDS and current == 0):
            current = max(current, 1) * 100
            seen = True
        elif token in _SCALES and seen:
            total += max(current, 1) * _SCALES[token]
            current = 0
        elif token in _JOINERS and seen:
            continue
        else:
            break
        used = index + 1
    return (total + current, used) if seen else None


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _foreign(word: str, language: str | None) -> bool:
    """A number word of another language than the text's ("ten" in Czech is "that")."""
    low = word.casefold()
    table = _UNITS_BY_LANGUAGE.get(language or "")
    return table is not None and low not in table and any(
        low in other for other in _UNITS_BY_LANGUAGE.values()
    )


def replace_number_words(text: str, language: str | None = None) -> str:
    """`text` with runs of number words written as digits ("sixty-seven votes" -> "67 votes")."""
    def substitute(match: re.Match[str]) -> str:
        run = match.group(0)
        words = re.split(r"[\s-]+", run)
        parts: list[str] = []
        i = 0
        while i < len(words):
            found = words_value(words[i:])
            if (found is None or found[1] == 0 or _is_article(words[i:], found[1])
                    or _foreign(words[i], language)):
                parts.append(words[i])
                i += 1
                continue
            parts.append(str(found[0]))
            i += found[1]
        return " ".join(parts) if parts != words else run

    return _WORD_RUN.sub(substitute, _ascii_fold(text))


_ARTICLES = {"un", "une", "ein", "eine", "a", "jeden", "jedna", "set", "sto", "cent", "elf", "sept"}


def _is_article(words: list[str], used: int) -> bool:
    """A lone "un", "a", "ein", "one" is an article or pronoun more often than a number."""
    first = words[0].casefold()
    if first == "one":  # "one of the MEPs"
        return used == 1 and len(words) > 1 and words[1].casefold() in {"of", "the"}
    return used == 1 and first in _ARTICLES
