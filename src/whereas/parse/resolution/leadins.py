"""Points under a lead-in: their verbs are infinitives, their addressees the lead-in's.

Recommendations put Parliament's verb and its addressees in a lead-in ("1. Addresses the
following recommendations to the Council, the Commission and the VP/HR:") and what is asked in
its points ("(a) to ensure ...;", "(b) to step up ..."); "Calls on the Commission to:" is read
the same way. A point's verbs are the English infinitives it opens with ("to ensure" ->
"ensure"), and its addressees are those of its lead-in.
"""

from __future__ import annotations

import re

from whereas.parse.records import Clause
from whereas.vocabularies.lexicon import LanguagePack, verb_senses

# An English infinitive opens the point: "to ensure", "to step up", "to continue to support".
_ENGLISH = re.compile(
    r"^(?:and\s+|or\s+)?to\s+(?:(?:also|further|urgently|swiftly|immediately|fully|actively|"
    r"continue\s+to|jointly)\s+)*(?P<verb>[a-z]+(?:\s+(?:up|out|forward|down))?)\b"
)
# Words after "to" that are not verbs ("to this end", "to that effect").
_NOT_VERBS = frozenset({"this", "that", "the", "a", "an", "its", "their", "all", "be", "which"})


def _is_lead_in(paragraph: Clause) -> bool:
    """A paragraph that ends with a colon after a verb that names addressees."""
    senses = verb_senses()
    return paragraph.text.rstrip().endswith(":") and any(
        senses[verb].addresses for verb in paragraph.verbs if verb in senses
    )


def infinitives_of(text: str, pack: LanguagePack) -> list[str]:
    """The verbs a point opens with: the pack's infinitives, else an English "to ..."."""
    text = text.lstrip(" –—-")
    for term in pack.infinitives:
        if term.pattern.match(text):
            return [term.id]
    if pack.language == "en":
        found = _ENGLISH.match(text)
        if found and found["verb"].split()[0] not in _NOT_VERBS:
            return [" ".join(found["verb"].split())]
    return []


def complete_points(clauses: list[Clause], pack: LanguagePack) -> None:
    """Give the points of each lead-in paragraph their infinitives and its addressees."""
    by_position = {clause.position: clause for clause in clauses}
    for clause in clauses:
        parent = by_position.get(clause.parent) if clause.parent is not None else None
        if clause.kind != "point" or parent is None or parent.kind != "paragraph":
            continue
        if clause.verbs or not _is_lead_in(parent):
            continue
        clause.verbs = infinitives_of(clause.text, pack)
        if clause.verbs:
            clause.addressees = list(parent.addressees)
