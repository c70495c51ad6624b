"""What a correction may hold, kind of value by kind of value."""

from __future__ import annotations

from typing import Any

from whereas.errors import InvalidDecision

CLAUSE_KINDS = ("citation", "recital", "paragraph", "point")
DOCUMENT_KINDS = (
    "motion",
    "joint_motion",
    "text_adopted",
    "report",
    "amendments",
    "procedure_file",
    "procedure_summary",
    "vote_results",
    "roll_call",
    "sitting",
    "minutes",
    "debate",
    "people",
    "press_release",
    "news",
    "statement",
    "dataset",
    "other",
)
_LIST_KINDS = (
    "link:reports_on",
    "classification:verbs",
    "classification:addressees",
    "classification:themes",
    "split",
)


def check_correction(kind: str, value: Any) -> Any:
    """The correction, checked for the kind of value, else InvalidDecision saying what is wanted."""
    if kind in _LIST_KINDS:
        return _strings(kind, value)
    if kind == "classification:kind":
        return _one_of(kind, value, DOCUMENT_KINDS)
    if kind == "classification:clause_kind":
        return _one_of(kind, value, CLAUSE_KINDS)
    if kind == "person":
        if value is None or (isinstance(value, str) and value.strip()):
            return value.strip() if isinstance(value, str) else None
        raise InvalidDecision("a person correction is an MEP id (or null: nobody)")
    if kind.startswith("link:"):
        if isinstance(value, str) and value.strip():
            return value.strip()
        raise InvalidDecision(f"a {kind} correction is a label")
    raise InvalidDecision(f"values of kind {kind} cannot be corrected")


def _strings(kind: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidDecision(f"a {kind} correction is a list of strings")
    cleaned = [v.strip() for v in value if v.strip()]
    if kind == "split" and not cleaned:
        raise InvalidDecision("a split correction gives the clause's text, one string per clause")
    return cleaned if kind == "split" else sorted(dict.fromkeys(cleaned))


def _one_of(kind: str, value: Any, allowed: tuple[str, ...]) -> str:
    if isinstance(value, str) and value.strip() in allowed:
        return value.strip()
    raise InvalidDecision(f"a {kind} correction is one of: {', '.join(allowed)}")


def parse_value_text(text: str) -> Any:
    """A correction typed by a person: JSON, else a bare label or a comma-separated list."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text.strip()
