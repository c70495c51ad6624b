"""URL patterns of the EP services: every identifier form leads to the same URLs."""

from __future__ import annotations

from datetime import date

import pytest

from whereas.errors import InvalidReference
from whereas.sources import urls


@pytest.mark.parametrize("written", ["2025/2691(RSP)", "eli/dl/proc/2025-2691"])
def test_procedure_urls_from_any_form(written: str) -> None:
    procedure = urls.procedure_reference(written)
    assert urls.odp_procedure(procedure) == (
        "https://data.europarl.europa.eu/api/v2/procedures/2025-2691?format=application%2Fld%2Bjson"
    )


def test_oeil_procedure_file() -> None:
    assert urls.oeil_procedure_file("2021/2540(RSP)") == (
        "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2021/2540(RSP)"
    )


@pytest.mark.parametrize(("reference", "doc_id"), [
    ("RC-B10-0249/2025", "RC-10-2025-0249"),
    ("B10-0249/2025", "B-10-2025-0249"),
    ("P10_TA(2025)0096", "TA-10-2025-0096"),
    ("A9-0163/2024", "A-9-2024-0163"),
])
def test_document_ids(reference: str, doc_id: str) -> None:
    assert urls.document_id(reference) == doc_id
    assert urls.reference_of_document_id(doc_id) == reference


def test_document_urls() -> None:
    assert urls.doceo("RC-10-2025-0249", "en", "html") == (
        "https://www.europarl.europa.eu/doceo/document/RC-10-2025-0249_EN.html"
    )
    assert urls.odp_document("TA-10-2025-0096").startswith(
        "https://data.europarl.europa.eu/api/v2/adopted-texts/TA-10-2025-0096?"
    )
    assert urls.odp_document("RC-10-2025-0249").startswith(
        "https://data.europarl.europa.eu/api/v2/plenary-documents/RC-10-2025-0249?"
    )


def test_sitting_urls_carry_the_term() -> None:
    assert urls.votes_xml(date(2025, 5, 8), "VOT", "en") == (
        "https://www.europarl.europa.eu/doceo/document/PV-10-2025-05-08-VOT_EN.xml"
    )
    assert urls.votes_xml(date(2024, 3, 14), "RCV", "fr").endswith("PV-9-2024-03-14-RCV_FR.xml")
    assert urls.sitting_id(date(2024, 7, 16)) == "MTG-PL-2024-07-16"


def test_search_and_feed_use_the_spec_parameters() -> None:
    url = urls.odp_adopted_text_search("Kazakhstan", date(2019, 1, 1), date(2025, 1, 1), "en")
    assert "title=Kazakhstan" in url and "sitting-date=2019-01-01" in url
    assert "sitting-date-end=2025-01-01" in url and "search-language=en" in url
    feed = urls.odp_feed("procedures", date(2025, 5, 1), process_type="RSP")
    assert "procedures/feed?" in feed and "timeframe=custom" in feed
    assert "start-date=2025-05-01" in feed and "process-type=RSP" in feed


def test_not_a_procedure() -> None:
    with pytest.raises(InvalidReference):
        urls.procedure_reference("B9-0065/2022")
