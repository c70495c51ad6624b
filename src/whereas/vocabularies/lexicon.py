"""Language packs for resolutions: formulas, verbs, actors and themes, read from data files.

One YAML file per language in whereas/data/vocabularies/languages/ (documented in
docs/vocabularies.md); adding a language is adding a file. Ids (verbs, actors, themes) are
language-independent and listed in verbs.yaml, actors.yaml and themes.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from whereas.vocabularies.scanner import TermScanner

_DATA = "whereas.data"
_FOLDER = "vocabularies"

# Formulas that are matched at the start of a clause or line (the others are searched anywhere).
_ANCHORED = {"preamble", "citation", "recital", "closing", "resolution_title", "replacing"}


@dataclass(frozen=True)
class Term:
    """One vocabulary id with the compiled pattern that finds it in a text."""

    id: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class VerbSense:
    """What a canonical verb does: whether it names addressees, and where they are."""

    addresses: bool = False
    span: str = "object"
    infinitive_only: bool = False


@dataclass(frozen=True)
class LanguagePack:
    """The formulas and vocabularies of one language, compiled."""

    language: str
    formulas: dict[str, tuple[re.Pattern[str], ...]]
    kinds: tuple[Term, ...]
    verbs: tuple[Term, ...]
    actors: tuple[Term, ...]
    themes: tuple[Term, ...]
    countries: tuple[Term, ...] = ()  # id: alpha-2 code; a name or an adjective ("Ukrainian")
    # English infinitive -> the forms that open a point under a lead-in ("de veiller à").
    infinitives: tuple[Term, ...] = ()

    @cached_property
    def verb_scanner(self) -> TermScanner:
        """The verbs, indexed by the characters they start with."""
        return TermScanner([term.pattern for term in self.verbs])

    @cached_property
    def actor_scanner(self) -> TermScanner:
        """The actors, indexed by the characters they start with."""
        return TermScanner([term.pattern for term in self.actors])

    @cached_property
    def theme_scanner(self) -> TermScanner:
        """The themes, indexed by the characters they start with."""
        return TermScanner([term.pattern for term in self.themes])

    def match(self, name: str, text: str) -> re.Match[str] | None:
        """The first pattern of formula `name` that matches `text` (anchored ones at its start)."""
        for pattern in self.formulas.get(name, ()):
            found = pattern.search(text)
            if found:
                return found
        return None


def _load_yaml(*parts: str) -> Any:
    path = resources.files(_DATA).joinpath(_FOLDER, *parts)
    return yaml.safe_load(path.read_text("utf-8"))


def _alternation(patterns: list[str], anchored: bool = False) -> tuple[re.Pattern[str], ...]:
    """Each pattern compiled on its own (named groups may repeat across patterns), longest first."""
    ordered = sorted(patterns, key=len, reverse=True)
    return tuple(re.compile(rf"^\s*(?:{p})" if anchored else p, re.I) for p in ordered)


def _caseless_initial(pattern: str) -> str:
    """Let the first letter of a case-sensitive pattern be either case ("Russian", "russian")."""
    if pattern[:1].isalpha():
        return f"[{pattern[0].upper()}{pattern[0].lower()}]{pattern[1:]}"
    return pattern


def _terms(mapping: dict[str, list[str]], flags: int = re.I, word: bool = True) -> tuple[Term, ...]:
    terms = []
    for key, patterns in mapping.items():
        if not flags & re.I:
            patterns = [_caseless_initial(p) for p in patterns]
        body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
        terms.append(Term(key, re.compile(rf"(?<!\w)(?:{body})(?!\w)" if word else body, flags)))
    return tuple(terms)


def _country_terms(raw: dict[str, Any]) -> tuple[Term, ...]:
    nouns = "|".join(raw.get("authority_nouns", []))
    shape = raw.get("authority_pattern", r"{adjective}\s+{noun}")
    terms = []
    for iso2, entry in (raw.get("countries") or {}).items():
        names = [_caseless_initial(n) for n in entry.get("names", [])]
        adjectives = "|".join(_caseless_initial(a) for a in entry.get("adjectives", []))
        forms = list(names)
        if adjectives and nouns:
            phrase = shape.replace("{adjective}", f"(?:{adjectives})")
            forms.append(phrase.replace("{noun}", f"(?:{nouns})"))
        body = "|".join(f"(?:{f})" for f in forms)
        terms.append(Term(f"authorities:{iso2}", re.compile(rf"(?<!\w)(?:{body})(?!\w)")))
    return tuple(terms)


def _country_mentions(raw: dict[str, Any]) -> tuple[Term, ...]:
    """A country named by its name or its adjective alone: what a title is about."""
    terms = []
    for iso2, entry in (raw.get("countries") or {}).items():
        forms = [
            _caseless_initial(f) for f in [*entry.get("names", []), *entry.get("adjectives", [])]
        ]
        body = "|".join(f"(?:{f})" for f in sorted(forms, key=len, reverse=True))
        if body:
            terms.append(Term(iso2, re.compile(rf"(?<!\w)(?:{body})(?!\w)")))
    return tuple(terms)


def _compile(raw: dict[str, Any]) -> LanguagePack:
    formulas = {
        name: _alternation(patterns, anchored=name in _ANCHORED)
        for name, patterns in raw.get("formulas", {}).items()
        if isinstance(patterns, list)
    }
    kinds = tuple(
        Term(kind, re.compile(rf"^\s*(?:{'|'.join(patterns)})", re.I))
        for kind, patterns in raw.get("formulas", {}).get("kind", {}).items()
    )
    actors = _terms(raw.get("actors", {}), flags=0) + _country_terms(raw)
    return LanguagePack(
        language=raw["language"],
        formulas=formulas,
        kinds=kinds,
        verbs=_terms(raw.get("verbs", {})),
        actors=actors,
        themes=_terms(raw.get("themes", {})),
        countries=_country_mentions(raw),
        infinitives=_terms(raw.get("infinitives", {})),
    )


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a pack, in file-name order."""
    folder = resources.files(_DATA).joinpath(_FOLDER, "languages")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")))


@cache
def language_pack(language: str) -> LanguagePack | None:
    """The compiled pack of `language` (an ISO 639-1 code), or None when there is none."""
    if language not in languages():
        return None
    return _compile(_load_yaml("languages", f"{language}.yaml"))


@cache
def verb_senses() -> dict[str, VerbSense]:
    """Every canonical verb with what it does (from verbs.yaml)."""
    raw: dict[str, dict[str, Any]] = _load_yaml("verbs.yaml")
    return {verb: VerbSense(**(sense or {})) for verb, sense in raw.items()}


@cache
def actor_ids() -> dict[str, str]:
    """The documented actor ids with their description (from actors.yaml)."""
    return dict(_load_yaml("actors.yaml"))


@cache
def theme_ids() -> dict[str, str]:
    """The documented theme ids with their description (from themes.yaml)."""
    return dict(_load_yaml("themes.yaml"))
