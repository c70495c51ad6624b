"""Kinds come from structure and content, in English, French and German, never from the name."""

from __future__ import annotations

import json

import pytest

from whereas.read import read_bytes
from whereas.recognize import recognize
from whereas.recognize.kind import classify_text, kind_from_name

LANGUAGES = ("en", "fr", "de", "cs", "pl", "it")


def _page(heading: str, body: str = "", lang: str = "en") -> bytes:
    return (
        f'<html lang="{lang}"><head><title>European Parliament</title></head><body>'
        f"<p>European Parliament</p><h1>{heading}</h1><p>{body}</p></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("heading", "lang", "kind"),
    [
        ("JOINT MOTION FOR A RESOLUTION on the situation in Kazakhstan", "en", "joint_motion"),
        ("MOTION FOR A RESOLUTION on the situation in Kazakhstan", "en", "motion"),
        ("TEXTS ADOPTED", "en", "text_adopted"),
        ("REPORT on the situation in Kazakhstan", "en", "report"),
        ("PROPOSITION DE RÉSOLUTION COMMUNE sur la situation au Kazakhstan", "fr", "joint_motion"),
        ("PROPOSITION DE RÉSOLUTION sur la situation au Kazakhstan", "fr", "motion"),
        ("TEXTES ADOPTÉS", "fr", "text_adopted"),
        ("GEMEINSAMER ENTSCHLIESSUNGSANTRAG zur Lage in Kasachstan", "de", "joint_motion"),
        ("ENTSCHLIESSUNGSANTRAG zur Lage in Kasachstan", "de", "motion"),
        ("ANGENOMMENE TEXTE", "de", "text_adopted"),
    ],
)
def test_doceo_headings_give_the_kind(heading: str, lang: str, kind: str) -> None:
    found = recognize(read_bytes(_page(heading, "B9-0065/2022 20.1.2022 - (2022/2505(RSP))", lang)))
    assert found.kind == kind
    assert found.language == lang
    assert found.procedure == "2022/2505(RSP)"


def test_a_motion_page_names_itself() -> None:
    found = recognize(read_bytes(_page(
        "MOTION FOR A RESOLUTION on the situation in Kazakhstan",
        "B9-0065/2022 18.1.2022 - (2022/2505(RSP)) replacing nothing; see also B9-0066/2022",
    )))
    assert (found.kind, found.reference) == ("motion", "B9-0065/2022")
    assert found.date is not None and found.date.isoformat() == "2022-01-18"


def test_odp_records_by_type() -> None:
    process = {"data": [{"id": "eli/dl/proc/2022-2505", "type": "Process",
                         "process_type": "def/ep-procedure-types/RSP",
                         "process_title": {"en": "Situation in Kazakhstan", "fr": "Kazakhstan"}}]}
    found = recognize(read_bytes(json.dumps(process).encode()))
    assert (found.kind, found.reference, found.procedure) == (
        "procedure_file", "2022/2505(RSP)", "2022/2505(RSP)")
    work = {"data": [{"id": "eli/dl/doc/TA-9-2022-0012", "type": "Work",
                      "work_type": "def/ep-document-types/TEXT_ADOPTED",
                      "document_date": "2022-01-20",
                      "inverse_created_a_realization_of": ["eli/dl/proc/2022-2505"],
                      "title_dcterms": dict.fromkeys(LANGUAGES, "Kazakhstan")}]}
    found = recognize(read_bytes(json.dumps(work).encode()))
    assert (found.kind, found.reference) == ("text_adopted", "P9_TA(2022)0012")
    assert found.language == "mul"
    assert found.procedure == "2022/2505"  # the type is nowhere in the record
    assert any("without its type" in warning for warning in found.warnings)
    assert found.confidence < 0.9


def test_unknown_text_is_other_with_low_confidence() -> None:
    guess = classify_text("Shopping list: apples, pears and a loaf of bread.")
    assert guess.kind == "other" and guess.confidence < 0.5


def test_the_name_is_only_a_weak_hint() -> None:
    found = recognize(read_bytes(b"Shopping list: apples, pears and a loaf of bread, twice."),
                      name="press-release_20190712IPR56948.txt")
    assert found.kind == "press_release"
    assert found.confidence < 0.5
    assert kind_from_name("votes-export.csv") == "dataset"
    assert kind_from_name("vot-list_pv-10-2025-05-08-vot-en.xml") == "vote_results"


def test_a_party_press_release_opens_with_a_dateline() -> None:
    text = "Strasbourg, 20 January 2022 - MEPs today adopted a resolution on Kazakhstan."
    assert classify_text(text).kind == "press_release"


def test_an_op_ed_is_news() -> None:
    text = "Strasbourg, 20 January 2022 - This op-ed was originally published in a newspaper."
    assert classify_text(text).kind == "news"
