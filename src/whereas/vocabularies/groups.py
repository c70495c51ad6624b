"""EP political groups: any label, acronym or ODP id -> the group code of reference/groups.json.

Codes are chosen by date: "GUE/NGL" is GUE_NGL_1995_0 before 2021 and GUE_NGL from 2021 on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources


@dataclass(frozen=True)
class Group:
    """A political group of the European Parliament over the period it existed."""

    code: str
    label: str
    start: date | None
    end: date | None

    def active_on(self, day: date) -> bool:
        """Whether the group existed on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


# Acronyms and labels the EP and the groups use in documents, in the languages we parse; each
# maps to the codes it can mean, the date decides between them.
_ALIASES: dict[str, tuple[str, ...]] = {
    "ppe": ("EPP",),
    "epp": ("EPP",),
    "ppe-de": ("PPE_DE",),
    "evp": ("EPP",),
    "s&d": ("SD",),
    "s-d": ("SD",),
    "sd": ("SD",),
    "pse": ("PSE",),
    "renew": ("RENEW",),
    "re": ("RENEW",),
    "renew europe": ("RENEW",),
    "alde": ("ALDE",),
    "verts/ale": ("GREEN_EFA",),
    "verts-ale": ("GREEN_EFA",),
    "the-left": ("GUE_NGL",),
    "greens/efa": ("GREEN_EFA",),
    "grüne/efa": ("GREEN_EFA",),
    "greens": ("GREEN_EFA",),
    "greens-efa": ("GREEN_EFA",),
    "verts": ("GREEN_EFA",),
    "ecr": ("ECR",),
    "id": ("ID",),
    "enf": ("ENF",),
    "efdd": ("EFDD",),
    "efd": ("EFD",),
    "gue/ngl": ("GUE_NGL", "GUE_NGL_1995_0"),
    "gue-ngl": ("GUE_NGL", "GUE_NGL_1995_0"),
    "the left": ("GUE_NGL",),
    "left": ("GUE_NGL",),
    "la gauche": ("GUE_NGL",),
    "die linke": ("GUE_NGL",),
    "ni": ("NI",),
    "na": ("NI",),
    "non-attached": ("NI",),
    "non-inscrits": ("NI",),
    "fraktionslos": ("NI",),
    "non-attached members": ("NI",),
    "pfe": ("PFE",),
    "patriots": ("PFE",),
    "patriots for europe": ("PFE",),
    "esn": ("ESN",),
    "europe of sovereign nations": ("ESN",),
    # Full names as MEP pages print them ("Group of the ..." is stripped by _key).
    "european people's party (christian democrats)": ("EPP", "EPP_2009_0"),
    "european people’s party (christian democrats)": ("EPP", "EPP_2009_0"),
}


_SPACES = re.compile(r"\s+")
_LEADING_WORDS = re.compile(r"^(the |group of the |groupe |fraktion der )")
_TRAILING_WORD = re.compile(r"( group| groupe| fraktion)$")
_ODP_GROUP = re.compile(r"org/([A-Za-z_\-/&]+)$")


def _key(label: str) -> str:
    text = unicodedata.normalize("NFKC", label).casefold().strip()
    text = _SPACES.sub(" ", text)
    text = _LEADING_WORDS.sub("", text)
    text = _TRAILING_WORD.sub("", text)
    return text.strip(" .,;")


def _parse_date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


@cache
def all_groups() -> tuple[Group, ...]:
    """Every group of the reference list, in its order."""
    raw = json.loads(resources.files("whereas.data").joinpath("groups.json").read_text("utf-8"))
    return tuple(
        Group(
            g["code"], g["label"], _parse_date(g.get("start_date")), _parse_date(g.get("end_date"))
        )
        for g in raw
    )


@cache
def _label_index() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("whereas.data").joinpath("groups.json").read_text("utf-8"))
    index: dict[str, list[str]] = {}
    for g in raw:
        labels = [g["code"], g["label"], g.get("official_label") or "", g.get("short_label") or ""]
        for label in [*labels, *g.get("alt_labels", [])]:
            if label:
                index.setdefault(_key(label), []).append(g["code"])
    for alias, codes in _ALIASES.items():
        index[_key(alias)] = list(codes)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@lru_cache(maxsize=8192)  # vote tables name the same groups on every row
def group_code(label: str, on: date | None = None) -> str | None:
    """The code of the group `label` names (acronym, label, ODP id), or None when unknown.

    When a label names several groups over time, `on` picks the one active that day; without
    a date the most recent one wins.
    """
    text = label.strip()
    odp = _ODP_GROUP.search(text)
    if odp:
        text = odp.group(1)
    codes = _label_index().get(_key(text))
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0]
    groups = {g.code: g for g in all_groups()}
    known = [groups[c] for c in codes if c in groups]
    if on is not None:
        active = [g for g in known if g.active_on(on)]
        if active:
            return active[0].code
    latest = max(known, key=lambda g: g.start or date.min, default=None)
    return latest.code if latest else codes[0]
