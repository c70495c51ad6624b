"""parlparse item_rollcall.csv and text_tabled.csv: every term-9 roll call, with procedures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whereas.parse.datasets import parse_dataset
from whereas.parse.records import ParsedDocument, Vote

from .rows import csv_rows


@pytest.fixture(scope="module")
def procedures(corpus: Path) -> dict[str, str]:
    parsed = parse_dataset(csv_rows(corpus / "parlparse/text_tabled.csv"))
    assert parsed.header["layout"] == "text_tabled"
    return parsed.procedures


@pytest.fixture(scope="module")
def rollcalls(corpus: Path, procedures: dict[str, str]) -> ParsedDocument:
    rows = csv_rows(corpus / "parlparse/item_rollcall.csv")
    return parse_dataset(rows, procedures=procedures)


def _vote(parsed: ParsedDocument, vote_id: str) -> Vote:
    return next(v for v in parsed.votes if v.vote_id == vote_id)


def test_procedure_mapping_of_tabled_texts(procedures: dict[str, str]) -> None:
    assert procedures["RC-B9-0144/2021"] == "2021/2544(RSP)"
    assert procedures["B9-0065/2022"] == "2022/2505(RSP)"
    assert len(procedures) == 1997
    assert sum(p.endswith("(RSP)") for p in set(procedures.values())) == 432


def test_every_roll_call_of_the_term(rollcalls: ParsedDocument) -> None:
    assert rollcalls.header["layout"] == "item_rollcall"
    assert len(rollcalls.votes) == 19303
    assert all(v.official and v.roll_call for v in rollcalls.votes)
    untallied = [v for v in rollcalls.votes if "no_totals" in v.flags]
    assert len(untallied) == 28
    assert rollcalls.warnings[0].startswith("28 roll calls without totals: ")


def test_kazakhstan_2021(rollcalls: ParsedDocument) -> None:
    final = _vote(rollcalls, "127976")
    assert (final.for_, final.against, final.abstentions) == (598, 43, 52)
    assert (final.reference, final.procedure) == ("RC-B9-0144/2021", "2021/2544(RSP)")
    assert final.date == date(2021, 2, 11)
    assert final.title == "Human rights situation in Kazakhstan"
    assert final.subject == "Proposition de résolution"
    amendment = _vote(rollcalls, "127902")
    assert (amendment.subject, amendment.amendment) == ("Am 3", "3")


def test_kazakhstan_2022_behind_the_rc_artefact(rollcalls: ParsedDocument) -> None:
    final = _vote(rollcalls, "139038")
    assert (final.for_, final.against, final.abstentions) == (589, 35, 47)
    # The table files it under B9-0065/2022; its "RC- -" slot says the joint motion was voted.
    assert (final.reference, final.procedure) == ("RC-B9-0065/2022", "2022/2505(RSP)")
    assert final.date == date(2022, 1, 20)
    assert final.subject == "Proposition de résolution (ensemble du texte)"
    amendment = _vote(rollcalls, "139007")
    assert (amendment.subject, amendment.clause_label, amendment.amendment) == (
        "§ 26 - Am 2",
        "26",
        "2",
    )
    assert (amendment.for_, amendment.against, amendment.abstentions) == (296, 328, 55)


def test_titles_spanning_lines_are_one_vote(rollcalls: ParsedDocument) -> None:
    split = _vote(rollcalls, "113740")
    assert (split.reference, split.subject, split.for_) == ("A9-0021/2020", "am 14= 35=", 586)
    assert split.text == "Maria Grapini - am 14= 35="


def test_term10_tabled_texts(corpus: Path) -> None:
    parsed = parse_dataset(csv_rows(corpus / "mepwatch/text_tabled-term10.csv"))
    assert parsed.procedures["B10-0007/2024"] == "2024/2721(RSP)"
    assert len(parsed.procedures) == 15
    assert parsed.warnings == ["row 16: '--force' is not a text reference"]
