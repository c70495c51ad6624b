"""The header of a resolution from its EP Open Data Portal record (JSON-LD, API v2): no clauses.

The record's `title_alternative` holds the printed header in every language (legal basis,
replaced motions, title, procedure, authors "on behalf of" their groups); its participations hold
the groups the authors tabled for, by person id but without names. The header is read from the
language asked for (English by default); its author groups are checked against the
participations and, when they disagree (the English header of RC-B10-0249/2025 names the wrong
group for one author), taken from another language whose header agrees.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from whereas.parse.records import Author, ParsedDocument
from whereas.parse.resolution.authors import groups_of
from whereas.parse.resolution.header import HeaderReading, read_header
from whereas.parse.resolution.lines import Line, clean_text
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.groups import group_code
from whereas.vocabularies.lexicon import LanguagePack, language_pack, languages

_KINDS = {
    "RESOLUTION_MOTION_JOINT": "joint_motion",
    "RESOLUTION_MOTION": "motion",
    "TEXT_ADOPTED": "text_adopted",
}
_IDENTIFIER = re.compile(r"^(RC-|B-|TA-)(\d{1,2})-(\d{4})-(\d{4})$")
_EVENT = re.compile(r"MTG-PL-(\d{4}-\d{2}-\d{2})-.*-(D|V)-\d+$")
_SEPARATOR = re.compile(r"<br\s*/?>| - ")
_RULE = re.compile(r"ITM-A(\d+)$")


def is_odp_work(data: Any) -> bool:
    """Whether `data` is an ODP record of a motion, joint motion or text adopted."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list) or not data["data"]:
        return False
    work = data["data"][0]
    return isinstance(work, dict) and str(work.get("work_type", "")).split("/")[-1] in _KINDS


def human_reference(identifier: str) -> str | None:
    """ODP ids in human form: RC-10-2025-0249 -> RC-B10-0249/2025, TA-10-... -> P10_TA(...)."""
    found = _IDENTIFIER.match(identifier)
    if not found:
        return None
    prefix, term, year, number = found.groups()
    if prefix == "TA-":
        return f"P{term}_TA({year}){number}"
    return f"{'RC-' if prefix == 'RC-' else ''}B{term}-{number}/{year}"


def _expression(work: dict[str, Any], language: str) -> tuple[str, str] | None:
    """The title and the printed header of one language."""
    for expression in work.get("is_realized_by", []):
        header = (expression.get("title_alternative") or {}).get(language)
        if header:
            return (expression.get("title") or {}).get(language, ""), header
    return None


def _header_lines(header: str) -> list[Line]:
    parts = [clean_text(p) for p in _SEPARATOR.split(header)]
    return [Line(p, 0, 0, path="/title_alternative") for p in parts if p]


def _participation_groups(work: dict[str, Any]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for part in work.get("workHadParticipation", []):
        label = str(part.get("participation_in_name_of") or "")
        label = re.sub(r"^.*/EP_GROUP_", "", label)
        code = group_code(label) if label else None
        if code:
            counts[code] += 1
    return counts


def _read_language(work: dict[str, Any], pack: LanguagePack) -> tuple[str, HeaderReading] | None:
    found = _expression(work, pack.language)
    if found is None:
        return None
    title, printed = found
    reading = read_header(_header_lines(printed), pack)
    return title, reading


def _authors(
    work: dict[str, Any], first: HeaderReading, packs: list[LanguagePack]
) -> tuple[list[Author], list[str]]:
    """The authors of the first language, or of another whose groups match the participations."""
    expected = _participation_groups(work)
    if not expected or Counter(a.group for a in first.authors if a.group) == expected:
        return first.authors, []
    for pack in packs[1:]:
        other = _read_language(work, pack)
        if other and Counter(a.group for a in other[1].authors if a.group) == expected:
            note = (f"the {packs[0].language} header's author groups disagree with the "
                    f"participations; groups taken from the {pack.language} header")
            names = [a.name for a in first.authors]
            if names == [a.name for a in other[1].authors]:
                return other[1].authors, [note]
    return first.authors, ["author groups disagree with the participations"]


def parse_odp_work(data: Any, recognition: Recognition | None = None) -> ParsedDocument:
    """Header, authors and groups of an ODP work record (it carries no clause text)."""
    work = data["data"][0]
    wanted = recognition.language if recognition and recognition.language else "en"
    codes = dict.fromkeys([wanted, "en", *languages()])
    packs = [p for p in (language_pack(c) for c in codes) if p is not None]
    read = next((r for r in (_read_language(work, p) for p in packs) if r), None)
    if read is None or not packs:
        return ParsedDocument(warnings=["no printed header in the ODP record"])
    used = next(p for p in packs if _expression(work, p.language))
    title, reading = read
    authors, warnings = _authors(work, reading, [used, *(p for p in packs if p is not used)])
    header = reading.header
    header.update(_work_entries(work, used, title))
    printed = _expression(work, used.language)
    return ParsedDocument(
        body="\n".join(line.text for line in _header_lines(printed[1] if printed else "")),
        authors=authors,
        groups=groups_of(authors),
        header=header,
        warnings=[*reading.warnings, *warnings],
    )


def _work_entries(
    work: dict[str, Any], pack: LanguagePack, title: str
) -> dict[str, str | list[str]]:
    entries: dict[str, str | list[str]] = {"language": pack.language}
    kind = _KINDS.get(str(work.get("work_type", "")).split("/")[-1])
    if kind:
        entries["kind"] = kind
    reference = human_reference(str(work.get("identifier", "")))
    if reference:
        entries["reference"] = reference
    if work.get("document_date"):
        entries["date"] = str(work["document_date"])
    heading = next((t.pattern.match(title) for t in pack.kinds if t.pattern.match(title)), None)
    if title:
        entries["title"] = " ".join(title[heading.end() if heading else 0:].split())
    for event in work.get("inverse_based_on_a_realization_of") or []:
        found = _EVENT.search(str(event))
        if found:
            entries["vote_date" if found.group(2) == "V" else "debate_date"] = found.group(1)
    return entries
