"""EP references in a resolution header: replaced motions, own reference, sittings, text adopted."""

from __future__ import annotations

import re
from datetime import date

from whereas.vocabularies.groups import group_code
from whereas.vocabularies.rules_of_procedure import term_on

PROCEDURE = re.compile(r"\b\d{4}/\d{4}\([A-Z]{3}\)")
_MOTION = re.compile(r"\b(B\d{1,2}-\d{4}/\d{4})\s*\(([^)\n]{1,30})\)")
_REFERENCE = re.compile(r"\b(?:RC-)?B(\d{1,2})-\d{4}/\d{4}\b")
_TEXT_ADOPTED = re.compile(r"\bP(\d{1,2})_TA\((\d{4})\)(\d{4})\b")
_SITTING = re.compile(r"\b(PV|CRE) (\d{2})/(\d{2})/(\d{4})(?: - (\d+(?:\.\d+)*))?")


def term_of(text: str, day: date | None) -> int | None:
    """The parliamentary term: from the first B/RC/TA reference of `text`, else from the date."""
    found = _REFERENCE.search(text) or _TEXT_ADOPTED.search(text)
    if found:
        return int(found.group(1))
    return term_on(day) if day else None


def replaced_motions(text: str, day: date | None, header: dict[str, str | list[str]]) -> int:
    """Record the motions a joint motion replaces and their groups; the offset after the last."""
    found = list(_MOTION.finditer(text))
    if not found:
        return 0
    header["replaced_motions"] = [m.group(1) for m in found]
    header["replaced_motion_groups"] = [group_code(m.group(2), on=day) or "" for m in found]
    return found[-1].end()


def sitting_entries(text: str, term: int | None) -> dict[str, str | list[str]]:
    """The minutes (PV) and verbatim report (CRE) items of the sitting that voted the text."""
    entries: dict[str, str | list[str]] = {}
    for found in _SITTING.finditer(text):
        kind, day, month, year, item = found.groups()
        name = "minutes" if kind == "PV" else "debate"
        if name in entries:
            continue
        prefix = f"{kind}-{term}-" if term else f"{kind}-"
        entries[name] = f"{prefix}{year}-{month}-{day}"
        if item:
            entries[f"{name}_item"] = item
        if kind == "PV":
            entries["vote_date"] = f"{year}-{month}-{day}"
    return entries


def text_adopted_of(text: str) -> dict[str, str | list[str]]:
    """The text adopted the page links to ("Texts adopted: P10_TA(2025)0096")."""
    found = _TEXT_ADOPTED.search(text)
    return {"text_adopted": found.group(0)} if found else {}


def own_reference(text: str, header: dict[str, str | list[str]]) -> str | None:
    """The document's own reference: the first B or RC-B reference that is not a replaced motion."""
    replaced = header.get("replaced_motions", [])
    for found in _REFERENCE.finditer(text):
        if found.group(0) not in replaced:
            return found.group(0)
    return None
