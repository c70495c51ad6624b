"""Index terms: the same words give the same terms, whatever their form, accent or language."""

from __future__ import annotations

from whereas.search.text import MAX_TERMS, fold, index_terms, query_terms, snowball_name


def test_irregular_english_plurals_meet_their_singular() -> None:
    assert index_terms("women woman children child men", "en") == [
        "woman", "woman", "child", "child", "man",
    ]  # fmt: skip


def test_regular_plurals_and_inflections_share_a_stem() -> None:
    assert index_terms("Defenders defender tortured torture", "en") == [
        "defend", "defend", "tortur", "tortur",
    ]  # fmt: skip


def test_french_and_czech_are_stemmed_then_unaccented() -> None:
    assert index_terms("femmes femme", "fr") == ["femm", "femm"]
    czech = index_terms("Kazachstánu Kazachstán", "cs")
    assert czech[0] == czech[1] and czech[0].isascii()


def test_unknown_language_is_folded_not_stemmed() -> None:
    assert snowball_name("bg") is None and snowball_name(None) is None
    assert index_terms("Правата на жените", "bg") == ["правата", "на", "жените"]
    assert index_terms("Příliš žluťoučký", None) == ["prilis", "zlutoucky"]
    assert snowball_name("fr-BE") == "french"


def test_fold_handles_letters_without_accents_to_drop() -> None:
    assert fold("Straße Łódź Ærø") == "strasse lodz aero"


def test_a_query_word_covers_every_language_of_the_store() -> None:
    assert {"woman", "women"} <= query_terms("women", ["en", None])
    assert "femm" in query_terms("femmes", ["fr"])


def test_index_terms_are_capped_for_both_databases() -> None:
    assert len(index_terms("word " * (MAX_TERMS + 10), "en")) == MAX_TERMS
    assert index_terms("x" * 65 + " ok", "en") == ["ok"]
