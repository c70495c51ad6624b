"""Which dataset a table or a JSON value is, told from its columns or keys (never its file name)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from whereas.parse.datasets import item_rollcall, mepwatch_cards, text_tabled, votes_export
from whereas.parse.people import tables as people_tables

Layout = Literal[
    "item_rollcall",
    "text_tabled",
    "votes_export",
    "mepwatch_card",
    "mepwatch_card_members",
    "odp_meps",
    "mepwatch_meps",
]
# Checked in order: the first layout whose columns a table has all of wins.
_TABLES: tuple[tuple[Layout, frozenset[str]], ...] = (
    ("votes_export", votes_export.COLUMNS),
    ("item_rollcall", item_rollcall.COLUMNS),
    ("text_tabled", text_tabled.COLUMNS),
    ("mepwatch_card_members", mepwatch_cards.MEMBER_COLUMNS),
    ("odp_meps", people_tables.ODP_COLUMNS),
    ("mepwatch_meps", people_tables.MEPWATCH_COLUMNS),
)


def table_layout(columns: Sequence[str]) -> Layout | None:
    """The layout of a table with these header columns, or None when it is none we know."""
    names = {c.strip().casefold() for c in columns}
    return next((layout for layout, needed in _TABLES if needed <= names), None)


def value_layout(value: Any) -> Layout | None:
    """The layout of a JSON value, or None."""
    if isinstance(value, Mapping) and set(value) >= mepwatch_cards.CARD_KEYS:
        return "mepwatch_card"
    return None
