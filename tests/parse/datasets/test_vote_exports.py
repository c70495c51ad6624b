"""HowTheyVote export tables and mepwatch vote cards: final votes and per-MEP positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from whereas.parse.datasets import dataset_layout, parse_dataset, parse_mepwatch_card
from whereas.parse.people import parse_mepwatch_meps
from whereas.parse.votes import count_positions, resolve_person_ids

from .rows import csv_rows, json_value

CARDS = "mepwatch/cards"


def test_term9_final_votes(corpus: Path) -> None:
    parsed = parse_dataset(csv_rows(corpus / "votes-export/main-votes-term9.csv"))
    assert parsed.header["layout"] == "votes_export" and parsed.warnings == []
    assert len(parsed.votes) == 1807
    final = next(v for v in parsed.votes if v.vote_id == "139038")
    assert (final.for_, final.against, final.abstentions) == (589, 35, 47)
    assert (final.reference, final.procedure) == ("RC-B9-0065/2022", "2022/2505(RSP)")
    assert final.official and final.date == date(2022, 1, 20)
    assert parsed.procedures["RC-B9-0144/2021"] == "2021/2544(RSP)"


def test_term10_final_votes_with_results(corpus: Path) -> None:
    parsed = parse_dataset(csv_rows(corpus / "votes-export/main-votes-term10.csv"))
    assert len(parsed.votes) == 293
    first = parsed.votes[0]
    assert (first.reference, first.procedure, first.result) == (
        "B10-0007/2024",
        "2024/2721(RSP)",
        "adopted",
    )
    assert (first.for_, first.against, first.abstentions) == (495, 137, 47)


def test_card_members_sum_to_its_totals(corpus: Path) -> None:
    card = json_value(corpus / CARDS / "139038.json")
    assert dataset_layout(card) == "mepwatch_card"
    parsed = parse_mepwatch_card(card, csv_rows(corpus / CARDS / "139038.csv"))
    assert parsed.warnings == []
    (vote,) = parsed.votes
    assert (vote.for_, vote.against, vote.abstentions) == (589, 35, 47)
    counted = count_positions(vote.members)
    assert (counted.for_, counted.against, counted.abstentions) == (589, 35, 47)
    assert (vote.reference, vote.procedure, vote.title) == (
        "RC-B9-0065/2022",
        "2022/2505(RSP)",
        "Situation in Kazakhstan",
    )
    assert vote.date == date(2022, 1, 20) and vote.flags == []


def test_card_voting_ids_resolve_with_the_mep_table(corpus: Path) -> None:
    parsed = parse_mepwatch_card(
        json_value(corpus / CARDS / "127976.json"), csv_rows(corpus / CARDS / "127976.csv")
    )
    (vote,) = parsed.votes
    aguilar = vote.members[0]
    assert (aguilar.person_id, aguilar.position, aguilar.group) == ("mepid:7244", "for", "ECR")
    people = parse_mepwatch_meps(csv_rows(corpus / "mepwatch/meps-term9.csv")).people
    unresolved = resolve_person_ids(parsed.votes, people)
    assert aguilar.person_id == "198096"
    assert unresolved == []
    assert not any(m.person_id.startswith("mepid:") for m in vote.members)


def test_card_with_a_bad_position_and_wrong_totals(corpus: Path) -> None:
    card = json_value(corpus / CARDS / "127976.json") | {"for": 600}
    rows = csv_rows(corpus / CARDS / "127976.csv")
    rows[0] = rows[0] | {"result": "maybe"}
    parsed = parse_mepwatch_card(card, rows)
    assert parsed.votes[0].flags == ["totals_mismatch"]
    assert parsed.warnings == [
        "row 1: position 'maybe' is not known",
        "vote 127976: totals 600/43/52 but the lists hold 597/43/52",
    ]


def test_unknown_layout_is_said(corpus: Path) -> None:
    parsed = parse_dataset([{"a": "1", "b": "2"}])
    assert parsed.votes == [] and parsed.warnings == ["not a dataset layout whereas knows"]
