"""The vocabularies are data: every id a language pack uses is documented, rules classify."""

from __future__ import annotations

import pytest

from whereas.parse.resolution.labels import letter_after, split_label
from whereas.vocabularies.lexicon import actor_ids, language_pack, languages, theme_ids, verb_senses
from whereas.vocabularies.rules_of_procedure import classify_rules


def test_english_french_and_german_ship() -> None:
    assert {"en", "fr", "de"} <= set(languages())


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_every_id_of_a_pack_is_documented(language: str) -> None:
    pack = language_pack(language)
    assert pack is not None
    assert {t.id for t in pack.verbs} <= set(verb_senses())
    assert {t.id for t in pack.themes} <= set(theme_ids())
    actors = {t.id for t in pack.actors}
    assert {a for a in actors if not a.startswith("authorities:")} <= set(actor_ids())
    for formula in ("preamble", "citation", "recital", "closing", "legal_basis", "on_behalf"):
        assert pack.formulas.get(formula), formula


@pytest.mark.parametrize(
    ("rules", "term", "kind"),
    [
        ([115, 103], 6, "urgency"), ([122, 110], 7, "urgency"), ([135, 123], 8, "urgency"),
        ([144, 132], 9, "urgency"), ([150, 136], 10, "urgency"), ([132, 132], 9, "statement"),
        ([136, 136], 10, "statement"), ([227], 9, "other"), ([], None, "other"),
        ([144], 10, "other"),
    ],
)
def test_urgency_and_statement_rules_across_terms(
    rules: list[int], term: int | None, kind: str
) -> None:
    assert classify_rules(rules, term) == kind


def test_labels() -> None:
    assert [letter_after(x) for x in ("A", "Z", "AA", "AZ")] == ["B", "AA", "AB", "BA"]
    assert split_label("AB. whereas").label == "AB"
    assert split_label("12. Calls").label == "12"
    assert split_label("(iv) to release").label == "(iv)"
    assert split_label("– having regard").shape == "dash"
    assert split_label("whereas", "C.").label == "C"
