"""Official sources name the final vote differently; the export merges them into one vote."""

from __future__ import annotations

import pytest

from whereas.export.json_export import subject_key


@pytest.mark.parametrize(
    "subject",
    [
        "Motion for a resolution (as a whole)",
        "Proposition de résolution (ensemble du texte)",
        "Proposition de résolution",
        "Entschließungsantrag (gesamt)",
    ],
)
def test_the_final_vote_has_one_key_in_any_language(subject: str) -> None:
    assert subject_key(subject) == "whole text"


@pytest.mark.parametrize(
    "subject",
    ["§ 1/2", "After § 4 - Am 1", "Considérant G - Am 1", "Recital B", "B10-0249/2025"],
)
def test_votes_on_parts_keep_their_own_key(subject: str) -> None:
    assert subject_key(subject) != "whole text"
    assert subject_key(f"  {subject} ") == subject_key(subject.upper())
