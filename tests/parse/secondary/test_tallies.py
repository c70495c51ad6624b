"""Tallies in every phrasing, and the nonsense that must not become a claim."""

from __future__ import annotations

import pytest

from whereas.parse.secondary.tallies import find_tallies

PHRASINGS = [
    ("The Parliament adopted by 667 votes to 1, with 27 abstentions, a resolution.", (667, 1, 27)),
    ("The text was adopted by 400 votes in favour, 63 against with 81 abstentions.", (400, 63, 81)),
    ("Le texte a été adopté par 455 voix pour, 85 contre et 105 abstentions.", (455, 85, 105)),
    ("Les députés ont adopté la résolution par 455 voix contre 85 et 105 abstentions.",
     (455, 85, 105)),
    ("La résolution a été adoptée avec 523 voix pour, 3 contre et 84 abstentions.", (523, 3, 84)),
    ("Die Entschließung wurde mit 455 Stimmen bei 85 Gegenstimmen und 105 Enthaltungen "
     "angenommen.", (455, 85, 105)),
    ("Der Text wurde mit 455 Ja-Stimmen, 85 Nein-Stimmen und 105 Enthaltungen angenommen.",
     (455, 85, 105)),
    ("Rezoluci podpořilo 455 poslanců, proti bylo 85 a 105 se zdrželo hlasování.", (455, 85, 105)),
    ("Of the 645 MEPs who voted, 85 voted against and 105 abstained.", (455, 85, 105)),
    ("The resolution, adopted with a majority of 512 votes (to 76 against and 52 abstentions), "
     "called for sanctions.", (512, 76, 52)),
    ("It was adopted by six hundred and sixty-seven votes to one, with twenty-seven abstentions.",
     (667, 1, 27)),
    ("Adoptée par quatre cent cinquante-cinq voix pour, quatre-vingt-cinq contre et cent cinq "
     "abstentions.", (455, 85, 105)),
    ("Sie wurde mit vierhundertfünfundfünfzig Stimmen bei fünfundachtzig Gegenstimmen und "
     "hundertfünf Enthaltungen angenommen.", (455, 85, 105)),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASINGS)
def test_phrasings(sentence: str, expected: tuple[int, int, int]) -> None:
    found = find_tallies(sentence)
    assert [(v.for_, v.against, v.abstentions) for v in found.votes] == [expected]
    assert found.votes[0].text == sentence
    assert found.votes[0].span == (0, len(sentence))
    assert found.warnings == []


def test_two_tallies_in_one_sentence_keep_their_results() -> None:
    found = find_tallies("The motion was adopted by 455 votes to 85 and 105 abstentions, while "
                         "the amendment was rejected by 200 votes to 300, with 10 abstentions.")
    assert [(v.for_, v.against, v.result) for v in found.votes] == [
        (455, 85, "adopted"), (200, 300, "rejected")]


@pytest.mark.parametrize("sentence", [
    "Of the 600 MEPs who voted, 455 voted in favour, 85 against and 105 abstained.",
    "The text was adopted by 40 votes to 6000.",
    "The text was adopted by 85 votes to 455 and 105 abstentions.",
])
def test_nonsense_is_a_warning_not_a_claim(sentence: str) -> None:
    found = find_tallies(sentence)
    assert found.votes == []
    assert len(found.warnings) == 1


def test_numbers_that_are_no_tally() -> None:
    text = ("Phone number: (+32) 2 28 32547 (BXL). On 13 February 2025, 20 000 children were "
            "deported. Parliament debated the matter on 16.07.2019.")
    assert find_tallies(text).votes == []
