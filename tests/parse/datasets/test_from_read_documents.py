"""The parsers on documents as whereas.read gives them (the path `whereas ingest` takes)."""

from __future__ import annotations

from pathlib import Path

from whereas.parse.datasets import parse_dataset
from whereas.parse.people import parse_member_page, parse_people_directory
from whereas.parse.votes import parse_roll_call, parse_vote_results
from whereas.read import read_bytes
from whereas.read.document import ReadDocument

SEPT_2024 = "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml"


def _read(corpus: Path, name: str) -> ReadDocument:
    return read_bytes((corpus / name).read_bytes(), name=name)


def test_vote_lists(corpus: Path) -> None:
    rcv = parse_roll_call(_read(corpus, SEPT_2024))
    assert [(v.for_, v.against, v.abstentions) for v in rcv.votes] == [
        (516, 129, 27),
        (522, 127, 28),
    ]
    assert rcv.body and rcv.warnings == []
    register = parse_roll_call(_read(corpus, "howtheyvote/rcv_list_p9-pv(2020)07-23(rcv)_xc.xml"))
    assert [v.subject for v in register.votes] == ["§ 1/1"]
    vot = parse_vote_results(_read(corpus, "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml"))
    final = next(v for v in vot.votes if v.vote_id == "176309")
    assert (final.reference, final.for_, final.against, final.abstentions) == (
        "RC-B10-0249/2025",
        516,
        3,
        34,
    )


def test_truncated_roll_call_keeps_the_complete_vote(corpus: Path) -> None:
    data = (corpus / SEPT_2024).read_bytes()
    document = read_bytes(data[: data.index(b'Identifier="169419"') + 4000], name="cut.xml")
    assert document.warnings and document.warnings[0].startswith("damaged XML read in part")
    parsed = parse_roll_call(document)
    assert [v.flags for v in parsed.votes] == [[], ["totals_mismatch"]]
    assert parsed.votes[0].for_ == 516 and len(parsed.votes[0].members) == 672


def test_people(corpus: Path) -> None:
    directory = parse_people_directory(_read(corpus, "howtheyvote/members_directory_term_9.xml"))
    assert len(directory.people) == 875
    page = parse_member_page(_read(corpus, "howtheyvote/member_groups_weber_term_10.html"))
    assert [(p.person_id, p.country) for p in page.people] == [("28229", "DEU")]
    odp = parse_dataset(_read(corpus, "ep-open-data/data_v1_meps_9_en.csv"))
    assert odp.header["layout"] == "odp_meps" and len(odp.people) == 813
    assert sum("lossy_name" in p.flags for p in odp.people) == 71


def test_datasets(corpus: Path) -> None:
    card = parse_dataset(_read(corpus, "mepwatch/cards/139038.json"))
    assert card.header["layout"] == "mepwatch_card" and card.votes[0].for_ == 589
    index = parse_dataset(_read(corpus, "mepwatch/cards/_index_2021-02-11_2022-01-20.csv"))
    assert index.header["layout"] == "item_rollcall" and len(index.votes) == 75
    tabled = parse_dataset(_read(corpus, "parlparse/text_tabled.csv"))
    assert tabled.procedures["RC-B9-0144/2021"] == "2021/2544(RSP)"
