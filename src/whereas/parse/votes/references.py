"""References in vote records, in their human form (RC-B9-0065/2022, B9-0229/2020, A9-0163/2024).

Recognition knows the EP's resolution identifiers; vote lists also name Council and Commission
documents (C10-0062/2025), which keep their own form with the dash made plain.
"""

from __future__ import annotations

import re

from whereas.recognize.references import normalise_reference

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
_OTHER = re.compile(r"^(?P<series>C)(?P<term>\d{1,2})-(?P<num>\d{4})/(?P<year>\d{4})$")
_LEADING = re.compile(r"^\s*(?P<ref>(?:RC-)?[A-Z]\d{1,2}\s*[-\u2010-\u2014\u2212]\s*\d{3,4}/\d{4})")


def human_reference(text: str) -> str | None:
    """The human form of one document reference written in any form, or None when it is none."""
    plain = _DASHES.sub("-", text.strip())
    reference = normalise_reference(plain)
    if reference is not None and reference.kind != "procedure":
        return reference.value
    other = _OTHER.match(plain)
    return plain if other else None


def procedure_reference(text: str) -> str | None:
    """The procedure ("2022/2505(RSP)") a text or a Legislative Observatory link names, or None."""
    reference = normalise_reference(text.strip())
    return reference.value if reference is not None and reference.kind == "procedure" else None


def leading_reference(text: str) -> tuple[str | None, str]:
    """The reference a vote description starts with, and the rest of the description."""
    match = _LEADING.match(text)
    if match is None:
        return None, text.strip()
    rest = text[match.end() :].strip()
    rest = re.sub(r"^[-\u2010-\u2014\u2212]\s*", "", rest)
    return human_reference(match["ref"].replace(" ", "")), rest
