"""Vote subjects as the EP prints them, in English, French and German -> clause labels."""

from __future__ import annotations

import pytest

from whereas.parse.votes import amendment_of, clause_of


@pytest.mark.parametrize(
    ("subject", "kind", "label", "part"),
    [
        ("§ 1", "paragraph", "1", None),
        ("§ 1/2", "paragraph", "1", 2),
        ("After § 4 - Am 1", "paragraph", "after 4", None),
        ("Recital B", "recital", "B", None),
        ("After recital B - Am 3", "recital", "after B", None),
        ("After citation 14", "citation", "after 14", None),
        ("Après le § 4 - Am 35", "paragraph", "after 4", None),
        ("Considérant H/1", "recital", "H", 1),
        ("Après le visa 3 - Am 2", "citation", "after 3", None),
        ("Avant le § 1 - Am 3", "paragraph", "before 1", None),
        ("Nach Ziffer 3", "paragraph", "after 3", None),
        ("Sven Simon - § 19/1", "paragraph", "19", 1),
    ],
)
def test_clause_named_by_a_subject(subject: str, kind: str, label: str, part: int | None) -> None:
    clause = clause_of(subject)
    assert clause is not None
    assert (clause.kind, clause.label, clause.part) == (kind, label, part)


@pytest.mark.parametrize(
    "subject",
    [
        "Motion for a resolution (as a whole)",
        "Proposition de résolution",
        "Article 1, § 1",
        "§ 1, après le point y - Am 19",
        "Title - Am 4",
        "Am 20/1",
    ],
)
def test_subjects_naming_no_clause(subject: str) -> None:
    assert clause_of(subject) is None


def test_amendment_numbers_as_printed() -> None:
    assert amendment_of("After § 4 - Am 1") == "1"
    assert amendment_of("§ 26 – Am 2") == "2"
    assert amendment_of("Rejet - Am 13= 23=") == "13= 23="
    assert amendment_of("§ 1/2") is None
