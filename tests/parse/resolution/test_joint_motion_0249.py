"""RC-B10-0249/2025 in every container: the same header, authors and clauses."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .documents import DOCX, HTML, ODP_2025, PDF, TEXT, analysis, outline, parsed

EXPECTED_OUTLINE = [
    ("citation", None, None), ("citation", None, None), ("citation", None, None),
    ("recital", "A", None), ("recital", "B", None), ("recital", "C", None),
    *[("paragraph", str(n), None) for n in range(1, 10)],
]
EXPECTED_ANALYSIS = [
    ("1", ["strongly condemns", "stresses"], []),
    ("2", ["urges"], ["eu"]),
    ("3", ["demands"], ["authorities:ru"]),
    ("4", ["urges"], ["authorities:ru"]),
    ("5", ["denounces"], []),
    ("6", ["calls for", "urges"], ["eu", "international_community", "authorities:us"]),
    ("7", ["emphasises"], []),
    ("8", ["urges"], ["international_community"]),
    ("9", ["instructs"], [
        "vp_hr", "council", "commission", "member_states", "council_of_europe", "osce",
        "authorities:ua", "authorities:us", "authorities:ru", "authorities:by",
    ]),
]
EXPECTED_HEADER = {
    "kind": "joint_motion",
    "reference": "RC-B10-0249/2025",
    "title": "on the return of Ukrainian children forcibly transferred and deported by Russia",
    "date": "2025-05-07",
    "procedure": "2025/2691(RSP)",
    "language": "en",
    "legal_basis": "Rules 150(5) and 136(4)",
    "rules": ["150(5)", "136(4)"],
    "resolution_type": "urgency",
    "replaced_motions": [
        "B10-0249/2025", "B10-0250/2025", "B10-0252/2025", "B10-0255/2025", "B10-0258/2025",
    ],
    "replaced_motion_groups": ["GREEN_EFA", "SD", "RENEW", "EPP", "ECR"],
    "vote_date": "2025-05-08",
}
PAGE_HEADER = {
    **EXPECTED_HEADER,
    "minutes": "PV-10-2025-05-08",
    "minutes_item": "7.2",
    "debate": "CRE-10-2025-05-08",
    "debate_item": "7.2",
    "text_adopted": "P10_TA(2025)0096",
}
GROUP_SIZES = {"EPP": 33, "SD": 5, "ECR": 19, "RENEW": 24, "GREEN_EFA": 1, None: 3}


def test_the_page_gives_header_clauses_and_analysis(corpus: Path) -> None:
    page = parsed(corpus / HTML)
    assert page.header == PAGE_HEADER
    assert outline(page.clauses) == EXPECTED_OUTLINE
    assert analysis(page.clauses) == EXPECTED_ANALYSIS
    assert [c.position for c in page.clauses] == list(range(1, 16))
    assert page.warnings == []


def test_authors_by_group_keep_diacritics_and_hyphens(corpus: Path) -> None:
    page = parsed(corpus / HTML)
    assert Counter(a.group for a in page.authors) == GROUP_SIZES
    assert page.groups == ["EPP", "SD", "ECR", "RENEW", "GREEN_EFA"]
    names = {a.name: a.group for a in page.authors}
    assert names["Marie-Agnes Strack-Zimmermann"] == "RENEW"
    assert names["Željana Zovko"] == "EPP"
    assert names["Villy Søvndal"] == "GREEN_EFA"
    # Listed after the last "on behalf of": they tabled it in their own name.
    assert names["Merja Kyllönen"] is None
    assert not any("\u2011" in name for name in names)


def test_copied_text_gives_what_the_page_gives(corpus: Path) -> None:
    page, copied = parsed(corpus / HTML), parsed(corpus / TEXT)
    assert copied.header == page.header
    assert [(c.kind, c.label, c.text) for c in copied.clauses] == [
        (c.kind, c.label, c.text) for c in page.clauses
    ]
    assert analysis(copied.clauses) == EXPECTED_ANALYSIS
    assert [(a.name, a.group) for a in copied.authors] == [(a.name, a.group) for a in page.authors]


@pytest.mark.parametrize("container", [PDF, DOCX])
def test_pdf_and_word_give_the_same_clauses(corpus: Path, container: str) -> None:
    document = parsed(corpus / container)
    assert outline(document.clauses) == EXPECTED_OUTLINE
    assert analysis(document.clauses) == EXPECTED_ANALYSIS
    assert document.header == PAGE_HEADER
    assert Counter(a.group for a in document.authors) == GROUP_SIZES


def test_pdf_lines_are_joined_into_clauses(corpus: Path) -> None:
    page, printed = parsed(corpus / HTML), parsed(corpus / PDF)
    # The print loses a few words at a page edge in paragraph 6; the others are whole.
    same = [p.text == q.text for p, q in zip(page.clauses, printed.clauses, strict=True)]
    assert same.count(False) <= 1


def test_body_has_the_resolution_and_no_page_chrome(corpus: Path) -> None:
    for container in (HTML, TEXT, PDF):
        body = parsed(corpus / container).body
        assert body.count("whereas") >= 3
        assert "on behalf of the PPE Group" in body
        for chrome in ("Legal notice", "Privacy policy", "Multimedia Centre", "français",
                       "Document stages", "(PDF - "):
            assert chrome not in body, (container, chrome)


def test_the_odp_record_gives_the_same_header(corpus: Path) -> None:
    record = parsed(corpus / ODP_2025)
    page = parsed(corpus / HTML)
    assert {k: record.header[k] for k in EXPECTED_HEADER} == EXPECTED_HEADER
    assert record.header["debate_date"] == "2025-05-07"
    assert record.clauses == []
    assert [(a.name, a.group) for a in record.authors] == [(a.name, a.group) for a in page.authors]
    assert record.groups == page.groups
    # Its English header names The Left for one author; the participations and the other
    # languages say Verts/ALE: the disagreement is reported, not hidden.
    assert any("disagree with the participations" in w for w in record.warnings)
