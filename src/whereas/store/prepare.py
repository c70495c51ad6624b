"""A document's rows made before its store transaction: in the ingest worker that parsed it.

Everything here is computed from the document alone (no database), so the process that keeps
the store only inserts what a worker made (issue 10: that process was the bottleneck of ingest).
The writer makes the same in place when a document comes without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.search.entries import (
    DocumentValues,
    PreparedEntry,
    prepare_entries,
    prepare_references,
)
from whereas.store import rows
from whereas.store.rows import Row


@dataclass(frozen=True)
class PreparedDocument:
    """The rows of one document, but for its version and the ids the database gives."""

    document_id: str
    source_path: str | None
    fields: Row  # the documents row without id, version, version_key and provenance
    references: list[Row]
    clauses: list[Row]
    authors: list[Row]
    facts: list[Row]
    quotes: list[Row]
    events: list[Row]
    statements: list[Row]
    entries: list[PreparedEntry]  # search entries, clauses named by position
    reference_values: list[str]


def prepare_document(
    document_id: str,
    read: ReadDocument,
    recognition: Recognition,
    parsed: ParsedDocument,
    source_path: str | None,
) -> PreparedDocument:
    """The rows of the document `document_id` (the sha256 of its bytes) and its index entries."""
    fields = document_fields(read, recognition, parsed)
    references = reference_rows(document_id, recognition, parsed)
    values = DocumentValues(
        kind=fields["kind"],
        title=fields["title"],
        body=fields["body"],
        language=fields["language"],
        date=fields["date"],
        procedure=fields["procedure"],
        groups=fields["groups"],
        source_path=source_path,
    )
    return PreparedDocument(
        document_id=document_id,
        source_path=source_path,
        fields=fields,
        references=references,
        clauses=rows.clause_rows(document_id, parsed.clauses),
        authors=rows.author_rows(document_id, parsed.authors),
        facts=rows.fact_rows(document_id, parsed.facts),
        quotes=rows.quote_rows(document_id, parsed.quotes),
        events=rows.event_rows(document_id, parsed.events, recognition.procedure),
        statements=rows.statement_rows(document_id, parsed.procedures),
        entries=prepare_entries(document_id, values, parsed.clauses),
        reference_values=prepare_references([r["value"] for r in references]),
    )


def made_from(
    prepared: PreparedDocument,
    document_id: str,
    read: ReadDocument,
    recognition: Recognition,
    parsed: ParsedDocument,
    source_path: str | None,
) -> bool:
    """Whether `prepared` holds the rows of this document as read, recognized and parsed.

    The rows that are cheap to make are made again and compared (the documents row, its own
    references, clauses, authors, facts, quotes, events, statements); the search entries and
    footnote references, which are not, follow from the same values.
    """
    if (prepared.document_id, prepared.source_path) != (document_id, source_path):
        return False
    own = [r for r in prepared.references if r["role"] != "footnote"]
    return (
        prepared.fields == document_fields(read, recognition, parsed)
        and own == own_reference_rows(document_id, recognition)
        and prepared.clauses == rows.clause_rows(document_id, parsed.clauses)
        and prepared.authors == rows.author_rows(document_id, parsed.authors)
        and prepared.facts == rows.fact_rows(document_id, parsed.facts)
        and prepared.quotes == rows.quote_rows(document_id, parsed.quotes)
        and prepared.events == rows.event_rows(document_id, parsed.events, recognition.procedure)
        and prepared.statements == rows.statement_rows(document_id, parsed.procedures)
    )


def document_fields(read: ReadDocument, rec: Recognition, parsed: ParsedDocument) -> Row:
    """The documents row's values read from the document itself."""
    warnings = list(dict.fromkeys([*read.warnings, *rec.warnings, *parsed.warnings]))
    return {
        "kind": rec.kind,
        "format": read.format,
        "reference": rec.reference,
        "procedure": rec.procedure,
        "title": rec.title or _header_text(parsed, "title"),
        "date": rec.date or _header_date(parsed),
        "language": rec.language,
        "publisher": rec.publisher or _header_text(parsed, "publisher"),
        "body": parsed.body or read.text,
        "confidence": rec.confidence,
        "groups": list(dict.fromkeys(parsed.groups)),
        "header": _jsonable(parsed.header),
        "warnings": warnings,
    }


def _header_text(parsed: ParsedDocument, key: str) -> str | None:
    """What a parser read for `key` when recognition found nothing (a press release's title)."""
    value = parsed.header.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _header_date(parsed: ParsedDocument) -> date | None:
    value = _header_text(parsed, "date")
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _jsonable(header: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in header.items() if isinstance(v, str | int | float | list | dict)}


def reference_rows(doc_id: str, rec: Recognition, parsed: ParsedDocument) -> list[Row]:
    """Rows of document_references: itself, its procedure, what it mentions, its footnotes'."""
    found = own_reference_rows(doc_id, rec)
    # Each clause's footnote references, in the same statement (one executemany per table).
    notes = ((c.position, c.footnotes) for c in parsed.clauses)
    found.extend(rows.footnote_reference_rows(doc_id, notes))
    return found


def own_reference_rows(doc_id: str, rec: Recognition) -> list[Row]:
    """Rows of document_references that recognition gives: itself, its procedure, mentions."""
    found: list[Row] = []
    seen: set[tuple[str, str]] = set()
    if rec.reference:
        found.append(_ref_row(doc_id, "self", rec.reference, "self", None, None))
        seen.add(("self", rec.reference))
    if rec.procedure:
        found.append(_ref_row(doc_id, "procedure", rec.procedure, "procedure", None, None))
        seen.add(("procedure", rec.procedure))
    for ref in rec.references:
        if ("mentions", ref.value) in seen or ref.value in {rec.reference, rec.procedure}:
            continue
        seen.add(("mentions", ref.value))
        found.append(_ref_row(doc_id, ref.kind, ref.value, "mentions", ref.start, ref.end))
    return found


def _ref_row(
    doc_id: str, kind: str, value: str, role: str, start: int | None, end: int | None
) -> Row:
    return {
        "document_id": doc_id,
        "kind": kind,
        "value": value,
        "role": role,
        "span_start": start,
        "span_end": end,
        "clause_position": None,
    }
