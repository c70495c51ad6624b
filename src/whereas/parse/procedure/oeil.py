"""The Legislative Observatory's procedure file, from its HTML or its copied text."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from whereas.parse.records import Event, ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.recognize.references import normalise_reference

_DAY = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_EVENT_TYPES = (
    ("debate in parliament", "debate"),
    ("decision by parliament", "decision"),
    ("results of vote", "vote_results"),
    ("end of procedure", "end"),
    ("committee referral", "referral"),
    ("vote in committee", "committee_vote"),
)


def _day(text: str) -> date | None:
    m = _DAY.match(text.strip())
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _event_type(title: str) -> str:
    low = title.casefold()
    return next((kind for words, kind in _EVENT_TYPES if words in low), "other")


def _cells(row: Any) -> list[str]:
    return [" ".join(c.text_content().split()) for c in row if c.tag in ("td", "th")]


def _tables(tree: Any) -> list[list[list[str]]]:
    return [[_cells(tr) for tr in table.iter("tr")] for table in tree.iter("table")]


def _ref(text: str) -> str | None:
    found = normalise_reference(text) if text else None
    return found.value if found else None


def _column(head: list[str], row: list[str], name: str) -> str:
    return row[head.index(name)] if name in head and head.index(name) < len(row) else ""


def _from_tables(
    tables: list[list[list[str]]], procedure: str
) -> tuple[list[Event], dict[str, str], dict[str, str]]:
    """Key events, documentation gateway and basic information, from the page's tables."""
    events: list[Event] = []
    texts: dict[str, str] = {}
    info: dict[str, str] = {}
    for t, rows in enumerate(t for t in tables if t):
        head = [c.casefold() for c in rows[0]]
        if all(len(row) == 2 for row in rows):  # "Procedure type | RSP - ..." pairs
            info.update((row[0].casefold(), row[1]) for row in rows)
            continue
        for r, row in enumerate(rows[1:], start=1):
            ref = _ref(_column(head, row, "reference"))
            if head[:2] == ["date", "event"] and _day(row[0]):
                events.append(
                    Event(
                        _day(row[0]),
                        _event_type(row[1]),
                        row[1],
                        [ref] if ref else [],
                        f"table {t + 1} row {r}",
                    )
                )
            elif head[:1] == ["document type"] and ref and procedure:
                texts[ref] = procedure
    return events, texts, info


def _title(doc: ReadDocument, procedure: str) -> str | None:
    """The line after the procedure reference that names the procedure ("Resolution on ...")."""
    lines = [b.text.strip() for b in doc.blocks if b.text.strip()]
    for i, line in enumerate(lines):
        if line == procedure:
            for candidate in lines[i + 1 : i + 4]:
                if len(candidate) > 15 and candidate.casefold() not in {"full procedure"}:
                    return candidate
    return None


def parse_oeil_procedure(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Title, type, key events and documentation gateway of an OEIL procedure file."""
    procedure = recognition.procedure or recognition.reference or ""
    events: list[Event] = []
    texts: dict[str, str] = {}
    info: dict[str, str] = {}
    if doc.tree is not None and doc.format == "html":
        events, texts, info = _from_tables(_tables(doc.tree), procedure)
    header: dict[str, str | list[str]] = {"procedure": procedure}
    title = _title(doc, procedure)
    if title:
        header["title"] = title
    ptype = info.get("procedure type", "")
    if ptype:
        header["type"] = ptype.split(" ", 1)[0]
    for key in ("procedure subtype", "legal basis", "stage reached in procedure"):
        if key in info:
            header[key.replace(" ", "_")] = info[key]
    if texts:
        header["documents"] = sorted(texts)
    return ParsedDocument(body=doc.text, header=header, events=events, procedures=texts)
