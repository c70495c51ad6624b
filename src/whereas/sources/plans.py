"""What to fetch next, read from answers already fetched (ODP records, OEIL pages, searches)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from whereas.sources.urls import ODP_DOCUMENT, ODP_PROCESS, OEIL_SUMMARY, PRESS_LINK

_DOCEO_LINK = re.compile(r"/doceo/document/((?:RC|B|TA|A)-\d{1,2}-\d{4}-\d{4})_[A-Z]{2}\.html")
_VOTES_LINK = re.compile(r"/doceo/document/PV-\d{1,2}-(\d{4}-\d{2}-\d{2})-VOT_[A-Z]{2}\.")
_SITTING_ITEM = re.compile(r"eli/dl/doc/((?:PV|CRE)-\d{1,2}-\d{4}-\d{2}-\d{2}-ITM-[\d-]+)")
_VOTE_ACTIVITIES = ("PLENARY_VOTE", "PLENARY_VOTE_RESULTS")


@dataclass
class ProcedurePlan:
    """Everything one procedure leads to: documents, vote days, sitting items, summaries, press."""

    label: str | None = None
    documents: list[str] = field(default_factory=list)
    vote_days: list[date] = field(default_factory=list)
    sitting_items: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    press_releases: list[str] = field(default_factory=list)

    def merge(self, other: ProcedurePlan) -> None:
        """Add what `other` found, keeping order and dropping repeats."""
        self.label = self.label or other.label
        for name in ("documents", "vote_days", "sitting_items", "summaries", "press_releases"):
            mine: list[Any] = getattr(self, name)
            mine.extend(v for v in getattr(other, name) if v not in mine)


def _records(body: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    items = data.get("data", []) if isinstance(data, dict) else data
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def plan_from_odp_procedure(body: bytes) -> ProcedurePlan:
    """Read an ODP procedure record: its B/RC/TA documents, vote days, PV/CRE items, label."""
    plan = ProcedurePlan()
    for record in _records(body):
        plan.label = plan.label or _text(record.get("label"))
        plan.documents += _document_ids(record.get("created_a_realization_of", []))
        for event in record.get("consists_of", []):
            if isinstance(event, dict):
                _read_event(plan, event)
    plan.documents = _unique(plan.documents)
    plan.sitting_items = _unique(plan.sitting_items)
    plan.vote_days = sorted(set(plan.vote_days))
    return plan


def _read_event(plan: ProcedurePlan, event: dict[str, Any]) -> None:
    activity = str(event.get("had_activity_type", "")).rsplit("/", 1)[-1]
    day = _day(event.get("activity_date"))
    if day is not None and (activity in _VOTE_ACTIVITIES or event.get("type") == "Decision"):
        plan.vote_days.append(day)
    recorded = json.dumps(event.get("recorded_in_a_realization_of", []))
    plan.sitting_items += _SITTING_ITEM.findall(recorded)
    plan.documents += _document_ids(event.get("decided_on_a_realization_of", []))


def _document_ids(values: Any) -> list[str]:
    return ODP_DOCUMENT.findall(json.dumps(values))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def plan_from_oeil(body: bytes) -> ProcedurePlan:
    """Read an OEIL procedure file: doceo documents, vote days, summaries and press releases."""
    page = body.decode("utf-8", errors="replace")
    return ProcedurePlan(
        documents=_unique(_DOCEO_LINK.findall(page)),
        vote_days=sorted({d for d in map(_day, _VOTES_LINK.findall(page)) if d is not None}),
        summaries=_unique(OEIL_SUMMARY.findall(page)),
        press_releases=_unique(PRESS_LINK.findall(page)),
    )


def procedures_named(body: bytes) -> list[str]:
    """ODP process ids (2025-2691) named anywhere in an answer (a record, a search, a feed)."""
    text = body.decode("utf-8", errors="replace")
    return _unique([f"{y}-{n}" for y, n in ODP_PROCESS.findall(text)])


def documents_named(body: bytes) -> list[str]:
    """ODP document ids (TA-10-2025-0096, RC-...) named anywhere in an answer."""
    return _unique(ODP_DOCUMENT.findall(body.decode("utf-8", errors="replace")))
