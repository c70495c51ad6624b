"""EP identifiers in every form resolve to their human form; other numbers are not identifiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whereas.recognize.references import (
    complete_procedure,
    find_references,
    is_complete_procedure,
    normalise_reference,
    procedure_type,
)
from whereas.recognize.terms import TERM_STARTS

FORMS = [
    # motions
    ("B9-0065/2022", "motion", "B9-0065/2022"),
    ("B9\u20110065/2022", "motion", "B9-0065/2022"),
    ("B9\u20130065/2022", "motion", "B9-0065/2022"),
    ("B9 - 0065 / 2022", "motion", "B9-0065/2022"),
    ("B-9-2022-0065", "motion", "B9-0065/2022"),
    ("eli/dl/doc/B-9-2022-0065", "motion", "B9-0065/2022"),
    ("https://www.europarl.europa.eu/doceo/document/B-9-2022-0065_EN.html", "motion",
     "B9-0065/2022"),
    ("B10-0249/2025", "motion", "B10-0249/2025"),
    ("b-10-2025-0249", "motion", "B10-0249/2025"),
    ("B5-0123/2003", "motion", "B5-0123/2003"),
    # joint motions
    ("RC-B9-0065/2022", "joint_motion", "RC-B9-0065/2022"),
    ("RC-9-2022-0065", "joint_motion", "RC-B9-0065/2022"),
    ("RC9-0065/2022", "joint_motion", "RC-B9-0065/2022"),
    ("RC B9-0065/2022", "joint_motion", "RC-B9-0065/2022"),
    ("RC\u2011B10\u20110249/2025", "joint_motion", "RC-B10-0249/2025"),
    ("eli/dl/doc/RC-10-2025-0249", "joint_motion", "RC-B10-0249/2025"),
    ("RC-10-2025-0249-AM-001-002_EN", "joint_motion", "RC-B10-0249/2025"),
    # texts adopted
    ("P9_TA(2022)0012", "text_adopted", "P9_TA(2022)0012"),
    ("P9_TA-PROV(2022)0012", "text_adopted", "P9_TA(2022)0012"),
    ("TA-9-2022-0012", "text_adopted", "P9_TA(2022)0012"),
    ("T9-0012/2022", "text_adopted", "P9_TA(2022)0012"),
    ("P10_TA(2025)0096", "text_adopted", "P10_TA(2025)0096"),
    ("eli/dl/doc/TA-10-2025-0096", "text_adopted", "P10_TA(2025)0096"),
    # reports
    ("A9-0163/2024", "report", "A9-0163/2024"),
    ("A-9-2024-0163", "report", "A9-0163/2024"),
    # procedures
    ("2022/2505(RSP)", "procedure", "2022/2505(RSP)"),
    ("2022/2505 (RSP)", "procedure", "2022/2505(RSP)"),
    ("2022 / 2505 ( rsp )", "procedure", "2022/2505(RSP)"),
    ("ficheprocedure.do?lang=en&reference=2025/2691(RSP)", "procedure", "2025/2691(RSP)"),
    ("eli/dl/proc/2022-2505", "procedure", "2022/2505"),
    # sittings: minutes and their annexes, debates, ODP meetings
    ("PV-9-2022-01-20", "minutes", "PV-9-2022-01-20"),
    ("P9-PV(2020)07-23", "minutes", "PV-9-2020-07-23"),
    ("p9-pv(2020)07-23(rcv)_xc", "minutes", "PV-9-2020-07-23"),
    ("PV-10-2025-05-08-VOT", "minutes", "PV-10-2025-05-08"),
    ("PV-10-2025-05-08-RCV_EN.xml", "minutes", "PV-10-2025-05-08"),
    ("eli/dl/doc/PV-10-2025-05-08-ITM-007-02", "minutes", "PV-10-2025-05-08"),
    ("PV 08/05/2025 - 7.2", "minutes", "PV-10-2025-05-08"),
    ("CRE-9-2022-01-20", "debate", "CRE-9-2022-01-20"),
    ("CRE 08/05/2025 - 7.2", "debate", "CRE-10-2025-05-08"),
    ("MTG-PL-2022-01-20", "sitting", "MTG-PL-2022-01-20"),
    ("eli/dl/event/MTG-PL-2025-05-07-PVCRE-ITM-19-2", "sitting", "MTG-PL-2025-05-07"),
    # press releases
    ("20190712IPR56948", "press_release", "20190712IPR56948"),
    ("/news/en/press-room/20250204IPR26689/georgia", "press_release", "20250204IPR26689"),
]


@pytest.mark.parametrize(("written", "kind", "value"), FORMS)
def test_every_form_gives_the_human_form(written: str, kind: str, value: str) -> None:
    ref = normalise_reference(written)
    assert ref is not None
    assert (ref.kind, ref.value) == (kind, value)


NOT_REFERENCES = [
    "+32 2 284 20 00",
    "Tel. 0032 2 284 2022",
    "2022/2023",
    "12/2022",
    "20/01/2022",
    "Regulation (EU) 2022/2065 (DSA)",
    "B9-0065/2030",  # term 9 never numbered documents in 2030
    "B11-0001/2029",  # no term 11 yet
    "B9-0000/2022",
    "A4-size paper",
    "PV-9-2022-02-30",  # no such day
    "PV-10-2022-01-20",  # a term-9 sitting
    "20191312IPR56948",  # no 13th month
    "ISBN 978-92-846-2022-0065",
    "AB-9-2022-0065",
    # Glued on the left: the look-behinds written by hand after the first character.
    "X2022/2505(RSP)",
    "120220120IPR12345",
    "APV 20/01/2022",
    "ACRE 20/01/2022",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_other_numbers_are_not_references(text: str) -> None:
    assert find_references(text) == []


def test_spans_point_into_the_text() -> None:
    text = (
        "Joint motion RC-B10-0249/2025 replacing B10\u20110249/2025 (Verts/ALE);"
        " see P10_TA(2025)0096."
    )
    refs = find_references(text)
    assert [(r.kind, r.value) for r in refs] == [
        ("joint_motion", "RC-B10-0249/2025"),
        ("motion", "B10-0249/2025"),
        ("text_adopted", "P10_TA(2025)0096"),
    ]
    for ref in refs:
        assert ref.start is not None and ref.end is not None
        assert text[ref.start : ref.end] == ref.written


def test_a_motion_inside_a_joint_motion_is_not_found_twice() -> None:
    assert [r.value for r in find_references("(RC-B9-0065/2022)")] == ["RC-B9-0065/2022"]


def test_normalise_refuses_text_with_several_identifiers() -> None:
    assert normalise_reference("B9-0065/2022 and B9-0066/2022") is None
    assert normalise_reference("no reference here") is None


def test_an_eli_procedure_takes_its_type_from_the_same_document() -> None:
    refs = find_references("eli/dl/proc/2025-2691 ... label 2025/2691(RSP)")
    assert complete_procedure("2025/2691", refs) == "2025/2691(RSP)"
    assert complete_procedure("2025/2692", refs) == "2025/2692"
    assert not is_complete_procedure("2025/2692")
    assert is_complete_procedure("2025/2691(RSP)")


DASHES = st.sampled_from(["-", "\u2011", "\u2013", " - "])
TERMS = st.integers(min_value=5, max_value=10)


@st.composite
def numbered(draw: st.DrawFn) -> tuple[int, int, int]:
    """A consistent term, year and serial number."""
    term = draw(TERMS)
    first = TERM_STARTS[term].year
    year = draw(st.integers(min_value=first, max_value=first + 5))
    return term, year, draw(st.integers(min_value=1, max_value=9999))


@given(numbered(), DASHES, st.sampled_from(["B", "RC-B", "A"]))
def test_doceo_and_human_forms_round_trip(
    parts: tuple[int, int, int], dash: str, prefix: str
) -> None:
    term, year, number = parts
    human = f"{prefix}{term}-{number:04d}/{year}"
    doceo_prefix = {"B": "B", "RC-B": "RC", "A": "A"}[prefix]
    for written in (
        human,
        human.replace("-", dash),
        f"{doceo_prefix}-{term}-{year}-{number:04d}",
        f"eli/dl/doc/{doceo_prefix}-{term}-{year}-{number:04d}",
    ):
        ref = normalise_reference(written)
        assert ref is not None and ref.value == human


@given(numbered(), st.booleans())
def test_texts_adopted_round_trip(parts: tuple[int, int, int], provisional: bool) -> None:
    term, year, number = parts
    human = f"P{term}_TA({year}){number:04d}"
    prov = f"P{term}_TA-PROV({year}){number:04d}"
    for written in (human, prov if provisional else human, f"TA-{term}-{year}-{number:04d}",
                    f"T{term}-{number:04d}/{year}"):
        ref = normalise_reference(written)
        assert ref is not None and ref.value == human


@given(
    st.text(alphabet=st.sampled_from(list("abc xyz.,;()\n")), max_size=30),
    numbered(),
    st.text(alphabet=st.sampled_from(list("abc xyz.,;()\n")), max_size=30),
)
def test_found_in_any_surrounding_text(
    before: str, parts: tuple[int, int, int], after: str
) -> None:
    term, year, number = parts
    written = f"B{term}\u2011{number:04d}/{year}"
    text = f"{before} {written} {after}"
    refs = find_references(text)
    assert [r.value for r in refs] == [f"B{term}-{number:04d}/{year}"]
    assert text[refs[0].start or 0 : refs[0].end] == written


@given(st.integers(min_value=1979, max_value=2029), st.integers(min_value=1, max_value=9999),
       st.sampled_from(["RSP", "COD", "INI", "rsp"]))
def test_procedures_round_trip(year: int, number: int, kind: str) -> None:
    ref = normalise_reference(f"{year}/{number:04d}({kind})")
    assert ref is not None and ref.value == f"{year}/{number:04d}({kind.upper()})"
    eli = normalise_reference(f"eli/dl/proc/{year}-{number:04d}")
    assert eli is not None and eli.value == f"{year}/{number:04d}"


PROCEDURE_TYPES = [
    ("2022/2505(RSP)", "RSP"),
    ("2019/2125(INI)", "INI"),
    ("2022/2505(RSP)\n", "RSP"),
    ("2022/2505", None),  # an ELI procedure: no type
    ("2022/2505(rsp)", None),
    ("2022/2505(RSPX)", None),
    ("2022/2505(RS)", None),
    ("(RSP)2022/2505", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("procedure", "expected"), PROCEDURE_TYPES)
def test_procedure_type(procedure: str | None, expected: str | None) -> None:
    assert procedure_type(procedure) == expected
