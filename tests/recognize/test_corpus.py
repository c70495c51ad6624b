"""Every file of the real corpus is recognised: kind, own reference, procedure, references."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from whereas.read import read_path
from whereas.recognize import Recognition, recognize

CORPUS_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

UKRAINIAN_CHILDREN_MOTIONS = [
    "B10-0249/2025", "B10-0250/2025", "B10-0252/2025", "B10-0255/2025", "B10-0258/2025",
]
UKRAINIAN_CHILDREN = [
    "RC-B10-0249/2025", *UKRAINIAN_CHILDREN_MOTIONS, "2025/2691(RSP)", "P10_TA(2025)0096",
    "PV-10-2025-05-08", "CRE-10-2025-05-08",
]
MYANMAR_MOTIONS = [
    "B9-0116/2021", "B9-0117/2021", "B9-0120/2021", "B9-0122/2021", "B9-0125/2021",
    "B9-0128/2021",
]


@dataclass(frozen=True)
class Expected:
    """What a corpus file is, written here after reading it."""

    kind: str
    reference: str | None = None
    procedure: str | None = None
    references: list[str] = field(default_factory=list)
    language: str | None = None
    day: date | None = None
    publisher: str | None = None
    title_contains: str | None = None


JOINT_MOTION_PAGE = Expected(
    "joint_motion", "RC-B10-0249/2025", "2025/2691(RSP)", UKRAINIAN_CHILDREN, "en",
    date(2025, 5, 7), "European Parliament", "on the return of Ukrainian children",
)
SUMMARY = Expected(
    "procedure_summary", "2021/2540(RSP)", "2021/2540(RSP)", ["2021/2540(RSP)"], "en",
    date(2021, 2, 11), "Legislative Observatory", "situation in Myanmar",
)
MYANMAR_FILE = Expected(
    "procedure_file", "2021/2540(RSP)", "2021/2540(RSP)",
    ["P9_TA(2021)0054", *MYANMAR_MOTIONS], "en", date(2021, 2, 11), "Legislative Observatory",
    "Resolution on the situation in Myanmar",
)
VENEZUELA = Expected(
    "press_release", "20190712IPR56948", None, ["20190712IPR56948"], "en", date(2019, 7, 18),
    "European Parliament", "Venezuela",
)
GEORGIA = Expected(
    "press_release", "20250204IPR26689", None, ["20250204IPR26689"], "en", date(2025, 2, 13),
    "European Parliament", "Georgia",
)

EXPECTED: dict[str, Expected] = {
    "howtheyvote/document_rc-10-2025-0249-en.html": JOINT_MOTION_PAGE,
    "text-dumps/document_rc-10-2025-0249-en.txt": JOINT_MOTION_PAGE,
    "derived/document_rc-10-2025-0249-en.print.pdf": JOINT_MOTION_PAGE,
    "derived/document_rc-10-2025-0249-en.numbered.docx": JOINT_MOTION_PAGE,
    "howtheyvote/odp-document_rc-10-2025-0249.json": Expected(
        "joint_motion", "RC-B10-0249/2025", "2025/2691(RSP)",
        ["RC-B10-0249/2025", *UKRAINIAN_CHILDREN_MOTIONS, "2025/2691(RSP)", "MTG-PL-2025-05-08"],
        "mul", date(2025, 5, 7), "European Parliament", "Ukrainian children",
    ),
    "howtheyvote/odp-document_rc-9-2021-0068.json": Expected(
        "joint_motion", "RC-B9-0068/2021", "2021/2505(RSP)",
        ["B9-0068/2021", "B9-0069/2021", "B9-0070/2021", "B9-0071/2021", "B9-0087/2021"],
        "mul", date(2021, 1, 20), "European Parliament",
    ),
    "howtheyvote/odp-procedure_2025-2691.json": Expected(
        "procedure_file", "2025/2691(RSP)", "2025/2691(RSP)",
        ["RC-B10-0249/2025", "B10-0247/2025", *UKRAINIAN_CHILDREN_MOTIONS, "P10_TA(2025)0096",
         "PV-10-2025-05-08", "CRE-10-2025-05-07", "MTG-PL-2025-05-08"],
        "mul", date(2025, 5, 8), "European Parliament", "Ukrainian children",
    ),
    "howtheyvote/odp-procedure_2024-2006.json": Expected(
        "procedure_file", "2024/2006(REG)", "2024/2006(REG)",
        ["A9-0163/2024", "P9_TA(2024)0315", "PV-9-2024-04-24", "CRE-9-2024-04-24"],
        "mul", date(2024, 4, 24), "European Parliament",
    ),
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml": Expected(
        "vote_results", "PV-10-2025-05-08", None,
        ["RC-B10-0249/2025", *UKRAINIAN_CHILDREN_MOTIONS, "RC-B10-0248/2025", "RC-B10-0260/2025"],
        "en", date(2025, 5, 8), "European Parliament",
    ),
    "howtheyvote/vot-list_pv-10-2024-11-28-vot-en.xml": Expected(
        "vote_results", "PV-10-2024-11-28", None, ["RC-B10-0173/2024"], "en",
        date(2024, 11, 28), "European Parliament",
    ),
    "howtheyvote/vot-list_pv-9-2024-03-14-vot-en.xml": Expected(
        "vote_results", "PV-9-2024-03-14", None, ["RC-B9-0169/2024"], "en", date(2024, 3, 14),
        "European Parliament",
    ),
    "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml": Expected(
        "roll_call", "PV-10-2024-09-18", None, ["B10-0020/2024"], "mul", date(2024, 9, 18),
        "European Parliament",
    ),
    "howtheyvote/rcv_list_pv-9-2020-07-23-rcv-fr.xml": Expected(
        "roll_call", "PV-9-2020-07-23", None, ["B9-0229/2020"], "mul", date(2020, 7, 23),
    ),
    "howtheyvote/rcv_list_p9-pv(2020)07-23(rcv)_xc.xml": Expected(
        "roll_call", "PV-9-2020-07-23", None, ["B9-0229/2020"], "mul", date(2020, 7, 23),
    ),
    "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-noon.xml": Expected(
        "roll_call", "PV-9-2024-04-24", None, ["A9-0163/2024"], "mul", date(2024, 4, 24),
    ),
    "howtheyvote/rcv-list_pv-9-2024-04-24-rcv-fr-evening.xml": Expected(
        "roll_call", "PV-9-2024-04-24", None, ["A9-0163/2024"], "mul", date(2024, 4, 24),
    ),
    "howtheyvote/odp_mtg-pl-2024-07-16.xml": Expected(
        "sitting", "MTG-PL-2024-07-16", None, ["MTG-PL-2024-07-16"], "mul", date(2024, 7, 16),
        "European Parliament",
    ),
    "howtheyvote/oeil-procedure-file_2021-2540-rsp.html": MYANMAR_FILE,
    "text-dumps/oeil-procedure-file_2021-2540-rsp.txt": MYANMAR_FILE,
    "howtheyvote/oeil-procedure-file_2022-2852-rsp.html": Expected(
        "procedure_file", "2022/2852(RSP)", "2022/2852(RSP)",
        ["P9_TA(2022)0364", "B9-0462/2022", "B9-0463/2022"], "en", None,
        "Legislative Observatory", "Schengen",
    ),
    "howtheyvote/oeil-document-summary_1651118.html": SUMMARY,
    "text-dumps/oeil-document-summary_1651118.txt": SUMMARY,
    "howtheyvote/press-release_20190712IPR56948.html": VENEZUELA,
    "text-dumps/press-release_20190712IPR56948.txt": VENEZUELA,
    "howtheyvote/press-release_20250204IPR26689.html": GEORGIA,
    "text-dumps/press-release_20250204IPR26689.txt": GEORGIA,
    "howtheyvote/document_a-9-2024-0163-en.html": Expected(
        "report", "A9-0163/2024", "2024/2006(REG)",
        ["A9-0163/2024", "P9_TA(2024)0315", "PV-9-2024-04-24", "CRE-9-2024-04-24"], "en",
        date(2024, 4, 4), "European Parliament", "on amendments to Parliament’s Rules",
    ),
    "howtheyvote/members_directory_term_9.xml": Expected("people"),
    "howtheyvote/member_info_aaltola_home.html": Expected(
        "people", language="en", publisher="European Parliament"),
    "howtheyvote/member_groups_weber_term_10.html": Expected(
        "people", language="en", publisher="European Parliament"),
    "press-and-news/pirati-cz-2022-01-07-kazakhstan.md": Expected(
        "press_release", language="cs", day=date(2022, 1, 7), title_contains="Kazachstánu"),
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md": Expected(
        "press_release", language="cs", day=date(2022, 1, 20), title_contains="Kazachstánu"),
    "press-and-news/pirati-cz-2022-02-02-kazakhstan-op-ed.md": Expected(
        "news", language="cs", day=date(2022, 1, 24), title_contains="Kazachstán"),
    "press-and-news/pirati-cz-2022-11-24-belarus-resolution.md": Expected(
        "press_release", language="cs", day=date(2022, 11, 24), title_contains="Bělorusku"),
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md": Expected(
        "news", language="fr", day=date(2025, 3, 13), publisher="armenews.com",
        title_contains="prisonniers Arméniens"),
    "press-and-news/icij-en-2025-11-transnational-repression.md": Expected(
        "news", language="en", day=date(2025, 11, 18), publisher="icij.org",
        title_contains="transnational repression"),
    "mepwatch/cards/127976.json": Expected(
        "dataset", None, "2021/2544(RSP)", ["RC-B9-0144/2021"], day=date(2021, 2, 11)),
    "mepwatch/cards/139038.json": Expected(
        "dataset", None, "2022/2505(RSP)", ["B9-0065/2022"], day=date(2022, 1, 20)),
    "mepwatch/cards/_index_2021-02-11_2022-01-20.csv": Expected(
        "dataset", references=["RC-B9-0144/2021", "B9-0065/2022"]),
    "mepwatch/meps-term9.csv": Expected("dataset"),
    "mepwatch/text_tabled-term10.csv": Expected(
        "dataset", references=["B10-0007/2024", "2024/2721(RSP)"]),
    "parlparse/item_rollcall.csv": Expected("dataset", references=["RC-B9-0144/2021"]),
    "parlparse/text_tabled.csv": Expected("dataset", references=["2021/2540(RSP)"]),
    "votes-export/main-votes-term9.csv": Expected(
        "dataset", references=["2022/2505(RSP)", "RC-B9-0065/2022"]),
    "votes-export/main-votes-term10.csv": Expected(
        "dataset", references=["2025/2691(RSP)", "P10_TA(2025)0096"]),
    "ep-open-data/data_v1_meps_9_en.csv": Expected("dataset"),
}


@cache
def recognised(relative: str) -> Recognition:
    path = CORPUS_ROOT / relative
    _, doc = read_path(path)
    return recognize(doc, name=path.name)


def _values(recognition: Recognition) -> set[str]:
    return {ref.value for ref in recognition.references}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_corpus_file_is_recognised(corpus: Path, relative: str) -> None:
    expected = EXPECTED[relative]
    found = recognised(relative)
    assert found.kind == expected.kind
    assert found.reference == expected.reference
    assert found.procedure == expected.procedure
    assert set(expected.references) <= _values(found)
    assert found.language == expected.language
    if expected.day is not None or expected.kind in ("dataset", "people"):
        assert found.date == expected.day
    if expected.publisher is not None:
        assert found.publisher == expected.publisher
    if expected.title_contains is not None:
        assert found.title is not None and expected.title_contains in found.title


def test_every_corpus_file_has_an_expectation(corpus: Path) -> None:
    cards = {p.relative_to(corpus).as_posix() for p in (corpus / "mepwatch/cards").iterdir()}
    files = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()}
    assert files - cards - set(EXPECTED) == set()


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_every_mepwatch_card_is_a_dataset_on_a_resolution(corpus: Path, suffix: str) -> None:
    cards = sorted((corpus / "mepwatch/cards").glob(f"[0-9]*.{suffix}"))
    assert len(cards) == 75
    for card in cards:
        found = recognised(card.relative_to(corpus).as_posix())
        assert found.kind == "dataset", card.name
        if suffix == "json":  # each card names its motion; 56 also link their procedure
            assert found.procedure is None or found.procedure.endswith("(RSP)"), card.name
            assert any(r.kind in ("motion", "joint_motion") for r in found.references), card.name


def test_most_mepwatch_cards_link_their_procedure(corpus: Path) -> None:
    cards = sorted((corpus / "mepwatch/cards").glob("[0-9]*.json"))
    linked = [c for c in cards if recognised(c.relative_to(corpus).as_posix()).procedure]
    assert len(linked) == 56


def test_spans_of_text_references_point_into_the_text(corpus: Path) -> None:
    path = corpus / "text-dumps/document_rc-10-2025-0249-en.txt"
    _, doc = read_path(path)
    for ref in recognize(doc).references:
        assert ref.start is not None and ref.end is not None
        assert doc.text[ref.start : ref.end] == ref.written


def test_the_kind_does_not_come_from_the_file_name(corpus: Path) -> None:
    _, doc = read_path(corpus / "howtheyvote/press-release_20190712IPR56948.html")
    found = recognize(doc, name="document_rc-10-2025-0249-en.html")
    assert found.kind == "press_release"
    assert any("file name" in warning for warning in found.warnings)


def test_procedure_file_date_is_its_latest_event(corpus: Path) -> None:
    found = recognised("howtheyvote/oeil-procedure-file_2022-2852-rsp.html")
    assert found.date is not None and found.date >= date(2022, 12, 8)
