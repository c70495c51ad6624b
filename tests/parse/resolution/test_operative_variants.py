"""Verbs and addressees in the wordings operative paragraphs take (paragraphs invented here)."""

from __future__ import annotations

import pytest

from whereas.parse.resolution import parse_clauses

PREAMBLES = {"en": "The European Parliament,", "fr": "Le Parlement européen,",
             "de": "Das Europäische Parlament,", "nl": "Het Europees Parlement,"}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "paragraph", "verbs", "addressees"),
    [
        (
            "en",
            "3. Is particularly concerned about the arrests; demands that the detention of the "
            "Chair of the national Human Rights Commission and UN expert be ended;",
            ["is concerned", "demands"],
            [],
        ),
        (
            "en",
            "4. Demands that these arrests stop and that Russia releases the prisoners;",
            ["demands"],
            ["authorities:ru"],
        ),
        (
            "en",
            "5. Calls on the VP/HR to raise the cases, calls on the Commission to fund "
            "lawyers, and underlines that trials must be fair;",
            ["calls on", "calls on", "underlines"],
            ["vp_hr", "commission"],
        ),
        (
            "fr",
            "6. se déclare vivement préoccupé par les arrestations; l'invite également à agir;",
            ["is deeply concerned", "calls on"],
            [],
        ),
        ("nl", "7. waardeert de steun van de Commissie;", ["commends"], []),
        (
            "de",
            "8. beauftragt seine Präsidentin, diese Empfehlung dem Rat und der Kommission zu "
            "übermitteln.",
            ["instructs"],
            ["council", "commission"],
        ),
    ],
)
def test_operative_wordings(
    language: str, paragraph: str, verbs: list[str], addressees: list[str]
) -> None:
    clauses = parse_clauses([PREAMBLES[language], paragraph], language).clauses
    assert [(c.verbs, c.addressees) for c in clauses] == [(verbs, addressees)]
