"""The motion inside a committee report: its clauses, not the sections after it (texts invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from whereas.parse import parse_document
from whereas.read import read_bytes, read_path
from whereas.recognize import recognize

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"

ENGLISH = """European Parliament 2024-2029
Plenary sitting
A10-0123/2025
REPORT on the situation of human rights defenders in Freedonia
(2025/2001(INI))
Committee on Foreign Affairs
Rapporteur: Jane Example
CONTENTS
MOTION FOR A EUROPEAN PARLIAMENT RESOLUTION
EXPLANATORY STATEMENT
MINORITY POSITION
OPINION OF THE COMMITTEE ON DEVELOPMENT
INFORMATION ON ADOPTION IN COMMITTEE RESPONSIBLE
MOTION FOR A EUROPEAN PARLIAMENT RESOLUTION
on the situation of human rights defenders in Freedonia
(2025/2001(INI))
The European Parliament,
– having regard to its previous resolutions on Freedonia(1),
– having regard to Rule 55 of its Rules of Procedure,
– having regard to the report of the Committee on Foreign Affairs (A10-0123/2025),
A. whereas defenders in Freedonia are harassed;
B. whereas the Union has a dialogue with Freedonia;
General remarks
1. Condemns the harassment of defenders;
2. Calls on the Commission to fund their protection;
3. Instructs its President to forward this resolution to the Council and the Commission.
(1) OJ C 117, 11.3.2022, p. 109.
EXPLANATORY STATEMENT
The rapporteur visited Freedonia in spring.
1. Background
The defenders told the rapporteur about their work.
Calls on the reader to consider the following.
MINORITY POSITION
pursuant to Rule 55(4) of the Rules of Procedure
The minority regrets the report.
OPINION OF THE COMMITTEE ON DEVELOPMENT
SUGGESTIONS
1. Stresses that development aid matters;
INFORMATION ON ADOPTION IN COMMITTEE RESPONSIBLE
Date adopted 3.9.2025
"""
FRENCH = """A10-0124/2025
RAPPORT sur la situation en Freedonie
(2025/2002(INI))
Commission des affaires étrangères
PROPOSITION DE RÉSOLUTION DU PARLEMENT EUROPÉEN
sur la situation en Freedonie
(2025/2002(INI))
Le Parlement européen,
– vu ses résolutions antérieures sur la Freedonie,
A. considérant que la situation s'est dégradée;
1. condamne la répression;
2. invite la Commission à soutenir la société civile;
3. charge sa Présidente de transmettre la présente résolution au Conseil et à la Commission.
EXPOSÉ DES MOTIFS
Le rapporteur s'est rendu en Freedonie.
POSITION MINORITAIRE
La minorité regrette le rapport.
INFORMATIONS SUR L’ADOPTION PAR LA COMMISSION COMPÉTENTE
"""
GERMAN = """A10-0125/2025
BERICHT über die Lage in Freedonien
(2025/2003(INI))
Ausschuss für auswärtige Angelegenheiten
ENTSCHLIESSUNGSANTRAG DES EUROPÄISCHEN PARLAMENTS
zur Lage in Freedonien
(2025/2003(INI))
Das Europäische Parlament,
– unter Hinweis auf seine früheren Entschließungen zu Freedonien,
A. in der Erwägung, dass sich die Lage verschlechtert hat;
1. verurteilt die Unterdrückung;
2. fordert die Kommission auf, die Zivilgesellschaft zu unterstützen;
3. beauftragt seine Präsidentin, diese Entschließung dem Rat und der Kommission zu übermitteln.
BEGRÜNDUNG
Der Berichterstatter besuchte Freedonien.
ANGABEN ZUR ANNAHME IM FEDERFÜHRENDEN AUSSCHUSS
"""
Row = tuple[str, str | None, list[str], list[str]]


def _clauses(text: str) -> tuple[str, str | None, list[Row]]:
    read = read_bytes(text.encode())
    recognition = recognize(read)
    parsed = parse_document(read, recognition)
    rows: list[Row] = [(c.kind, c.label, c.verbs, c.addressees) for c in parsed.clauses]
    return str(recognition.kind), recognition.reference, rows


CLOSING = ["council", "commission"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            ENGLISH,
            "A10-0123/2025",
            [
                ("citation", None, [], []),
                ("citation", None, [], []),
                ("citation", None, [], []),
                ("recital", "A", [], []),
                ("recital", "B", [], []),
                ("paragraph", "1", ["condemns"], []),
                ("paragraph", "2", ["calls on"], ["commission"]),
                ("paragraph", "3", ["instructs"], CLOSING),
            ],
        ),
        (
            FRENCH,
            "A10-0124/2025",
            [
                ("citation", None, [], []),
                ("recital", "A", [], []),
                ("paragraph", "1", ["condemns"], []),
                ("paragraph", "2", ["calls on"], ["commission"]),
                ("paragraph", "3", ["instructs"], CLOSING),
            ],
        ),
        (
            GERMAN,
            "A10-0125/2025",
            [
                ("citation", None, [], []),
                ("recital", "A", [], []),
                ("paragraph", "1", ["condemns"], []),
                ("paragraph", "2", ["calls on"], ["commission"]),
                ("paragraph", "3", ["instructs"], CLOSING),
            ],
        ),
    ],
)
def test_a_report_has_the_clauses_of_its_motion(
    text: str, reference: str, expected: list[Row]
) -> None:
    assert _clauses(text) == ("report", reference, expected)


def test_the_explanatory_statement_stays_out_of_the_last_clause() -> None:
    read = read_bytes(ENGLISH.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert clauses[-1].text == (
        "Instructs its President to forward this resolution to the Council and the Commission."
    )
    assert clauses[0].footnotes == ["OJ C 117, 11.3.2022, p. 109."]


def test_a_report_without_a_motion_is_kept_with_a_warning() -> None:
    text = (
        "A10-0126/2025\nREPORT on nothing in particular\n(2025/2004(INI))\nEXPLANATORY STATEMENT\n"
    )
    read = read_bytes((text + "The rapporteur wrote this.\n" * 3).encode())
    parsed = parse_document(read, recognize(read))
    assert parsed.clauses == [] and parsed.warnings == ["no motion for a resolution in the report"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_the_corpus_report_has_its_motion_for_a_decision() -> None:
    _, read = read_path(CORPUS / "howtheyvote" / "document_a-9-2024-0163-en.html")
    parsed = parse_document(read, recognize(read))
    assert [(c.kind, c.label) for c in parsed.clauses] == [
        ("citation", None),
        ("citation", None),
        ("paragraph", "1"),
        ("paragraph", "2"),
        ("paragraph", "3"),
    ]
    assert parsed.header["kind"] == "report" and parsed.header["reference"] == "A9-0163/2024"
    # The amendments table after the motion is not part of its last paragraph.
    assert parsed.clauses[-1].text.endswith("for information.")


def test_the_running_header_and_footer_of_a_report_pdf_stay_out_of_the_clauses() -> None:
    text = ENGLISH.replace(
        "A. whereas defenders in Freedonia are harassed;",
        "A. whereas defenders in Freedonia\nRR\\1234567EN.docx 5/28 PE123.456v02-00\n"
        "EN United in diversity EN\nare harassed;",
    )
    read = read_bytes(text.encode())
    clauses = parse_document(read, recognize(read)).clauses
    recital = next(c for c in clauses if c.label == "A")
    assert recital.text == "whereas defenders in Freedonia are harassed;"
    assert [c.label for c in clauses if c.kind == "recital"] == ["A", "B"]


def test_a_report_in_a_language_without_its_section_names_stops_at_the_next_heading() -> None:
    # Slovenian: "OBRAZLOŽITEV" (explanatory statement) is not among the known section names.
    text = (
        "A10-0127/2025\nPOROČILO o razmerah v Freedoniji\n(2025/2005(INI))\n"
        "PREDLOG RESOLUCIJE EVROPSKEGA PARLAMENTA\no razmerah v Freedoniji\n(2025/2005(INI))\n"
        "Evropski parlament,\n– ob upoštevanju svojih prejšnjih resolucij,\n"
        "A. ker so razmere slabe;\n1. poziva Komisijo, naj ukrepa;\n"
        "OBRAZLOŽITEV\nPoročevalec je obiskal Freedonijo\nin napisal poročilo.\n"
    )
    read = read_bytes(text.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert [(c.kind, c.label) for c in clauses] == [
        ("citation", None),
        ("recital", "A"),
        ("paragraph", "1"),
    ]
    assert clauses[-1].text == "poziva Komisijo, naj ukrepa;"


def test_section_headings_in_small_letters_are_found_too() -> None:
    text = (
        ENGLISH.replace("MOTION FOR A EUROPEAN PARLIAMENT RESOLUTION\non the situation",
                        "Motion for a European Parliament resolution\non the situation")
        .replace("(1) OJ C 117, 11.3.2022, p. 109.\nEXPLANATORY STATEMENT",
                 "Explanatory statement")
    )  # fmt: skip
    assert "Explanatory statement" in text and "Motion for a European" in text
    read = read_bytes(text.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert len(clauses) == 8 and clauses[-1].text.endswith("the Council and the Commission.")


def test_a_legislative_report_stops_before_its_amendments() -> None:
    text = (
        "A10-0130/2025\nREPORT on the proposal for a regulation on widgets\n"
        "(COM(2025)0100 – C10-0050/2025 – 2025/0050(COD))\n"
        "DRAFT EUROPEAN PARLIAMENT LEGISLATIVE RESOLUTION\non the proposal for a regulation\n"
        "(COM(2025)0100 – C10-0050/2025 – 2025/0050(COD))\n"
        "(Ordinary legislative procedure: first reading)\nThe European Parliament,\n"
        "– having regard to the Commission proposal (COM(2025)0100),\n"
        "1. Adopts its position at first reading hereinafter set out;\n"
        "2. Instructs its President to forward its position to the Council.\n"
        "Amendment 1\nProposal for a regulation\nRecital 1\nText proposed by the Commission\n"
        "Amendment\n(1) Widgets are important.\n(1) Widgets are very important.\n"
    )
    read = read_bytes(text.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert [(c.kind, c.label) for c in clauses] == [
        ("citation", None),
        ("paragraph", "1"),
        ("paragraph", "2"),
    ]
    assert clauses[-1].text == "Instructs its President to forward its position to the Council."
    assert [c.verbs for c in clauses] == [[], ["adopts"], ["instructs"]]


def test_a_heading_in_capitals_between_clauses_is_a_title_and_the_statement_after_is_not() -> None:
    text = (
        "A10-0131/2025\nREPORT on Freedonia\n(2025/2006(INI))\n"
        "MOTION FOR A EUROPEAN PARLIAMENT RESOLUTION\non Freedonia\n(2025/2006(INI))\n"
        "The European Parliament,\n– having regard to its resolutions,\nA. whereas it rained;\n"
        "GENERAL REMARKS\n1. Condemns the rain;\nHUMAN RIGHTS DEFENDERS\n"
        "2. Calls on the Commission to act;\nPOJASNILO\n1. Background\n"
        "The rapporteur went to Freedonia.\n"
    )
    read = read_bytes(text.encode())
    clauses = parse_document(read, recognize(read)).clauses
    assert [(c.kind, c.label, c.text) for c in clauses] == [
        ("citation", None, "having regard to its resolutions,"),
        ("recital", "A", "whereas it rained;"),
        ("paragraph", "1", "Condemns the rain;"),
        ("paragraph", "2", "Calls on the Commission to act;"),
    ]
