"""Warnings about the clauses read: out of order, unexpected labels, a text cut short."""

from __future__ import annotations

from whereas.parse.records import Clause
from whereas.parse.resolution.labels import next_label

_RANK = {"citation": 0, "recital": 1, "paragraph": 2}


def _name(clause: Clause) -> str:
    where = clause.label if clause.label else f"at {clause.position}"
    return f"{clause.kind} {where}"


def order_warnings(clauses: list[Clause]) -> list[str]:
    """Clauses of an earlier part after a later one (a recital after a paragraph...)."""
    warnings = []
    highest = 0
    for clause in clauses:
        rank = _RANK.get(clause.kind)
        if rank is None:
            continue
        if rank < highest:
            part = _part(highest)
            warnings.append(f"{_name(clause)} comes after the {part}: clauses out of order")
        highest = max(highest, rank)
    return warnings


def _part(rank: int) -> str:
    return {0: "citations", 1: "recitals", 2: "operative paragraphs"}[rank]


def label_warnings(clauses: list[Clause]) -> list[str]:
    """Labels that do not follow each other (A then C, 3 then 2) or that repeat."""
    warnings = []
    previous: dict[tuple[str, int | None, tuple[bool, bool]], str] = {}
    for clause in clauses:
        if clause.label is None or clause.kind == "citation":
            continue
        # "(a)", "a)" and "i" are series of their own (a point's points are numbered "i", "ii").
        style = (clause.label[:1] == "(", clause.label[-1:] == ")")
        key = (clause.kind, clause.parent if clause.kind == "point" else None, style)
        before = previous.get(key)
        if before is not None and next_label(before) not in (None, clause.label):
            warnings.append(f"{clause.kind} {clause.label} follows {clause.kind} {before}")
        previous[key] = clause.label
    if any(c.kind == "recital" and (c.label or "").isdigit() for c in clauses):
        warnings.append("recitals numbered, not lettered (a copied list?)")
    return warnings


def completeness_warnings(clauses: list[Clause], closing: bool) -> list[str]:
    """A last clause that stops mid-sentence, or a resolution without its closing paragraph."""
    if not clauses:
        return []
    warnings = []
    last = clauses[-1]
    if not last.text.rstrip(" )\"'’”»").endswith((".", ";", ":", "!", "?", ",", "·", "\u0387")):
        warnings.append(f"the text stops in the middle of {_name(last)}: cut short?")
    if any(c.kind == "paragraph" for c in clauses) and not closing:
        warnings.append("no closing paragraph (instructs its President...): the text may be cut")
    return warnings
