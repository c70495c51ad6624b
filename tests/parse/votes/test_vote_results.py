"""Results of votes (VOT) on the corpus: every vote of a sitting with its subject and clause."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from whereas.parse.records import Vote
from whereas.parse.votes import parse_vote_results

from .xml_trees import xml_tree

MAY_2025 = "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml"


def _block(votes: list[Vote], reference: str) -> list[Vote]:
    return [v for v in votes if v.reference == reference]


def test_ukrainian_children_joint_motion_block(corpus: Path) -> None:
    parsed = parse_vote_results(xml_tree(corpus / MAY_2025))
    assert parsed.warnings == []
    assert parsed.header["sitting_date"] == "2025-05-08"
    block = _block(parsed.votes, "RC-B10-0249/2025")
    assert [(v.subject, v.clause_label, v.clause_kind, v.author, v.result) for v in block] == [
        ("§ 1/1", "1", "paragraph", "original text", "adopted"),
        ("§ 1/2", "1", "paragraph", "original text", "adopted"),
        ("After § 4 - Am 1", "after 4", "paragraph", "Renew", "adopted"),
        ("After § 6 - Am 2", "after 6", "paragraph", "Renew", "rejected"),
        ("After recital B - Am 3", "after B", "recital", "ECR", "rejected"),
        ("Motion for a resolution (as a whole)", None, None, None, "adopted"),
    ]
    final = block[-1]
    assert (final.for_, final.against, final.abstentions) == (516, 3, 34)
    assert final.roll_call and final.official and final.vote_id == "176309"
    assert final.date == date(2025, 5, 8)
    assert final.time is not None and final.time.isoformat() == "2025-05-08T12:08:20+02:00"
    assert final.title == "Return of Ukrainian children forcibly transferred and deported by Russia"
    # Split parts and amendments were voted by show of hands: results kept, counts unknown.
    assert all(v.for_ is None and not v.roll_call for v in block[:-1])
    assert [v.amendment for v in block] == [None, None, "1", "2", "3", None]


def test_group_motions_lapse_with_their_groups(corpus: Path) -> None:
    votes = parse_vote_results(xml_tree(corpus / MAY_2025)).votes
    motions = [
        "B10-0247/2025",
        "B10-0249/2025",
        "B10-0250/2025",
        "B10-0252/2025",
        "B10-0255/2025",
        "B10-0258/2025",
    ]
    lapsed = [v for v in votes if v.reference in motions]
    assert [(v.reference, v.author, v.result) for v in lapsed] == [
        ("B10-0247/2025", "The Left", "lapsed"),
        ("B10-0249/2025", "Verts/ALE", "lapsed"),
        ("B10-0250/2025", "S&D", "lapsed"),
        ("B10-0252/2025", "Renew", "lapsed"),
        ("B10-0255/2025", "PPE", "lapsed"),
        ("B10-0258/2025", "ECR", "lapsed"),
    ]
    assert all(v.for_ is None and v.title == lapsed[0].title for v in lapsed)


def test_other_joint_motions_of_the_sitting(corpus: Path) -> None:
    votes = parse_vote_results(xml_tree(corpus / MAY_2025)).votes
    tibet = _block(votes, "RC-B10-0248/2025")
    assert [(v.subject, v.for_, v.against, v.abstentions, v.result) for v in tibet] == [
        ("§ 1 - Am 1", 154, 379, 19, "rejected"),
        ("Motion for a resolution (as a whole)", 478, 30, 41, "adopted"),
    ]
    tanzania = _block(votes, "RC-B10-0260/2025")
    assert tanzania[0].subject == "After § 5 - Am 1" and tanzania[0].author == "ESN"
    assert tanzania[1].result == "adopted" and tanzania[1].for_ is None


def test_legislative_votes_carry_their_procedure(corpus: Path) -> None:
    votes = parse_vote_results(xml_tree(corpus / MAY_2025)).votes
    cars = [v for v in votes if v.procedure == "2025/0070(COD)"]
    assert cars[0].reference == "C10-0062/2025"
    assert (cars[0].subject, cars[0].author) == ("Title - Am 4", "ECR")
    joint_authors = next(v for v in cars if v.amendment == "3D= 19D=")
    assert joint_authors.author == "ECR, PfE"


def test_november_2024_recommendation_rejected(corpus: Path) -> None:
    votes = parse_vote_results(
        xml_tree(corpus / "howtheyvote/vot-list_pv-10-2024-11-28-vot-en.xml")
    ).votes
    final = [v for v in _block(votes, "RC-B10-0173/2024") if v.subject and "whole" in v.subject]
    assert [(v.for_, v.against, v.abstentions, v.result) for v in final] == [
        (152, 378, 26, "rejected")
    ]
    finals = [v for v in votes if v.subject == "Motion for a resolution (as a whole)"]
    assert len(finals) == 7


def test_term9_sitting_splits_and_electronic_votes(corpus: Path) -> None:
    votes = parse_vote_results(
        xml_tree(corpus / "howtheyvote/vot-list_pv-9-2024-03-14-vot-en.xml")
    ).votes
    romania = _block(votes, "RC-B9-0169/2024")
    assert ("§ 15/1", 496, 11, 26) in [
        (v.subject, v.for_, v.against, v.abstentions) for v in romania
    ]
    assert any(v.clause_label == "after 14" and v.clause_kind == "citation" for v in romania)
    tunisia = _block(votes, "B9-0173/2024")[-1]
    # An electronic vote is counted without a roll call.
    assert (tunisia.for_, tunisia.against, tunisia.abstentions, tunisia.roll_call) == (
        243,
        167,
        41,
        False,
    )
