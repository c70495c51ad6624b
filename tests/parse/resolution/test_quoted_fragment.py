"""A French news article quoting a resolution: recitals wrongly numbered, paragraphs unnumbered."""

from __future__ import annotations

from pathlib import Path

from whereas.parse.resolution import parse_clauses
from whereas.read import read_path

from .documents import ARMENEWS, analysis, outline

EXPECTED_OUTLINE = [
    ("citation", None, None), ("citation", None, None), ("citation", None, None),
    ("recital", None, None), ("recital", "1", None), ("recital", "2", None),
    ("recital", "3", None), ("recital", "4", None),
    *[("paragraph", None, None)] * 10,
]
EXPECTED_ANALYSIS = [
    (None, ["condemns", "demands"], []),
    (None, ["expresses its deep concern", "calls for"], []),
    (None, ["calls on"], ["authorities:az"]),
    (None, ["calls on"], ["eu", "international_organisations"]),
    (None, ["stresses"], []),
    (None, ["calls on"], ["council"]),
    (None, ["strongly condemns"], []),
    (None, ["calls on"], ["icc"]),
    (None, ["welcomes"], []),
    (None, ["instructs"], [
        "european_council", "commission", "vp_hr", "member_states", "osce", "council_of_europe",
        "un",
    ]),
]


def test_quoted_resolution_gets_the_right_kinds(corpus: Path) -> None:
    _, article = read_path(corpus / ARMENEWS)
    fragment = parse_clauses(article.blocks, "fr")
    assert outline(fragment.clauses) == EXPECTED_OUTLINE
    assert analysis(fragment.clauses) == EXPECTED_ANALYSIS
    assert "recitals numbered, not lettered (a copied list?)" in fragment.warnings
    assert "operative paragraphs without numbers" in fragment.warnings


def test_the_language_is_found_from_the_formulas(corpus: Path) -> None:
    lines = (corpus / ARMENEWS).read_text("utf-8").splitlines()
    fragment = parse_clauses(lines)
    assert outline(fragment.clauses) == EXPECTED_OUTLINE
    # The article's own text and the link it pastes after the last paragraph stay out.
    assert not fragment.body.startswith("---")
    assert "http" not in fragment.clauses[-1].text
    assert fragment.clauses[-1].themes == []


def test_themes_come_from_the_taxonomy(corpus: Path) -> None:
    lines = (corpus / ARMENEWS).read_text("utf-8").splitlines()
    paragraphs = [c for c in parse_clauses(lines, "fr").clauses if c.kind == "paragraph"]
    assert "sanctions" in paragraphs[5].themes
    assert "torture" in paragraphs[1].themes
