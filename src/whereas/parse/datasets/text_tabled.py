"""parlparse/mepwatch text_tabled.csv: the texts voted in a term -> reference -> procedure.

Each row names a text (B9-0065/2022, RC-B9-0144/2021, A9-0258/2021) and links its Legislative
Observatory procedure file, whose address carries the procedure (2022/2505(RSP)).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from whereas.parse.records import ParsedDocument
from whereas.parse.votes.references import human_reference, procedure_reference

Row = Mapping[str, str]
COLUMNS = frozenset({"reference", "title", "committee", "oeil"})


@dataclass(frozen=True)
class TabledText:
    """A text tabled for a vote, with the procedure it belongs to."""

    reference: str
    procedure: str | None
    title: str | None = None
    committee: str | None = None


def tabled_texts(rows: Sequence[Row]) -> tuple[list[TabledText], list[str]]:
    """The texts a table lists, and warnings for rows that name no text."""
    texts: list[TabledText] = []
    warnings: list[str] = []
    for number, row in enumerate(rows, start=1):
        reference = human_reference(row.get("reference") or "")
        if reference is None:
            warnings.append(f"row {number}: {row.get('reference')!r} is not a text reference")
            continue
        texts.append(
            TabledText(
                reference,
                procedure_reference(row.get("oeil") or ""),
                (row.get("title") or "").strip() or None,
                (row.get("committee") or "").strip() or None,
            )
        )
    return texts, warnings


def parse_text_tabled(rows: Sequence[Row]) -> ParsedDocument:
    """The reference -> procedure mapping of a table, in `ParsedDocument.procedures`."""
    texts, warnings = tabled_texts(rows)
    parsed = ParsedDocument(warnings=warnings)
    for text in texts:
        if text.procedure is None:
            continue
        known = parsed.procedures.setdefault(text.reference, text.procedure)
        if known != text.procedure:
            parsed.warnings.append(
                f"{text.reference} is listed under {known} and {text.procedure}: kept the first"
            )
    return parsed
