"""Resolution texts in the layouts they are published and copied in (texts invented here).

EUR-Lex prints the Official Journal's clauses as flattened table cells; old texts adopted put a
recital's indents on lines of their own; long resolutions carry titles between clauses; news
and legal databases quote paragraphs as a dashed list; document-sharing sites flatten a whole
resolution into one paragraph.
"""

from __future__ import annotations

from whereas.parse.resolution import parse_clauses, parse_resolution
from whereas.read.document import ReadDocument

from .documents import outline


def test_official_journal_table_cells() -> None:
    lines = [
        "The European Parliament,",
        "— |",
        "having regard to its earlier resolutions on Freedonia (1), |",
        "— |",
        "having regard to the statement of its Subcommittee on Human Rights, |",
        "A. |",
        "whereas a test sentence stands here; |",
        "1. |",
        "Calls on the Freedonian authorities to free the prisoners; |",
    ]
    parsed = parse_clauses(lines, "en")
    assert outline(parsed.clauses) == [
        ("citation", None, None),
        ("citation", None, None),
        ("recital", "A", None),
        ("paragraph", "1", None),
    ]
    assert parsed.clauses[1].text == (
        "having regard to the statement of its Subcommittee on Human Rights,"
    )
    assert parsed.clauses[3].verbs == ["calls on"]


def test_citations_without_dashes() -> None:
    lines = [
        "The European Parliament,",
        "having regard to its earlier resolutions on Freedonia,",
        "having regard to Rule 144 of its Rules of Procedure,",
        "A. whereas a test sentence stands here;",
    ]
    parsed = parse_clauses(lines, "en")
    assert [c.kind for c in parsed.clauses] == ["citation", "citation", "recital"]


def test_the_indents_of_a_recital_on_lines_of_their_own() -> None:
    lines = [
        "The European Parliament,",
        "– having regard to its earlier resolutions,",
        "A. whereas:",
        "-",
        "the first reason stands here,",
        "-",
        "the second reason stands here;",
        "1. Calls on the Council to act;",
    ]
    parsed = parse_clauses(lines, "en")
    assert outline(parsed.clauses) == [
        ("citation", None, None),
        ("recital", "A", None),
        ("point", None, 2),
        ("point", None, 2),
        ("paragraph", "1", None),
    ]


def test_a_title_between_clauses_is_no_part_of_them() -> None:
    lines = [
        "The European Parliament,",
        "– having regard to its earlier resolutions,",
        "A. whereas a test sentence stands here,",
        "General remarks",
        "1. Welcomes the test;",
        "Human rights defenders",
        "2. Calls on the Council to act;",
    ]
    parsed = parse_clauses(lines, "en")
    assert [c.kind for c in parsed.clauses] == ["citation", "recital", "paragraph", "paragraph"]
    assert parsed.clauses[1].text == "whereas a test sentence stands here,"
    assert parsed.clauses[2].text == "Welcomes the test;"


def test_a_wrapped_capitalised_line_still_continues_its_clause() -> None:
    lines = [
        "The European Parliament,",
        "– having regard to the conclusions of the",
        "European Council of 1 March 2020,",
        "A. whereas a test sentence stands here,",
        "European Union",
        "and its Member States act together;",
    ]
    parsed = parse_clauses(lines, "en")
    assert [c.kind for c in parsed.clauses] == ["citation", "recital"]
    assert parsed.clauses[1].text.endswith(
        "here, European Union and its Member States act together;"
    )


def test_paragraphs_quoted_as_a_dashed_list() -> None:
    lines = [
        "Resolution of Parliament of 3 March 2011 on Freedonia, as quoted:",
        "- (...) Calls for the release of the prisoners;",
        "- Calls on the EU to send observers to the trials;",
    ]
    parsed = parse_clauses(lines, "en")
    assert [(c.kind, c.verbs) for c in parsed.clauses] == [
        ("paragraph", ["calls for"]),
        ("paragraph", ["calls on"]),
    ]
    assert parsed.clauses[0].text.startswith("Calls for")
    assert parsed.clauses[1].addressees == ["eu"]


def test_a_resolution_flattened_into_one_paragraph() -> None:
    text = (
        "P7_TA(2012)0100 Freedonia European Parliament resolution of 5 July 2012 on Freedonia "
        "(2012/2600(RSP)) The European Parliament, – having regard to its earlier resolutions "
        "on Freedonia, – having regard to the Charter of Fundamental Rights, A. whereas a first "
        "test sentence stands here; B. whereas a second test sentence, that of a longer recital "
        "with a comma, stands here; 1. Condemns the arrests; 2. Calls on the Council to act;"
    )
    parsed = parse_resolution(ReadDocument("text", text))
    assert outline(parsed.clauses) == [
        ("citation", None, None),
        ("citation", None, None),
        ("recital", "A", None),
        ("recital", "B", None),
        ("paragraph", "1", None),
        ("paragraph", "2", None),
    ]
    assert parsed.clauses[4].verbs == ["condemns"]


def test_a_long_citation_with_dashes_inside_stays_whole() -> None:
    citation = (
        "– having regard to the report of the Special Rapporteur – the second one this year – "
        "on the situation in Freedonia, which covers the arrests, the trials, the sentences "
        "and the conditions of detention of the prisoners held in the capital and elsewhere,"
    )
    parsed = parse_clauses(["The European Parliament,", citation], "en")
    assert len(parsed.clauses) == 1


def test_the_points_of_a_point_numbered_i_ii() -> None:
    lines = [
        "The European Parliament,",
        "A. whereas a test sentence stands here;",
        "1. Calls on the Council:",
        "(a) to support civil society, including:",
        "i. independent media;",
        "ii. human rights defenders;",
        "(b) to keep Parliament informed;",
        "2. Instructs its President to forward this resolution to the Council.",
    ]
    parsed = parse_clauses(lines, "en")
    assert [(c.kind, c.label) for c in parsed.clauses] == [
        ("recital", "A"),
        ("paragraph", "1"),
        ("point", "(a)"),
        ("point", "i"),
        ("point", "ii"),
        ("point", "(b)"),
        ("paragraph", "2"),
    ]
    assert parsed.warnings == []


def test_the_running_header_and_footer_of_an_ep_pdf_stay_out_of_the_clauses() -> None:
    # Invented page furniture of the EP's PDF layout, copied between two pages.
    text = (
        "The European Parliament,\n– having regard to its resolutions,\n"
        "RE\\1234567EN.docx 3/5 PE123.456v01-00\nEN United in diversity EN\n"
        "A. whereas defenders in Freedonia\nPE123.456v01-00 4/5 RE\\1234567EN.docx\n"
        "are harassed;\nB. whereas it rained;\n1. Condemns the rain;\n"
    )
    clauses = parse_clauses(text.split("\n"), "en").clauses
    assert [(c.kind, c.label, c.text) for c in clauses] == [
        ("citation", None, "having regard to its resolutions,"),
        ("recital", "A", "whereas defenders in Freedonia are harassed;"),
        ("recital", "B", "whereas it rained;"),
        ("paragraph", "1", "Condemns the rain;"),
    ]
