"""What an entry is about, for filters and facets: countries, groups, verbs, addressees, themes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from whereas.vocabularies.countries import country, country_code
from whereas.vocabularies.lexicon import language_pack

AUTHORITIES = "authorities:"
DOCUMENT_PASSAGE_CHARS = 1500  # a document's vector is of its title and the start of its body


class TitledText(Protocol):
    """A document as labels read it: a stored row, or its values before it is stored."""

    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...


class AddressingClause(Protocol):
    """A clause as labels read it: a stored row, or a parsed clause."""

    @property
    def addressees(self) -> Sequence[Any] | None: ...


def encode(values: Iterable[str]) -> str | None:
    """Values as one column: "|a|b|" (sorted, distinct), None when there are none."""
    kept = sorted({v for v in values if v and "|" not in v})
    return "|" + "|".join(kept) + "|" if kept else None


def decode(column: str | None) -> list[str]:
    """The values of an encoded column."""
    return [v for v in (column or "").split("|") if v]


def title_countries(title: str | None, language: str | None) -> set[str]:
    """Alpha-2 codes (lower case) of the countries a title names, in its language or English."""
    if not title:
        return set()
    found: set[str] = set()
    for lang in dict.fromkeys([language or "en", "en"]):
        pack = language_pack(lang)
        for term in pack.actors if pack is not None else ():
            if term.id.startswith(AUTHORITIES) and term.pattern.search(title):
                found.add(term.id.removeprefix(AUTHORITIES))
    return found


def addressed_countries(addressees: Iterable[str]) -> set[str]:
    """Alpha-2 codes of the authorities among clause addressees ("authorities:kz")."""
    return {a.removeprefix(AUTHORITIES) for a in addressees if a.startswith(AUTHORITIES)}


def country_key(name: str) -> str:
    """A country as typed (kz, KAZ, Kazakhstan) as the index holds it: alpha-2, lower case."""
    code = country_code(name)
    found = country(code) if code else None
    if found is not None and found.alpha_2:
        return found.alpha_2.lower()
    return name.strip().lower()


def document_countries(document: TitledText, clauses: Sequence[AddressingClause]) -> set[str]:
    """What a document is about: countries of its title and authorities its clauses address."""
    found = title_countries(document.title, document.language)
    for clause in clauses:
        found |= addressed_countries(str(a) for a in clause.addressees or [])
    return found


def document_passage(document: TitledText) -> str:
    """The text a document entry's vector is made of: its title and the start of its body."""
    body = (document.body or "")[:DOCUMENT_PASSAGE_CHARS]
    return f"{document.title}\n{body}" if document.title else body
