"""Recommendations: the lead-in's verb and addressees, its points' infinitives (texts invented)."""

from __future__ import annotations

from datetime import date

import pytest

from whereas.parse import parse_document
from whereas.parse.records import Clause
from whereas.parse.resolution import parse_clauses
from whereas.read import read_bytes
from whereas.recognize import recognize

ENGLISH = """The European Parliament,
– having regard to Rule 118 of its Rules of Procedure,
A. whereas the situation in Freedonia has worsened;
1. Addresses the following recommendations to the Council, the Commission and the \
Vice-President of the Commission / High Representative of the Union for Foreign Affairs and \
Security Policy:
(a) to ensure that the EU speaks with one voice on Freedonia;
(b) to step up support for civil society and independent media;
(c) to continue to press for the release of all those detained;
(d) to this end, to monitor the trials;
2. Recommends that the Council adopt a common position on arms exports with the Member States;
3. Instructs its President to forward this recommendation to the Council and the Commission.
"""
VP_HR = ["council", "commission", "vp_hr"]


def _operative(text: str, language: str) -> list[tuple[str | None, list[str], list[str]]]:
    clauses: list[Clause] = parse_clauses(text.split("\n"), language).clauses
    return [(c.label, c.verbs, c.addressees) for c in clauses if c.kind in ("paragraph", "point")]


def test_a_lead_in_names_the_addressees_and_its_points_the_verbs() -> None:
    assert _operative(ENGLISH, "en") == [
        ("1", ["addresses"], VP_HR),
        ("(a)", ["ensure"], VP_HR),
        ("(b)", ["step up"], VP_HR),
        ("(c)", ["continue"], VP_HR),
        ("(d)", [], []),  # "to this end" is no verb: missing rather than wrong
        ("2", ["recommends"], ["council"]),
        ("3", ["instructs"], ["council", "commission"]),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The European Parliament,\nA. whereas it rained;\n"
            "1. Recommends to the Council and the VP/HR:\n– ensure that sanctions are applied;\n"
            "– to coordinate with the Member States;\n",
            [("1", ["recommends"], ["council", "vp_hr"]),
             (None, ["ensure"], ["council", "vp_hr"]),
             (None, ["coordinate"], ["council", "vp_hr"])],
        ),
        (
            "fr",
            "Le Parlement européen,\nA. considérant qu'il a plu;\n"
            "1. adresse les recommandations suivantes au Conseil, à la Commission et au VP/HR:\n"
            "a) de veiller à ce que l'Union parle d'une seule voix;\n"
            "b) d'intensifier son soutien à la société civile;\n",
            [("1", ["addresses"], ["council", "commission", "vp_hr"]),
             ("a)", ["ensure"], ["council", "commission", "vp_hr"]),
             ("b)", ["step up"], ["council", "commission", "vp_hr"])],
        ),
        (
            "de",
            "Das Europäische Parlament,\nA. in der Erwägung, dass es regnete;\n"
            "1. richtet folgende Empfehlungen an den Rat und die Kommission:\n"
            "a) sicherzustellen, dass die Union mit einer Stimme spricht;\n"
            "b) die Zivilgesellschaft weiterhin zu fördern;\n",
            [("1", ["addresses"], ["council", "commission"]),
             ("a)", ["ensure"], ["council", "commission"]),
             ("b)", [], [])],  # the infinitive at the end of the sentence is not read
        ),
    ],
)
def test_recommendations_in_other_layouts_and_languages(
    language: str, text: str, expected: list[tuple[str | None, list[str], list[str]]]
) -> None:
    assert _operative(text, language) == expected


def test_the_points_of_a_paragraph_that_is_no_lead_in_get_no_verbs() -> None:
    text = (
        "The European Parliament,\nA. whereas it rained;\n"
        "1. Condemns the following acts:\n(a) to arrest journalists;\n"
        "2. Calls on the Commission to act, in particular:\n(a) to fund lawyers;\n"
    )
    assert _operative(text, "en") == [
        ("1", ["condemns"], []),
        ("(a)", [], []),
        ("2", ["calls on"], ["commission"]),
        ("(a)", ["fund"], ["commission"]),
    ]


ADOPTED = {
    "en": (
        "European Parliament recommendation of 12 March 2025 to the Council, the Commission and "
        "the VP/HR concerning relations with Freedonia (2024/2999(INI))\n"
        "The European Parliament,\n– having regard to Rule 118 of its Rules of Procedure,\n"
        "A. whereas it rained;\n"
        "1. Addresses the following recommendations to the Council, the Commission and the "
        "VP/HR:\n(a) to ensure that it stops raining;\n(b) to support umbrellas;\n"
        "2. Instructs its President to forward this recommendation to the Council.\n"
    ),
    "fr": (
        "Recommandation du Parlement européen du 12 mars 2025 au Conseil, à la Commission et au "
        "VP/HR concernant la Freedonie (2024/2999(INI))\n"
        "Le Parlement européen,\n– vu l’article 118 de son règlement intérieur,\n"
        "A. considérant qu'il a plu;\n"
        "1. adresse les recommandations suivantes au Conseil, à la Commission et au VP/HR:\n"
        "a) de veiller à ce qu'il ne pleuve plus;\nb) de soutenir les parapluies;\n"
        "2. charge sa Présidente de transmettre la présente recommandation au Conseil.\n"
    ),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_recommendation_adopted_is_a_text_adopted_with_its_clauses(language: str) -> None:
    read = read_bytes(ADOPTED[language].encode())
    recognition = recognize(read)
    parsed = parse_document(read, recognition)
    assert (recognition.kind, recognition.date) == ("text_adopted", date(2025, 3, 12))
    assert recognition.title is not None and "Freedonia"[:7] in recognition.title
    assert [(c.kind, c.verbs, c.addressees) for c in parsed.clauses] == [
        ("citation", [], []),
        ("recital", [], []),
        ("paragraph", ["addresses"], VP_HR),
        ("point", ["ensure"], VP_HR),
        ("point", ["support"], VP_HR),
        ("paragraph", ["instructs"], ["council"]),
    ]


def test_points_in_the_subjunctive_after_recommends_that() -> None:
    text = (
        "The European Parliament,\nA. whereas it rained;\n"
        "1. Recommends that the Council and the Commission:\n(a) ensure peace;\n"
        "(b) work with the UN;\n(c) prioritize aid;\n(d) the rain must stop;\n"
    )
    both = ["council", "commission"]
    assert _operative(text, "en") == [
        ("1", ["recommends"], both),
        ("(a)", ["ensure"], both),
        ("(b)", ["work"], both),
        ("(c)", ["prioritise"], both),
        ("(d)", [], []),  # no verb: nothing rather than a guess
    ]
