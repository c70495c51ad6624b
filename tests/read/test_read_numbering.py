"""Word's automatic list numbers, rebuilt from numbering.xml, numPr and paragraph styles."""

from __future__ import annotations

import pytest
from lxml import etree

from whereas.read.numbering import ListCounter, format_number, load_numbering

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def level(ilvl: int, fmt: str, text: str) -> str:
    """One <w:lvl> of an abstract list, starting at 1."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="1">
    {level(0, "decimal", "%1.")}
    {level(1, "lowerLetter", "(%2)")}
    {level(2, "lowerRoman", "%1.%2.%3")}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    {level(0, "upperLetter", "%1.")}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<w:styles xmlns:w="{W_NS}">
  <w:style w:type="paragraph" w:styleId="Recital">
    <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="RecitalBold"><w:basedOn w:val="Recital"/></w:style>
  <w:style w:type="paragraph" w:styleId="Normal"/>
</w:styles>"""


def paragraph(
    num_id: str | None = None, ilvl: int | None = None, style: str | None = None
) -> etree._Element:
    """A <w:p> numbered by numPr and/or a style."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or ilvl is not None:
        inner = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        inner += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += f"<w:numPr>{inner}</w:numPr>"
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:pPr>{ppr}</w:pPr></w:p>')


def labels(paragraphs: list[etree._Element]) -> list[str | None]:
    """The label of each paragraph, counted in order."""
    counter = ListCounter(load_numbering(etree.fromstring(NUMBERING), etree.fromstring(STYLES)))
    found: list[str | None] = []
    for p in paragraphs:
        listed = counter.list_of(p)
        found.append(counter.next_label(*listed) if listed else None)
    return found


def test_nested_levels_restart_under_a_new_parent() -> None:
    # Each %n is drawn in its own level's format (Word does so unless w:isLgl is set).
    sequence = [
        paragraph("1", 0), paragraph("1", 1), paragraph("1", 1), paragraph("1", 2),
        paragraph("1", 0), paragraph("1", 1), paragraph("1", 2), paragraph("1", 2),
    ]  # fmt: skip
    assert labels(sequence) == ["1.", "(a)", "(b)", "1.b.i", "2.", "(a)", "2.a.i", "2.a.ii"]


def test_style_numbering_and_basedon_inheritance() -> None:
    sequence = [
        paragraph(style="Recital"), paragraph(style="RecitalBold"), paragraph(style="Normal"),
        paragraph(style="Recital"),
    ]  # fmt: skip
    assert labels(sequence) == ["A.", "B.", None, "C."]


def test_num_id_zero_switches_style_numbering_off() -> None:
    assert labels([paragraph("0", 0, style="Recital")]) == [None]


def test_start_override_and_separate_counters_per_list() -> None:
    sequence = [paragraph("4", 0), paragraph("1", 0), paragraph("4", 0)]
    assert labels(sequence) == ["7.", "1.", "8."]


def test_bullets_and_unknown_lists() -> None:
    assert labels([paragraph("3", 0), paragraph("99", 0), paragraph()]) == ["–", None, None]


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        (1, "decimal", "1"), (26, "upperLetter", "Z"), (27, "upperLetter", "AA"),
        (28, "upperLetter", "BB"), (3, "lowerLetter", "c"), (4, "upperRoman", "IV"),
        (1994, "upperRoman", "MCMXCIV"), (9, "lowerRoman", "ix"), (5, "decimalZero", "05"),
        (3, "none", ""), (3, "ordinalText", "3"),
    ],
)  # fmt: skip
def test_number_formats(number: int, fmt: str, expected: str) -> None:
    assert format_number(number, fmt) == expected
