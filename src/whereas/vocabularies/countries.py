"""Countries: ISO alpha-2, alpha-3 or English name -> the alpha-3 code of countries.json.

The EP writes Greece as EL and the United Kingdom as UK (its own alpha-2 exceptions); both map.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    """A country of the reference list: alpha-3 code, alpha-2 code and English labels."""

    code: str
    alpha_2: str | None
    label: str
    alt_label: str


# EU institutions' own alpha-2 codes and names the EP uses that the ISO list spells otherwise.
_ALIASES: dict[str, str] = {
    "el": "GRC",
    "uk": "GBR",
    "czech republic": "CZE",
    "the netherlands": "NLD",
    "slovak republic": "SVK",
    "republic of cyprus": "CYP",
}


def _key(label: str) -> str:
    text = unicodedata.normalize("NFKC", label).casefold().strip()
    return re.sub(r"\s+", " ", text).strip(" .,;")


@cache
def all_countries() -> tuple[Country, ...]:
    """Every country of the reference list, in its order."""
    raw = json.loads(resources.files("whereas.data").joinpath("countries.json").read_text("utf-8"))
    return tuple(Country(c["code"], c.get("iso_alpha_2"), c["label"], c["alt_label"]) for c in raw)


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in all_countries():
        for label in (country.label, country.alt_label, country.code, country.alpha_2):
            if label:
                index.setdefault(_key(label), country.code)
    index.update(_ALIASES)
    return index


def country_code(label: str) -> str | None:
    """The alpha-3 code of the country `label` names (code or English name), or None."""
    return _index().get(_key(label))


def country(code: str) -> Country | None:
    """The country with alpha-3 code `code`, or None."""
    return next((c for c in all_countries() if c.code == code), None)
