"""The EP Open Data Portal's procedure record (API v2, JSON-LD: data[0] is a Process)."""

from __future__ import annotations

from datetime import date
from typing import Any

from whereas.parse.records import Event, ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.recognize.references import normalise_reference

# ODP activity types -> our event types (the rest keep their ODP name in lower case).
_EVENT_TYPES = {
    "PLENARY_DEBATE": "debate",
    "PLENARY_VOTE": "vote",
    "PLENARY_VOTE_RESULTS": "vote_results",
    "TABLING_PLENARY": "tabled",
}


def _process(value: Any) -> dict[str, Any] | None:
    data = value.get("data") if isinstance(value, dict) else None
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first: dict[str, Any] = data[0]
        return first if first.get("type") == "Process" else None
    return None


def _human(ids: Any) -> list[str]:
    found = (normalise_reference(str(i)) for i in ids or [])
    return list(dict.fromkeys(r.value for r in found if r is not None))


def _event(item: dict[str, Any], index: int, key: str) -> Event:
    kind = str(item.get("had_activity_type") or item.get("type") or "event").rsplit("/", 1)[-1]
    if item.get("type") == "Decision":
        kind = "DECISION"
    day = item.get("activity_date")
    refs = [
        *_human(item.get("based_on_a_realization_of")),
        *_human(item.get("decided_on_a_realization_of")),
        *_human(item.get("recorded_in_a_realization_of")),
    ]
    return Event(
        date=date.fromisoformat(day[:10]) if isinstance(day, str) else None,
        type=_EVENT_TYPES.get(kind, kind.lower()),
        title=str(item.get("activity_id") or "") or None,
        references=list(dict.fromkeys(refs)),
        path=f"/data/0/{key}/{index}",
    )


def parse_odp_procedure(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Title, type, events and member texts of an ODP procedure record."""
    process = _process(doc.data)
    if process is None:
        return ParsedDocument(body=doc.text, warnings=["not an ODP procedure record"])
    reference = str(process.get("label") or recognition.procedure or "")
    titles = process.get("process_title") or {}
    title = (
        titles.get("en") or next(iter(titles.values()), None) if isinstance(titles, dict) else None
    )
    events = [
        _event(item, i, key)
        for key in ("consists_of", "was_scheduled_in")
        for i, item in enumerate(process.get(key) or [])
        if isinstance(item, dict)
    ]
    events.sort(key=lambda e: (e.date or date.min, e.type))
    texts = _human(process.get("created_a_realization_of"))
    header: dict[str, str | list[str]] = {"procedure": reference, "documents": texts}
    if title:
        header["title"] = str(title).strip()
    ptype = str(process.get("process_type") or "").rsplit("/", 1)[-1]
    if ptype:
        header["type"] = ptype
    body = "\n".join(filter(None, [reference, str(title or "")]))
    return ParsedDocument(
        body=body,
        header=header,
        events=events,
        procedures={ref: reference for ref in texts if "(" in reference},
    )
