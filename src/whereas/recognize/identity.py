"""A document's own reference and procedure, chosen among the identifiers it carries."""

from __future__ import annotations

from whereas.read.document import ReadDocument
from whereas.recognize.recognition import DocumentKind, Reference, ReferenceKind
from whereas.recognize.references import (
    complete_procedure,
    find_references,
    is_complete_procedure,
    unique_values,
)
from whereas.recognize.structured import StructuredFacts

# The kind of identifier that names a document of each kind.
OWN_REFERENCE_KIND: dict[DocumentKind, ReferenceKind] = {
    "motion": "motion", "joint_motion": "joint_motion", "text_adopted": "text_adopted",
    "report": "report", "amendments": "joint_motion", "procedure_file": "procedure",
    "procedure_summary": "procedure", "press_release": "press_release", "minutes": "minutes",
    "debate": "debate", "sitting": "sitting", "roll_call": "minutes", "vote_results": "minutes",
}
# Kinds that belong to one procedure; secondary sources report on procedures (the link stage).
PROCEDURAL_KINDS: frozenset[DocumentKind] = frozenset({
    "motion", "joint_motion", "text_adopted", "report", "amendments", "procedure_file",
    "procedure_summary",
})
SELF_DESCRIBING_METADATA = ("og:url", "canonical", "og:title", "title")


def _from_metadata(doc: ReadDocument, ref_kind: ReferenceKind) -> str | None:
    for key in SELF_DESCRIBING_METADATA:
        for ref in find_references(doc.metadata.get(key, "")):
            if ref.kind == ref_kind:
                return ref.value
    return None


def own_reference(
    doc: ReadDocument, kind: DocumentKind, facts: StructuredFacts | None,
    references: list[Reference],
) -> str | None:
    """The identifier of the document itself: stated by its structure, its URL, or first named."""
    if facts is not None and facts.reference:
        return facts.reference
    ref_kind = OWN_REFERENCE_KIND.get(kind)
    if ref_kind is None:
        return None
    found = _from_metadata(doc, ref_kind)
    if found is not None:
        return found
    values = unique_values(references, ref_kind)
    if ref_kind == "procedure":
        values = [v for v in values if is_complete_procedure(v)] or values
    if kind == "press_release" and len(values) > 1:
        return _press_reference(doc.text, values)
    return values[0] if values else None


def _press_reference(text: str, values: list[str]) -> str:
    """The IPR number after "Ref.:" (the page's own), not those of related press releases."""
    marker = text.rfind("Ref.:")
    if marker >= 0:
        for ref in find_references(text[marker : marker + 80]):
            if ref.kind == "press_release":
                return ref.value
    return values[0]


def own_procedure(
    kind: DocumentKind, facts: StructuredFacts | None, references: list[Reference]
) -> str | None:
    """The procedure the document belongs to, in its typed form when the document states it."""
    candidate = facts.procedure if facts is not None else None
    procedures = unique_values(references, "procedure")
    if candidate is None and kind in PROCEDURAL_KINDS and procedures:
        complete = [p for p in procedures if is_complete_procedure(p)]
        candidate = (complete or procedures)[0]
    elif candidate is None and kind == "dataset":
        distinct = {complete_procedure(p, references) for p in procedures}
        candidate = distinct.pop() if len(distinct) == 1 else None
    return complete_procedure(candidate, references) if candidate else None
