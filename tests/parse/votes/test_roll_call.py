"""Roll-call XML (RCV) on the corpus: totals, positions by MEP and group, corrections, variants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from whereas.parse.votes import compare_publications, parse_roll_call, tally_by_group

from .xml_trees import xml_tree

SEPT_2024 = "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml"


def test_term10_sitting_totals_and_members(corpus: Path) -> None:
    parsed = parse_roll_call(xml_tree(corpus / SEPT_2024))
    assert parsed.warnings == []
    assert [v.vote_id for v in parsed.votes] == ["169418", "169419"]
    first, second = parsed.votes
    assert (first.for_, first.against, first.abstentions) == (516, 129, 27)
    assert (second.for_, second.against, second.abstentions) == (522, 127, 28)
    assert len(first.members) == 672
    assert first.reference == "B10-0020/2024"
    assert first.subject == "Motion for a resolution"
    assert first.date == date(2024, 9, 18)
    assert first.time is not None and first.time.isoformat() == "2024-09-18T12:18:27+02:00"
    assert first.title is not None and "carbendazim" in first.title
    assert first.roll_call and first.official and first.flags == []


def test_term10_positions_carry_both_ids_and_the_group_code(corpus: Path) -> None:
    first = parse_roll_call(xml_tree(corpus / SEPT_2024)).votes[0]
    axinia = next(m for m in first.members if m.name == "Axinia")
    assert (axinia.person_id, axinia.mep_id) == ("257117", "7683")
    assert (axinia.position, axinia.group) == ("for", "ECR")
    assert {m.group for m in first.members} == {
        "ECR",
        "ESN",
        "NI",
        "EPP",
        "PFE",
        "RENEW",
        "SD",
        "GUE_NGL",
        "GREEN_EFA",
    }


def test_group_breakdowns_sum_to_the_totals(corpus: Path) -> None:
    for vote in parse_roll_call(xml_tree(corpus / SEPT_2024)).votes:
        by_group = tally_by_group(vote)
        assert None not in by_group
        assert sum(t.for_ for t in by_group.values()) == vote.for_
        assert sum(t.against for t in by_group.values()) == vote.against
        assert sum(t.abstentions for t in by_group.values()) == vote.abstentions
    first = parse_roll_call(xml_tree(corpus / SEPT_2024)).votes[0]
    epp = tally_by_group(first)["EPP"]
    assert (epp.for_, epp.against, epp.abstentions) == (63, 105, 7)
    assert tally_by_group(first)["SD"].for_ == 126


def test_corrections_are_kept_apart_from_the_record(corpus: Path) -> None:
    first, second = parse_roll_call(xml_tree(corpus / SEPT_2024)).votes
    assert [(c.person_id, c.position, c.corrected) for c in first.corrections] == [
        ("256915", "for", True),
        ("190713", "for", True),
    ]
    # Mandl voted and is in the record with the group of that day; Camara is not in the lists.
    assert [c.group for c in first.corrections] == [None, "EPP"]
    assert not any(m.corrected for m in first.members)
    assert [(c.name, c.position) for c in second.corrections] == [
        ("Camara", "for"),
        ("Ruissen", "against"),
    ]


def test_term9_split_vote_with_clause_and_pre2021_group_code(corpus: Path) -> None:
    parsed = parse_roll_call(xml_tree(corpus / "howtheyvote/rcv_list_pv-9-2020-07-23-rcv-fr.xml"))
    (vote,) = parsed.votes
    assert (vote.reference, vote.subject) == ("B9-0229/2020", "§ 1/1")
    assert (vote.clause_label, vote.clause_kind) == ("1", "paragraph")
    assert (vote.for_, vote.against, vote.abstentions) == (1, 1, 1)
    # This file gives the voting id only: the person id says so until it is resolved.
    assert [(m.person_id, m.mep_id, m.group) for m in vote.members] == [
        ("mepid:7244", "7244", "ECR"),
        ("mepid:6630", "6630", "ID"),
        ("mepid:6836", "6836", "NI"),
    ]


def test_older_register_format_reads_the_same_votes(corpus: Path) -> None:
    old = parse_roll_call(xml_tree(corpus / "howtheyvote/rcv_list_p9-pv(2020)07-23(rcv)_xc.xml"))
    new = parse_roll_call(xml_tree(corpus / "howtheyvote/rcv_list_pv-9-2020-07-23-rcv-fr.xml"))
    assert old.header["minutes"] == "P9_PV(2020)07-23"
    (a,), (b,) = old.votes, new.votes
    assert (a.vote_id, a.subject, a.for_, a.against, a.abstentions) == (
        b.vote_id,
        b.subject,
        b.for_,
        b.against,
        b.abstentions,
    )
    assert [m.mep_id for m in a.members] == [m.mep_id for m in b.members]
    assert [m.person_id for m in a.members] == ["198096", "125025", "197438"]


def test_noon_and_evening_publications_of_one_day(corpus: Path) -> None:
    noon = parse_roll_call(
        xml_tree(corpus / "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-noon.xml")
    )
    evening = parse_roll_call(
        xml_tree(corpus / "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-evening.xml")
    )
    assert noon.header == evening.header
    assert [v.vote_id for v in noon.votes] == ["168834"]
    # The evening publication adds the afternoon vote and keeps the morning one unchanged.
    assert [v.vote_id for v in evening.votes] == ["168834", "168864"]
    assert replace(noon.votes[0], path=None) == replace(evening.votes[0], path=None)
    late = evening.votes[1]
    assert (late.reference, late.subject) == ("C9-0120/2024", "Rejet - Am 13= 23=")
    assert late.amendment == "13= 23="
    assert (late.for_, late.against, late.abstentions) == (None, 1, None)
    report = noon.votes[0]
    assert report.reference == "A9-0163/2024" and report.amendment == "1"
    assert noon.warnings == evening.warnings == []


def test_evening_publication_supersedes_noon(corpus: Path) -> None:
    noon = parse_roll_call(
        xml_tree(corpus / "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-noon.xml")
    )
    evening = parse_roll_call(
        xml_tree(corpus / "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-evening.xml")
    )
    change = compare_publications(noon, evening)
    assert (change.added, change.removed, change.changed) == (["168864"], [], [])
    assert change.supersedes
    assert not compare_publications(evening, noon).supersedes
    other_day = parse_roll_call(xml_tree(corpus / SEPT_2024))
    assert not compare_publications(noon, other_day).supersedes
