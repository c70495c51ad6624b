"""Dates are found as spans first, in the languages the sources write, and never in the future."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from whereas.recognize.dates import (
    date_from_metadata,
    date_of_reference,
    find_dates,
    parse_date_value,
    plausible,
)
from whereas.recognize.references import normalise_reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("adopted on 20 January 2022 in Strasbourg", date(2022, 1, 20)),
        ("on January 20, 2022", date(2022, 1, 20)),
        ("le 20 janvier 2022", date(2022, 1, 20)),
        ("le 1er février 2021", date(2021, 2, 1)),
        ("am 20. Januar 2022", date(2022, 1, 20)),
        ("am 20. März 2022", date(2022, 3, 20)),
        ("Štrasburk, 20. ledna 2022 - Europoslanci", date(2022, 1, 20)),
        ("Štrasburk, 24. listopadu 2022", date(2022, 11, 24)),
        ("7.5.2025 - (2025/2691(RSP))", date(2025, 5, 7)),
        ("20.1.2022", date(2022, 1, 20)),
        ("PV 08/05/2025 - 7.2", date(2025, 5, 8)),
        ("18-07-2019 - 11:37", date(2019, 7, 18)),
        ("2022-01-20T10:00:00Z", date(2022, 1, 20)),
    ],
)
def test_written_dates_are_found(text: str, expected: date) -> None:
    found = find_dates(text)
    assert [d.value for d in found] == [expected]
    assert text[found[0].start : found[0].end].strip()


@pytest.mark.parametrize(
    "text",
    ["call +32 2 284 20 00", "31.2.2022", "version 1.2.3", "in 2022", "B9-0065/2022", "12/2022"],
)
def test_other_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_no_date_in_the_future() -> None:
    tomorrow = date.today() + timedelta(days=1)
    assert find_dates(f"{tomorrow.day}.{tomorrow.month}.{tomorrow.year}") == []
    assert not plausible(tomorrow)
    assert parse_date_value(tomorrow.isoformat()) is None


def test_the_search_is_capped() -> None:
    text = "x" * 30_000 + " 20 January 2022"
    assert find_dates(text, limit=20_000) == []


def test_metadata_dates() -> None:
    assert date_from_metadata({"date": "2025-03-13T15:47:31.328Z"}) == date(2025, 3, 13)
    assert date_from_metadata({"article:published_time": "2022-01-20"}) == date(2022, 1, 20)
    assert date_from_metadata({"available": "07-05-2025", "title": "x"}) is None


def test_identifiers_carry_dates() -> None:
    press = normalise_reference("20190712IPR56948")
    sitting = normalise_reference("PV-10-2025-05-08-VOT")
    assert press is not None and date_of_reference(press) == date(2019, 7, 12)
    assert sitting is not None and date_of_reference(sitting) == date(2025, 5, 8)


@pytest.mark.parametrize(
    "text",
    ["25.11.2024-()", "25.11.2024(2024/2999(RSP))", "25.11.2024.", "(25.11.2024)", "25.11.2024 –"],
)
def test_a_numeric_date_may_be_followed_by_any_sign(text: str) -> None:
    assert [d.value for d in find_dates(text)] == [date(2024, 11, 25)]


@pytest.mark.parametrize("text", ["25.11.20241", "25.11.2024a", "25.11.2024.5", "25.11.2024-12"])
def test_a_numeric_date_glued_to_a_letter_or_a_number_is_not_one(text: str) -> None:
    assert find_dates(text) == []
