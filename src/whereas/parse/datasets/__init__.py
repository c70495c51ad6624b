"""Community datasets (parlparse, mepwatch, HowTheyVote exports) -> votes, procedures and people.

`parse_dataset` tells the layout from the header columns (CSV) or the keys (JSON), never from the
file name, and runs the parser for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from whereas.parse.datasets.item_rollcall import parse_item_rollcall, procedure_of
from whereas.parse.datasets.layouts import Layout, table_layout, value_layout
from whereas.parse.datasets.mepwatch_cards import card_members, parse_mepwatch_card
from whereas.parse.datasets.text_tabled import TabledText, parse_text_tabled, tabled_texts
from whereas.parse.datasets.votes_export import parse_votes_export
from whereas.parse.people.tables import parse_mepwatch_meps, parse_odp_meps
from whereas.parse.records import ParsedDocument
from whereas.parse.votes.tallies import check_members, check_totals
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

Rows = Sequence[Mapping[str, str]]
__all__ = [
    "Layout",
    "TabledText",
    "dataset_layout",
    "parse_dataset",
    "parse_item_rollcall",
    "parse_mepwatch_card",
    "parse_text_tabled",
    "parse_votes_export",
    "procedure_of",
    "tabled_texts",
]


def parse_dataset(
    source: ReadDocument | Rows | Mapping[str, Any],
    recognition: Recognition | None = None,
    *,
    procedures: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """Parse a table (rows) or JSON value of a known dataset layout; unknown ones say so."""
    value: Any = source.data if isinstance(source, ReadDocument) else source
    layout = dataset_layout(value)
    parsed = _parse(layout, value, procedures) if layout else None
    if parsed is None:
        parsed = ParsedDocument(warnings=["not a dataset layout whereas knows"])
    if isinstance(source, ReadDocument):
        parsed.body = source.text
    if layout:
        parsed.header["layout"] = layout
    return parsed


def dataset_layout(value: Any) -> Layout | None:
    """The layout of rows (from the first row's columns) or of a JSON value."""
    if isinstance(value, Sequence) and value and isinstance(value[0], Mapping):
        return table_layout(list(value[0]))
    return value_layout(value)


def _parse(layout: Layout, value: Any, procedures: Mapping[str, str] | None) -> ParsedDocument:
    if layout == "mepwatch_card":
        return parse_mepwatch_card(value)
    if layout == "item_rollcall":
        return parse_item_rollcall(value, procedures)
    if layout == "mepwatch_card_members":
        return _card_members_only(value)
    parsers = {
        "text_tabled": parse_text_tabled,
        "votes_export": parse_votes_export,
        "odp_meps": parse_odp_meps,
        "mepwatch_meps": parse_mepwatch_meps,
    }
    return parsers[layout](value)


def _card_members_only(rows: Rows) -> ParsedDocument:
    """A card's MEP rows without its JSON: one vote with members and no stated totals."""
    parsed = parse_mepwatch_card({"id": rows[0].get("identifier") or rows[0].get("vote_id")})
    vote = parsed.votes[0]
    vote.members = card_members(rows, vote, parsed.warnings)
    parsed.warnings.extend(check_members(vote))
    mismatch = check_totals(vote)
    if mismatch:
        parsed.warnings.append(mismatch)
    return parsed
