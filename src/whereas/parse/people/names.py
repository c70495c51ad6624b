"""MEP names as sources write them: "Mika AALTOLA", "AALTOLA Mika", given + family, lossy copies."""

from __future__ import annotations

import re

LOSSY_NAME = "lossy_name"
# A "?" between letters (or ending a word after one) stands for a letter the file's code page
# could not hold ("Kate?ina", "Kone?ná"): the name is kept, matching must not trust it.
_LOST_LETTER = re.compile(r"\w\?|\?\w")


def full_name(given: str | None, family: str | None) -> str:
    """Given and family names joined, whitespace squashed."""
    return squash(f"{given or ''} {family or ''}")


def squash(text: str) -> str:
    """Whitespace runs made one space, ends stripped."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def is_lossy(name: str) -> bool:
    """Whether letters of the name were replaced by "?" on the way."""
    return bool(_LOST_LETTER.search(name))


def name_flags(name: str) -> list[str]:
    """The flags a name earns (lossy)."""
    return [LOSSY_NAME] if is_lossy(name) else []
