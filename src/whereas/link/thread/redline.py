"""A word-level redline between an earlier clause and the later one that derives from it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["=", "-", "+"]
_TOKENS = re.compile(r"\S+\s*")


def redline(earlier: str, later: str) -> list[tuple[Op, str]]:
    """Runs of kept ("="), deleted ("-") and inserted ("+") words, in reading order."""
    a, b = _TOKENS.findall(earlier.strip()), _TOKENS.findall(later.strip())
    matcher = SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    runs: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return runs


def redline_text(earlier: str, later: str) -> str:
    """The redline as plain text: [-deleted-] {+inserted+}."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    parts = []
    for op, text in redline(earlier, later):
        stripped = text.rstrip()
        parts.append(marks[op].format(stripped) + text[len(stripped) :])
    return "".join(parts).strip()
