"""Quantities a source states ("around 20 000 children deported"), with what they count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.parse.records import Fact
from whereas.parse.secondary.dates import find_dates
from whereas.parse.secondary.numbers import replace_number_words
from whereas.parse.secondary.sentences import Sentence

_I = re.IGNORECASE
_QUANTITY = re.compile(
    r"(?<![\w.,/:-])(?P<number>\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?)"
    r"(?![\d/:-])(?:\s*(?P<scale>millions?|millionen|milionů|miliony|milion|billions?|milliards?|"
    r"miliard\w*|thousand|tisíc\w*))?"
    r"(?P<percent>\s*(?:%|per ?cent|pour ?cent|prozent|procent\w*))?",
    _I,
)
_SCALES = {"thousand": 1e3, "tis": 1e3, "mil": 1e6, "bil": 1e9}
_APPROX: dict[str, str] = {
    "around": "around", "about": "around", "approximately": "around", "some": "around",
    "roughly": "around", "an estimated": "around", "nearly": "nearly", "almost": "nearly",
    "close to": "close to", "at least": "at least", "more than": "more than", "over": "more than",
    "up to": "up to", "fewer than": "less than", "less than": "less than", "only": "only",
    "environ": "around", "quelque": "around", "près de": "close to", "presque": "nearly",
    "au moins": "at least", "plus de": "more than", "moins de": "less than",
    "jusqu'à": "up to", "seulement": "only", "etwa": "around", "rund": "around",
    "ungefähr": "around", "fast": "nearly", "beinahe": "nearly", "mindestens": "at least",
    "mehr als": "more than", "über": "more than", "weniger als": "less than", "bis zu": "up to",
    "nur": "only", "nejméně": "at least", "alespoň": "at least", "minimálně": "at least",
    "téměř": "nearly", "skoro": "nearly", "přibližně": "around", "asi": "around",
    "zhruba": "around", "kolem": "around", "okolo": "around", "více než": "more than",
    "přes": "more than", "až": "up to", "jen": "only", "pouze": "only",
}
_APPROX_BEFORE = re.compile(
    r"(?:^|\W)(?P<approx>" + "|".join(sorted(map(re.escape, _APPROX), key=len, reverse=True))
    + r")\s+$", _I,
)
_STOP = {
    "is", "are", "was", "were", "have", "has", "had", "been", "who", "which", "that", "in", "on",
    "at", "to", "for", "from", "with", "and", "or", "by", "et", "ou", "und", "oder", "a", "i",
    "je", "jsou", "byl", "byla", "byli", "byly", "bylo", "se", "v", "na", "z", "ve", "qui", "que",
    "dans", "sur", "à", "pour", "avec", "ont", "sont", "ist", "sind", "haben", "hat", "auf",
    "mit", "whose", "including", "dont", "als", "than", "ago", "since",
}
_NOT_COUNTS = re.compile(
    r"^(?:years?|ans?|jahre\w*|let|roků|months?|mois|monate?|days?|jours?|tage?|dnů|dny|"
    r"hours?|heures?|stunden?|minutes?|votes?|voix|stimmen|hlas\w*|abst\w*|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|ledna|února|"
    r"března|dubna|května|června|července|srpna|září|října|listopadu|prosince)$", _I,
)
_BEFORE_NOT_COUNT = re.compile(
    r"(?:rule|article|paragraph|point|recital|amendment|no\.?|nr\.?|n°|§|article|artikel|"
    r"článek|odstavec|bod|phone|tel\.?|number:?|ref\.:?|page|\+)\s*$", _I
)


@dataclass(frozen=True)
class FactFinding:
    """Facts found, and warnings for quantities that make no sense."""

    facts: list[Fact]
    warnings: list[str]


def _value(match: re.Match[str]) -> float:
    number = match.group("number")
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+", number):
        value = float(re.sub(r"\D", "", number))
    else:
        value = float(number.replace(",", "."))
    scale = (match.group("scale") or "").casefold()
    return value * next((v for k, v in _SCALES.items() if scale.startswith(k)), 1.0)


def _what(text: str, percent: bool) -> str | None:
    """The words after a number that say what it counts ("Ukrainian children")."""
    kept: list[str] = []
    for word in re.findall(r"[\w'’%-]+|[^\w\s]", text)[:4]:
        lower = word.casefold()
        if not re.match(r"\w", word) or (lower in _STOP and not (kept and lower in {"of", "de"})):
            break
        if lower in {"of", "de"} and not kept and not percent:
            break
        kept.append(word)
    if kept and kept[-1].casefold() in {"of", "de"}:
        kept.pop()
    what = " ".join(kept)
    if percent:
        return f"% {what}".strip()
    return what or None


def _skipped(text: str, match: re.Match[str], date_spans: list[tuple[int, int]]) -> bool:
    start, end = match.span("number")
    if any(s <= start < e for s, e in date_spans) or _BEFORE_NOT_COUNT.search(text[:start]):
        return True
    if re.match(r"\.\s*[a-zà-ž]", text[end:end + 3]):  # Czech and German ordinals: "155. místě"
        return True
    value = match.group("number")
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100


def facts_in_sentence(sentence: Sentence, language: str | None = None) -> FactFinding:
    """The quantities one sentence states."""
    text = replace_number_words(sentence.text, language)
    dates = [(d.start, d.end) for d in find_dates(text, 2000)]
    facts: list[Fact] = []
    warnings: list[str] = []
    for m in _QUANTITY.finditer(text):
        if _skipped(text, m, dates):
            continue
        percent = bool(m.group("percent"))
        what = _what(text[m.end():], percent)
        if what is None or _NOT_COUNTS.match(what.split()[0]):
            continue
        value = _value(m)
        if percent and value > 100:
            warnings.append(f"a share over 100%: {sentence.text!r}")
            continue
        approx = _APPROX_BEFORE.search(text[:m.start()])
        approximation = _APPROX[approx.group("approx").casefold()] if approx else None
        facts.append(
            Fact(value, what, approximation, sentence.text, (sentence.start, sentence.end))
        )
    return FactFinding(facts, warnings)
