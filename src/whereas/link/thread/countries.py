"""Which countries a resolution is about: its title, and the authorities its clauses address."""

from __future__ import annotations

from collections.abc import Iterable

from whereas.vocabularies.countries import country, country_code
from whereas.vocabularies.lexicon import language_pack

_AUTHORITIES = "authorities:"


def countries_in_title(title: str | None, language: str | None) -> set[str]:
    """Alpha-2 codes (lower case) of the countries a title names."""
    if not title:
        return set()
    found: set[str] = set()
    for lang in dict.fromkeys([language or "en", "en"]):
        pack = language_pack(lang)
        if pack is None:
            continue
        # "on the return of Ukrainian children ... deported by Russia" is about both countries.
        found.update(term.id for term in pack.countries if term.pattern.search(title))
    return found


def countries_addressed(addressees: Iterable[str]) -> set[str]:
    """Alpha-2 codes of the authorities among clause addressees."""
    return {a.removeprefix(_AUTHORITIES) for a in addressees if a.startswith(_AUTHORITIES)}


def country_key(name: str) -> str | None:
    """The lower-case alpha-2 code of a country named by code or English name."""
    code = country_code(name)
    found = country(code) if code else None
    if found is None or not found.alpha_2:
        return None
    return found.alpha_2.lower()
