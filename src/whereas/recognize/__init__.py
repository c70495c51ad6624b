"""The recognize stage: what a read document is (kind, identifiers, language, date, title).

Decisions: a roll-call (RCV) or results-of-votes (VOT) file is named by the minutes of its
sitting ("PV-10-2025-05-08"; the annex stays in Reference.written); an ELI procedure
("eli/dl/proc/2022-2505") takes its type from the same document when stated there, else stays
"2022/2505" with a warning and lower confidence (never guessed); only documents of a procedure
(and a dataset naming exactly one) get `procedure`: what a press release or news item reports on
is for the link stage.
"""

from __future__ import annotations

from dataclasses import replace

from whereas.read.document import ReadDocument
from whereas.recognize.dating import UNDATED_KINDS, document_date
from whereas.recognize.identity import own_procedure, own_reference
from whereas.recognize.kind import KindGuess, classify_text, kind_from_name
from whereas.recognize.language import document_language
from whereas.recognize.markup import references_in_markup
from whereas.recognize.recognition import (
    DOCUMENT_KINDS,
    DocumentKind,
    Recognition,
    Reference,
    ReferenceKind,
)
from whereas.recognize.references import (
    complete_procedure,
    find_references,
    is_complete_procedure,
    normalise_reference,
)
from whereas.recognize.structured import StructuredFacts, recognise_json, recognise_xml
from whereas.recognize.titles import document_publisher, document_title

__all__ = [
    "DOCUMENT_KINDS", "DocumentKind", "Recognition", "Reference", "ReferenceKind",
    "find_references", "normalise_reference", "recognize",
]

# Identifiers are searched in the whole text (a linear regex scan); this bounds pathological input.
MAX_REFERENCE_TEXT = 5_000_000
NAME_HINT_CONFIDENCE = 0.35
UNSURE_LANGUAGE = 0.5


def _structure(doc: ReadDocument) -> StructuredFacts | None:
    if doc.format == "json":
        return recognise_json(doc.data)
    if doc.format == "xml" and doc.tree is not None:
        return recognise_xml(doc.tree)
    if doc.format == "csv":
        return StructuredFacts("dataset", 0.9, clues=["CSV table"])
    return None


def _has_front_matter(doc: ReadDocument) -> bool:
    return doc.format == "markdown" and bool(doc.metadata)


def _kind(doc: ReadDocument, facts: StructuredFacts | None, name: str | None) -> KindGuess:
    guess = (
        KindGuess(facts.kind, facts.confidence, facts.clues)
        if facts is not None
        else classify_text(doc.text, has_front_matter=_has_front_matter(doc))
    )
    hint = kind_from_name(name)
    if guess.kind == "other" and hint is not None:
        return KindGuess(hint, NAME_HINT_CONFIDENCE, [*guess.clues, f"file name suggests {hint}"])
    return guess


def _references(doc: ReadDocument) -> list[Reference]:
    in_text = find_references(doc.text[:MAX_REFERENCE_TEXT])
    seen: set[tuple[str, str, str]] = {(r.kind, r.value, r.written or "") for r in in_text}
    found = in_text + references_in_markup(doc, seen)
    # An ELI procedure ("2025/2691") takes its type when the document states it elsewhere.
    return [
        replace(r, value=complete_procedure(r.value, found)) if r.kind == "procedure" else r
        for r in found
    ]


def _language(doc: ReadDocument, kind: DocumentKind, facts: StructuredFacts | None,
              warnings: list[str]) -> str | None:
    if facts is not None and (facts.language or kind in ("dataset", "people")):
        return facts.language
    language, probability = document_language(doc)
    if language is not None and probability < UNSURE_LANGUAGE:
        warnings.append(f"language {language} uncertain ({probability:.2f})")
    return language


def recognize(doc: ReadDocument, *, name: str | None = None) -> Recognition:
    """Recognise a read document: kind, own reference, procedure, identifiers, language, date."""
    facts = _structure(doc)
    guess = _kind(doc, facts, name)
    kind, warnings = guess.kind, []
    hint = kind_from_name(name)
    if hint is not None and hint != kind:
        warnings.append(f"file name suggests {hint}, content says {kind}")
    references = _references(doc)
    reference = own_reference(doc, kind, facts, references)
    procedure = own_procedure(kind, facts, references)
    confidence = guess.confidence
    if procedure is not None and not is_complete_procedure(procedure):
        warnings.append(f"procedure {procedure} without its type")
        confidence *= 0.8
    day = document_date(doc, kind, facts, reference, references)
    if day is None and kind not in UNDATED_KINDS:
        warnings.append("no date found")
    return Recognition(
        kind=kind, reference=reference, procedure=procedure, references=references,
        language=_language(doc, kind, facts, warnings), date=day,
        title=(facts.title if facts and facts.title else None) or document_title(doc, kind),
        publisher=(facts.publisher if facts else None) or document_publisher(doc, kind),
        confidence=round(confidence, 3), warnings=warnings,
    )
