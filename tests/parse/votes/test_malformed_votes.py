"""Broken vote files are reported, flagged and read as far as they go."""

from __future__ import annotations

from pathlib import Path

from whereas.parse.votes import TOTALS_MISMATCH, parse_roll_call

from .xml_trees import damaged_tree, xml_tree

SEPT_2024 = "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml"


def test_stated_totals_that_do_not_match_the_lists(corpus: Path) -> None:
    data = (
        (corpus / SEPT_2024)
        .read_bytes()
        .replace(b'Result.For Number="516"', b'Result.For Number="519"')
    )
    parsed = parse_roll_call(damaged_tree(data))
    first, second = parsed.votes
    assert first.for_ == 519 and len(first.members) == 672
    assert first.flags == [TOTALS_MISMATCH] and second.flags == []
    assert parsed.warnings == ["vote 169418: totals 519/129/27 but the lists hold 516/129/27"]


def test_truncated_file_keeps_the_votes_it_holds(corpus: Path) -> None:
    data = (corpus / SEPT_2024).read_bytes()
    cut = data[: data.index(b'Identifier="169419"') + 4000]
    parsed = parse_roll_call(damaged_tree(cut))
    first, second = parsed.votes
    assert first.flags == [] and len(first.members) == 672
    assert TOTALS_MISMATCH in second.flags and 0 < len(second.members) < 522
    assert len(parsed.warnings) == 1 and parsed.warnings[0].startswith("vote 169419: totals")


def test_member_without_id_unknown_member_and_bad_count(corpus: Path) -> None:
    data = (corpus / "howtheyvote/rcv_list_p9-pv(2020)07-23(rcv)_xc.xml").read_bytes()
    data = data.replace(b' MepId="6630" PersId="125025"', b"")
    data = data.replace(b'Result.Abstention Number="1"', b'Result.Abstention Number="one"')
    parsed = parse_roll_call(damaged_tree(data), known_people=frozenset({"198096"}))
    (vote,) = parsed.votes
    assert [m.person_id for m in vote.members] == ["198096", "", "197438"]
    assert vote.abstentions is None
    assert set(vote.flags) == {"member_without_id", "unknown_member"}
    assert parsed.warnings == [
        "vote 116365: Result.Abstention Number='one' is not a count",
        "vote 116365: 'de Graaff' has no MEP id",
        "vote 116365: MEP 197438 is not a known MEP",
    ]


def test_unknown_group_is_reported_and_left_unknown(corpus: Path) -> None:
    data = (corpus / "howtheyvote/rcv_list_pv-9-2020-07-23-rcv-fr.xml").read_bytes()
    parsed = parse_roll_call(damaged_tree(data.replace(b'Identifier="ID"', b'Identifier="XYZ"')))
    assert [m.group for m in parsed.votes[0].members] == ["ECR", None, "NI"]
    assert parsed.warnings == ["vote 116365: unknown group 'XYZ'"]


def test_a_file_without_votes_or_tree(corpus: Path) -> None:
    parsed = parse_roll_call(xml_tree(corpus / "howtheyvote/members_directory_term_9.xml"))
    assert parsed.votes == [] and parsed.warnings == ["no roll-call vote found"]
