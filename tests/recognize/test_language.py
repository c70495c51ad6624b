"""Languages: declared first, identified among the 24 EU languages, "mul" for multilingual data."""

from __future__ import annotations

import json

import pytest

from whereas.read import read_bytes
from whereas.recognize import recognize
from whereas.recognize.language import identify_language, normalise_language


@pytest.mark.parametrize(
    ("value", "code"),
    [("en-GB", "en"), ("EN", "en"), ("fr_FR", "fr"), ("fra", "fr"), ("XL", "mul"), ("xx", None)],
)
def test_declared_codes(value: str, code: str | None) -> None:
    assert normalise_language(value) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Europoslanci dnes schválili rezoluci odsuzující násilí v Kazachstánu.", "cs"),
        ("Le Parlement européen adopte une résolution urgente sur les prisonniers.", "fr"),
        ("Das Europäische Parlament verurteilt die Gewalt gegen friedliche Demonstranten.", "de"),
        ("Parliament strongly condemns the military takeover and calls for the release.", "en"),
    ],
)
def test_identified_among_eu_languages(text: str, code: str) -> None:
    assert identify_language(text)[0] == code


def test_too_little_text_has_no_language() -> None:
    assert identify_language("B9-0065/2022") == (None, 0.0)


def test_declared_language_wins() -> None:
    page = (
        b'<html lang="fr"><body><p>Parliament condemns the violence in the country.</p>'
        b"</body></html>"
    )
    assert recognize(read_bytes(page)).language == "fr"


CODES = ("en", "fr", "de", "cs", "pl")


def test_labels_in_many_languages_are_multilingual() -> None:
    record = {"data": [{"id": "eli/dl/doc/B-9-2022-0065", "type": "Work",
                        "work_type": "def/ep-document-types/RESOLUTION_MOTION",
                        "title_dcterms": dict.fromkeys(CODES, "Situation in Kazakhstan")}]}
    found = recognize(read_bytes(json.dumps(record).encode()))
    assert (found.kind, found.reference, found.language) == ("motion", "B9-0065/2022", "mul")


def test_a_table_has_no_language() -> None:
    table = b"reference,title\nB9-0065/2022,Situation in Kazakhstan\nB9-0066/2022,Hong Kong\n"
    found = recognize(read_bytes(table))
    assert (found.kind, found.language) == ("dataset", None)
    assert [r.value for r in found.references] == ["B9-0065/2022", "B9-0066/2022"]
