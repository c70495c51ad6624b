"""Footnote markers out of clause text, footnote bodies out of the clauses (texts invented)."""

from __future__ import annotations

import pytest

from whereas.parse.records import Clause
from whereas.parse.resolution import parse_clauses
from whereas.parse.resolution.footnotes import strip_markers

PAGE = """The European Parliament,
– having regard to its previous resolutions on Freedonia(1),
– having regard to the Charter of Fundamental Rights[2],
– having regard to Council Decision (CFSP) 2020/1999(3),
A. whereas the Charter¹ binds the Union;
1. Condemns the arrests (4);
2. Instructs its President to forward this resolution to the Council. (1) OJ C 117, 11.3.2022, \
p. 109. (2) OJ C 23, 21.1.2021, p. 1. (3) OJ L 410 I, 7.12.2020, p. 13. (4) Texts adopted, \
P9_TA(2022)0012.
"""
# A PDF copied as text: digits glued to words, the footnotes at a page break in a recital.
PDF = """The European Parliament,
– having regard to the Charter1 ,
– having regard to its resolution of 7 December 2020 2,
A. whereas the Charter binds the Union and
___________
1 OJ C 202, 7.6.2016, p. 389.
2 OJ C 23, 21.1.2021,
p. 1.
its Member States;
1. Calls on the Commission to act;
2. Instructs its President to forward this resolution to the Council.
"""


def _read(text: str) -> list[Clause]:
    return parse_clauses(text.split("\n"), "en").clauses


def test_markers_leave_the_text_and_the_bodies_follow_their_clause() -> None:
    clauses = _read(PAGE)
    assert [(c.text, c.footnotes) for c in clauses] == [
        (
            "having regard to its previous resolutions on Freedonia,",
            ["OJ C 117, 11.3.2022, p. 109."],
        ),
        ("having regard to the Charter of Fundamental Rights,", ["OJ C 23, 21.1.2021, p. 1."]),
        ("having regard to Council Decision (CFSP) 2020/1999,", ["OJ L 410 I, 7.12.2020, p. 13."]),
        ("whereas the Charter binds the Union;", ["OJ C 117, 11.3.2022, p. 109."]),
        ("Condemns the arrests;", ["Texts adopted, P9_TA(2022)0012."]),
        ("Instructs its President to forward this resolution to the Council.", []),
    ]


def test_footnotes_at_a_page_break_neither_end_nor_join_the_clauses() -> None:
    clauses = _read(PDF)
    assert [(c.kind, c.label, c.text, c.footnotes) for c in clauses] == [
        ("citation", None, "having regard to the Charter,", ["OJ C 202, 7.6.2016, p. 389."]),
        (
            "citation",
            None,
            "having regard to its resolution of 7 December 2020,",
            ["OJ C 23, 21.1.2021, p. 1."],
        ),
        ("recital", "A", "whereas the Charter binds the Union and its Member States;", []),
        ("paragraph", "1", "Calls on the Commission to act;", []),
        (
            "paragraph",
            "2",
            "Instructs its President to forward this resolution to the Council.",
            [],
        ),
    ]
    assert clauses[3].addressees == ["commission"]


@pytest.mark.parametrize(
    "text",
    [
        "having regard to UN Security Council Resolution 2334 (2016),",
        "having regard to Article 7(1) and Article 3(1)(2) of the Treaty on European Union,",
        "having regard to Rule 144(5) and Rule 144a(2) of its Rules of Procedure,",
        "whereas paragraph 1 of the agreement (2) applies;",
        "Calls on the Commission to act under paragraph 1;",
        "whereas in 2019 12 people died of covid19, and COVID-19 spread over 3 km²;",
        "whereas the G7, the G20 and the H5N1 virus matter;",
        "Calls for the application of paragraph (1);",
    ],
)
def test_numbers_that_belong_to_the_text_stay(text: str) -> None:
    assert strip_markers(text) == (text, [])


def test_french_spacing_before_punctuation_is_kept() -> None:
    assert strip_markers("vu la charte(1) ; vu ses résolutions (2),") == (
        "vu la charte ; vu ses résolutions,",
        ["1", "2"],
    )


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        (
            "having regard to its resolution of 10 March 2022(1),",
            "having regard to its resolution of 10 March 2022,",
        ),
        (
            "having regard to its resolution of 10 March 2022 (1),",
            "having regard to its resolution of 10 March 2022,",
        ),
        ("vu sa résolution du 10 mars 2022(1),", "vu sa résolution du 10 mars 2022,"),
    ],
)
def test_a_marker_after_a_date_leaves_the_text(text: str, clean: str) -> None:
    assert strip_markers(text) == (clean, ["1"])


def test_bodies_under_a_text_adopted_in_french_and_german_leave_the_last_clause() -> None:
    for preamble, citation, closing, body in (
        ("Le Parlement européen,", "– vu sa résolution du 10 mars 2022(1),",
         "1. charge sa Présidente de transmettre la présente résolution au Conseil.",
         "(1) JO C 347 du 9.9.2022, p. 2."),
        ("Das Europäische Parlament,",
         "– unter Hinweis auf seine Entschließung vom 10. März 2022(1),",
         "1. beauftragt seine Präsidentin, diese Entschließung dem Rat zu übermitteln.",
         "(1) ABl. C 347 vom 9.9.2022, S. 2."),
    ):  # fmt: skip
        clauses = parse_clauses([preamble, citation, closing, body]).clauses
        assert [c.footnotes for c in clauses] == [[body[4:]], []]
        assert not clauses[0].text.endswith("(1),") and clauses[1].text.endswith(".")
        assert body not in clauses[1].text


def test_a_text_adopted_page_links_its_markers_to_the_footnote_table() -> None:
    # The shape of a doceo text adopted page: markers in <sup>, the bodies in a table under the
    # text, each number in a cell of its own.
    from whereas.parse import parse_document
    from whereas.read import read_bytes
    from whereas.recognize import recognize

    html = (
        '<html lang="en"><body><p>Texts adopted</p><p>Thursday, 20 January 2022 - Strasbourg</p>'
        "<p>European Parliament resolution of 20 January 2022 on Freedonia (2022/2505(RSP))</p>"
        "<p>The European Parliament,</p><p>– having regard to its resolution of 10 March "
        '2021<sup><a href="#def_1_1">(1)</a></sup>,</p>'
        "<p>A. whereas the Charter<sup>(2)</sup> binds the Union;</p>"
        "<p>1. Instructs its President to forward this resolution to the Council.</p>"
        "<table><tr><td><p>(1)</p></td><td><p>OJ C 474, 24.11.2021, p. 31.</p></td></tr>"
        "<tr><td><p>(2)</p></td><td><p>OJ C 202, 7.6.2016, p. 389.</p></td></tr></table>"
        "<p>Last updated: 21 January 2022</p></body></html>"
    )
    read = read_bytes(html.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert [(c.text, c.footnotes) for c in clauses] == [
        ("having regard to its resolution of 10 March 2021,", ["OJ C 474, 24.11.2021, p. 31."]),
        ("whereas the Charter binds the Union;", ["OJ C 202, 7.6.2016, p. 389."]),
        ("Instructs its President to forward this resolution to the Council.", []),
    ]
