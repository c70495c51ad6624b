"""Authors of a tabled text: names listed before "on behalf of the X Group", by group.

Readers keep or flatten the line breaks of the header ("Inese Vaidere on behalf of the PPE Group
Yannis Maniatis, ..."), so the names are cut by the group formula, not by lines. Names listed
after the last group formula tabled the text in their own name: their group is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from whereas.parse.records import Author
from whereas.vocabularies.groups import group_code
from whereas.vocabularies.lexicon import LanguagePack

_NAME = re.compile(r"^[^\W\d_][\w'’.\- ]*$")
# "Tabled by A. Person", "déposée par A. Person", "by A. Person,": what some pages and copies
# print before the first name.
_TABLED_BY = re.compile(
    r"^(?:tabled by|by|déposée? par|par|eingereicht von|von|presentada por)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class GroupMark:
    """One "on behalf of the X Group" in the header: where it is and the group code."""

    start: int
    end: int
    code: str | None


def _group_of(label: str, on: date | None) -> tuple[str | None, int]:
    """The group code of the longest leading run of words that names a group, and its length."""
    words = label.split(" ")
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count])
        code = group_code(candidate, on=on)
        if code:
            return code, len(candidate)
    return None, len(label)


def group_marks(text: str, pack: LanguagePack, on: date | None) -> list[GroupMark]:
    """Every "on behalf of" formula of `text`, with the group it names."""
    marks = []
    for pattern in pack.formulas.get("on_behalf", ()):
        for found in pattern.finditer(text):
            label = found.group("group").strip()
            code, used = _group_of(label, on)
            # A formula without a closing word ("au nom du groupe PPE") may run into the names.
            end = found.start("group") + used if found.end("group") == found.end() else found.end()
            marks.append(GroupMark(found.start(), end, code))
    return sorted(marks, key=lambda m: m.start)


def names_in(chunk: str) -> list[str]:
    """The personal names of a comma-separated chunk (other text is left out)."""
    names = []
    for part in chunk.replace("\n", " ").split(","):
        name = _TABLED_BY.sub("", " ".join(part.split()))
        if name and _NAME.match(name) and name[0].isupper() and len(name.split()) <= 6:
            names.append(name)
    return names


def authors_in(text: str, pack: LanguagePack, on: date | None) -> tuple[list[Author], list[str]]:
    """The authors of an author region of a header, and warnings (unknown groups)."""
    authors: list[Author] = []
    warnings: list[str] = []
    cursor = 0
    for mark in group_marks(text, pack, on):
        if mark.code is None:
            warnings.append(f"unknown group in {text[mark.start : mark.end]!r}")
        authors.extend(Author(name, mark.code) for name in names_in(text[cursor : mark.start]))
        cursor = mark.end
    authors.extend(Author(name, None) for name in names_in(text[cursor:]))
    return authors, warnings


def groups_of(authors: list[Author]) -> list[str]:
    """The codes of the groups that tabled the text, in the order they are listed."""
    return list(dict.fromkeys(a.group for a in authors if a.group))
