"""Kind and identity of data documents: EP Open Data Portal JSON, vote XML, meeting RDF, tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from whereas.recognize.dates import parse_date_value, timestamp_date
from whereas.recognize.language import MULTILINGUAL, normalise_language
from whereas.recognize.recognition import DocumentKind
from whereas.recognize.references import normalise_reference
from whereas.recognize.terms import term_of_date


@dataclass
class StructuredFacts:
    """What the structure of a data document states of it (each field None when it says nothing)."""

    kind: DocumentKind
    confidence: float
    reference: str | None = None
    procedure: str | None = None
    date: date | None = None
    title: str | None = None
    language: str | None = None
    publisher: str | None = None
    clues: list[str] = field(default_factory=list)


# ODP work types (def/ep-document-types/...), most specific first.
_WORK_TYPES: list[tuple[str, DocumentKind]] = [
    ("MOTION_JOINT", "joint_motion"), ("RESOLUTION_MOTION", "motion"),
    ("TEXT_ADOPTED", "text_adopted"), ("AMENDMENT", "amendments"), ("MINUTES", "minutes"),
    ("VERBATIM", "debate"), ("CRE", "debate"), ("REPORT", "report"),
]
EP = "European Parliament"


def _human(value: Any) -> str | None:
    ref = normalise_reference(str(value)) if value else None
    return ref.value if ref is not None else None


def _english(labels: Any) -> str | None:
    if isinstance(labels, dict) and labels:
        value = labels.get("en") or next(iter(labels.values()))
        return str(value) if value else None
    return str(labels) if isinstance(labels, str) else None


def _odp_work(record: dict[str, Any]) -> StructuredFacts:
    work_type = str(record.get("work_type", ""))
    kind: DocumentKind = next((k for m, k in _WORK_TYPES if m in work_type), "other")
    procedures = record.get("inverse_created_a_realization_of") or []
    return StructuredFacts(
        kind, 0.95 if kind != "other" else 0.4,
        reference=_human(record.get("identifier") or record.get("id")),
        procedure=_human(procedures[0]) if procedures else None,
        date=parse_date_value(str(record.get("document_date", ""))),
        title=_english(record.get("title_dcterms")), language=MULTILINGUAL, publisher=EP,
        clues=[f"ODP work type {work_type.rsplit('/', 1)[-1]}"],
    )


def _odp_process(record: dict[str, Any]) -> StructuredFacts:
    label = record.get("label")
    reference = _human(label) or _human(record.get("id"))
    kind_code = str(record.get("process_type", "")).rsplit("/", 1)[-1]
    if reference and "(" not in reference and len(kind_code) == 3:
        reference = f"{reference}({kind_code})"
    events = record.get("consists_of") or []
    days = [parse_date_value(str(e.get("activity_date", ""))) for e in events
            if isinstance(e, dict)]
    known = [day for day in days if day is not None]
    return StructuredFacts(
        "procedure_file", 0.9, reference=reference, procedure=reference,
        date=max(known) if known else None,  # a living record: as current as its latest event
        title=_english(record.get("process_title")), language=MULTILINGUAL, publisher=EP,
        clues=["ODP process record"],
    )


def _odp_record(record: dict[str, Any]) -> StructuredFacts | None:
    record_type = str(record.get("type", ""))
    if record_type == "Work" or "work_type" in record:
        return _odp_work(record)
    if record_type == "Process" or "process_type" in record:
        return _odp_process(record)
    identifier = _human(record.get("id") or record.get("activity_id"))
    if identifier and identifier.startswith("MTG-PL-"):
        return StructuredFacts(
            "sitting", 0.9, reference=identifier, date=parse_date_value(identifier[7:]),
            language=MULTILINGUAL, publisher=EP, clues=["ODP meeting record"],
        )
    return None


def recognise_json(data: Any) -> StructuredFacts:
    """ODP records by their type; any other JSON value is a dataset."""
    records = data.get("data") if isinstance(data, dict) else None
    if isinstance(records, list) and records and isinstance(records[0], dict):
        found = _odp_record(records[0])
        if found is not None:
            return found
    facts = StructuredFacts("dataset", 0.8, clues=["JSON data"])
    if isinstance(data, dict):
        facts.date = parse_date_value(str(data.get("date", "")))
        facts.title = str(data["title"]) if data.get("title") else None
    return facts


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _roll_call(root: Any) -> StructuredFacts:
    sitting = timestamp_date(root.get("Sitting.Date", ""))
    reference = _human(root.get("EP.Reference")) or _minutes_of(sitting)
    language = normalise_language(root.get("Document.Language", ""))
    return StructuredFacts(
        "roll_call", 0.95, reference=reference, date=sitting, language=language, publisher=EP,
        clues=["roll-call vote results XML"],
    )


def _minutes_of(sitting: date | None) -> str | None:
    term = term_of_date(sitting) if sitting else None
    return f"PV-{term}-{sitting.isoformat()}" if sitting and term else None


def _vote_results(root: Any) -> StructuredFacts:
    node = root.find("sitting")
    stated = node.get("date") if node is not None else None
    sitting = timestamp_date(stated or root.get("date", ""))
    return StructuredFacts(
        "vote_results", 0.95, reference=_minutes_of(sitting), date=sitting,
        language=normalise_language(root.get("language", "")), publisher=EP,
        clues=["results of votes XML"],
    )


def _rdf(root: Any) -> StructuredFacts | None:
    for child in root:
        about = str(child.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", ""))
        reference = _human(about.rsplit("/", 1)[-1])
        if reference and reference.startswith("MTG-PL-"):
            return StructuredFacts(
                "sitting", 0.9, reference=reference, date=parse_date_value(reference[7:]),
                language=MULTILINGUAL, publisher=EP, clues=["ODP meeting RDF"],
            )
    return None


def recognise_xml(tree: Any) -> StructuredFacts | None:
    """Roll calls, results of votes, ODP meetings and MEP directories by their root element."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    if root is None:
        return None
    name = _local(root.tag)
    if name == "PV.RollCallVoteResults":
        return _roll_call(root)
    if name == "file" and root.find("sitting") is not None:
        return _vote_results(root)
    if name == "RDF":
        return _rdf(root)
    if name == "meps" and root.find("mep") is not None:
        return StructuredFacts("people", 0.9, publisher=EP, clues=["MEP directory XML"])
    return None
