"""Broken resolutions give what can be read and warnings: never a crash, never invented clauses."""

from __future__ import annotations

from pathlib import Path

from whereas.parse.resolution import parse_clauses, parse_resolution
from whereas.read.document import ReadDocument

from .documents import TEXT, outline


def _lines(corpus: Path) -> list[str]:
    return [line for line in (corpus / TEXT).read_text("utf-8").splitlines() if line.strip()]


def _index(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(start))


def test_a_page_cut_in_the_middle(corpus: Path) -> None:
    lines = _lines(corpus)
    cut = _index(lines, "4. ")
    text = "\n".join([*lines[:cut], lines[cut][:60]])
    parsed = parse_resolution(ReadDocument("text", text))
    assert [c.label for c in parsed.clauses if c.kind == "paragraph"] == ["1", "2", "3", "4"]
    assert parsed.header["kind"] == "joint_motion"
    assert any("stops in the middle of paragraph 4" in w for w in parsed.warnings)
    assert any("no closing paragraph" in w for w in parsed.warnings)


def test_clauses_out_of_order_are_kept_in_document_order(corpus: Path) -> None:
    lines = _lines(corpus)
    recital_b = lines.pop(_index(lines, "B. "))
    lines.insert(_index(lines, "3. "), recital_b)
    parsed = parse_clauses(lines, "en")
    kinds = [(c.kind, c.label) for c in parsed.clauses]
    assert kinds.index(("recital", "B")) == kinds.index(("paragraph", "2")) + 1
    assert len(parsed.clauses) == 15
    assert "recital B comes after the operative paragraphs: clauses out of order" in (
        parsed.warnings
    )
    assert "recital C follows recital A" in parsed.warnings


def test_a_missing_header(corpus: Path) -> None:
    lines = _lines(corpus)
    text = "\n".join(lines[_index(lines, "The European Parliament"):])
    parsed = parse_resolution(ReadDocument("text", text))
    assert len(parsed.clauses) == 15
    assert "kind" not in parsed.header and parsed.authors == []
    assert parsed.header["rules"] == ["150(5)", "136(4)"]
    assert any("no header found" in w for w in parsed.warnings)


def test_text_that_is_no_resolution() -> None:
    parsed = parse_resolution(ReadDocument("text", "Lorem ipsum.\nNothing to see here.\n"))
    assert parsed.clauses == [] and parsed.authors == []
    assert "no resolution clauses found" in parsed.warnings


def test_empty_input() -> None:
    assert parse_clauses([]).clauses == []
    assert parse_resolution(ReadDocument("text", "")).clauses == []


def test_odp_record_without_a_printed_header() -> None:
    record = {"data": [{"work_type": "def/ep-document-types/RESOLUTION_MOTION_JOINT"}]}
    parsed = parse_resolution(ReadDocument("json", "{}", data=record))
    assert parsed.clauses == [] and parsed.warnings


def test_points_belong_to_their_paragraph() -> None:
    lines = [
        "The European Parliament,",
        "– having regard to its previous resolutions,",
        "A. whereas a test text is written here;",
        "1. Calls on the Council to:",
        "(a) adopt targeted sanctions;",
        "(b) support civil society;",
        "2. Urges the Member States:",
        "– to act together;",
        "3. Instructs its President to forward this resolution to the Council.",
    ]
    parsed = parse_clauses(lines, "en")
    assert outline(parsed.clauses) == [
        ("citation", None, None), ("recital", "A", None), ("paragraph", "1", None),
        ("point", "(a)", 3), ("point", "(b)", 3), ("paragraph", "2", None), ("point", None, 6),
        ("paragraph", "3", None),
    ]
    assert parsed.clauses[2].addressees == ["council"]
    assert parsed.warnings == []


def test_german_formulas() -> None:
    lines = [
        "Das Europäische Parlament,",
        "– unter Hinweis auf seine früheren Entschließungen,",
        "A. in der Erwägung, dass hier ein Prüftext steht;",
        "1. verurteilt aufs Schärfste die Festnahmen; fordert die Kommission auf, zu handeln;",
        "2. beauftragt seine Präsidentin, diese Entschließung dem Rat und der Kommission "
        "zu übermitteln.",
    ]
    parsed = parse_clauses(lines)
    assert outline(parsed.clauses) == [
        ("citation", None, None), ("recital", "A", None), ("paragraph", "1", None),
        ("paragraph", "2", None),
    ]
    assert parsed.clauses[2].verbs == ["strongly condemns", "calls on"]
    assert parsed.clauses[2].addressees == ["commission"]
    assert parsed.clauses[3].verbs == ["instructs"]
    assert parsed.clauses[3].addressees == ["council", "commission"]
