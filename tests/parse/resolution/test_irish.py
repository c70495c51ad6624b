"""Irish: the formula pack reads a resolution's clauses (text invented here, in Irish)."""

from __future__ import annotations

from datetime import date

from whereas.parse import parse_document
from whereas.parse.resolution import parse_clauses
from whereas.read import read_bytes
from whereas.recognize import recognize

CLAUSES = """Tá Parlaimint na hEorpa,
– ag féachaint dá rúin roimhe seo maidir le Freedonia,
– ag féachaint do Riail 150 dá Rialacha Nós Imeachta,
A. de bhrí go bhfuil an scéal ag dul in olcas;
B. ós rud é gur gabhadh iriseoirí;
1. Cáineann sí go láidir na gabhálacha;
2. Iarrann sí ar an gCoimisiún agus ar na Ballstáit tacú leis an tsochaí shibhialta;
3. Tá sí buartha faoin gcás agus éilíonn sí go scaoilfear saor na hiriseoirí;
4. Tugann sí treoir dá hUachtarán an rún seo a chur ar aghaidh chuig an gComhairle agus chuig \
an gCoimisiún.
"""
EXPECTED = [
    ("citation", None, [], []),
    ("citation", None, [], []),
    ("recital", "A", [], []),
    ("recital", "B", [], []),
    ("paragraph", "1", ["strongly condemns"], []),
    ("paragraph", "2", ["calls on"], ["commission", "member_states"]),
    ("paragraph", "3", ["is concerned", "demands"], []),
    ("paragraph", "4", ["instructs"], ["council", "commission"]),
]


def test_an_irish_resolution_is_read_by_its_formulas() -> None:
    for language in ("ga", None):  # given, or found by its formulas
        parsed = parse_clauses(CLAUSES.split("\n"), language)
        assert [(c.kind, c.label, c.verbs, c.addressees) for c in parsed.clauses] == EXPECTED
        assert parsed.warnings == []


def test_an_irish_text_adopted_is_recognised_and_parsed() -> None:
    text = "Rún ó Pharlaimint na hEorpa an 20 Eanáir 2022 maidir le Freedonia (2022/2505(RSP))\n"
    read = read_bytes((text + CLAUSES).encode())
    recognition = recognize(read)
    parsed = parse_document(read, recognition)
    assert (recognition.kind, recognition.date) == ("text_adopted", date(2022, 1, 20))
    assert parsed.header["language"] == "ga"
    assert len(parsed.clauses) == len(EXPECTED)


def test_irish_months_of_two_words_date_a_title_line() -> None:
    from whereas.recognize.adoption import written_dates

    assert written_dates("Rún ó Pharlaimint na hEorpa an 17 Meán Fómhair 2019 maidir le") == [
        date(2019, 9, 17)
    ]
