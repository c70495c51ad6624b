"""Rules of Procedure across terms: the rule numbers of urgency and statement resolutions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

import yaml

ResolutionType = Literal["urgency", "statement", "other"]


@dataclass(frozen=True)
class TermRules:
    """The urgency and statement rule numbers in force during one parliamentary term."""

    term: int
    start: date
    urgency: tuple[int, ...]
    statement: tuple[int, ...]


@cache
def term_rules() -> tuple[TermRules, ...]:
    """The rule numbers of each term, oldest first (from rules_of_procedure.yaml)."""
    path = resources.files("whereas.data").joinpath("vocabularies", "rules_of_procedure.yaml")
    raw = yaml.safe_load(path.read_text("utf-8"))
    return tuple(
        TermRules(t["term"], t["start"], tuple(t["urgency"]), tuple(t["statement"]))
        for t in raw["terms"]
    )


def term_on(day: date) -> int | None:
    """The term a date falls in, among the terms the table knows."""
    found = None
    for rules in term_rules():
        if day >= rules.start:
            found = rules.term
    return found


def classify_rules(rules: list[int], term: int | None) -> ResolutionType:
    """Urgency, statement or other, from the rule numbers of a legal basis (first rule decides)."""
    if not rules:
        return "other"
    known = [r for r in term_rules() if term is None or r.term == term]
    for number in rules:
        if any(number in r.urgency for r in known):
            return "urgency"
        if any(number in r.statement for r in known):
            return "statement"
    return "other"
