"""Publication dates written in text, copied-text chrome, empty pages and future dates."""

from __future__ import annotations

from datetime import date, timedelta

from whereas.parse.secondary import parse_secondary
from whereas.parse.secondary.boilerplate import is_chrome, main_paragraphs
from whereas.parse.secondary.dates import dateline, find_dates, relative_day
from whereas.read.document import Block, ReadDocument
from whereas.recognize.recognition import Recognition


def test_datelines() -> None:
    assert dateline("Brusel, 7. ledna 2022 - Evropská unie by měla") == date(2022, 1, 7)
    assert dateline("Press Releases\n18-07-2019 - 11:37\nShare") == date(2019, 7, 18)
    assert dateline("Strasbourg, 13 mars 2025 - Le Parlement") == date(2025, 3, 13)
    assert dateline("11:37 18.07.2019\nText") == date(2019, 7, 18)


def test_dates_without_year_take_the_context_year() -> None:
    found = find_dates("ahead of the Nov. 13 vote", 2025)
    assert [d.value for d in found] == [date(2025, 11, 13)]
    assert found[0].year_written is False
    assert find_dates("ahead of the Nov. 13 vote") == []


def test_weekday_and_today() -> None:
    thursday = date(2025, 2, 13)
    assert relative_day("adopted on Thursday", date(2025, 2, 14)) == thursday
    assert relative_day("Europoslanci dnes schválili", thursday) == thursday
    assert relative_day("MEPs voted yesterday", date(2025, 2, 14)) == thursday


def test_copied_text_chrome() -> None:
    assert is_chrome("BG - български")
    assert is_chrome("bg es cs da de et el en fr ga")
    assert is_chrome('Access to page content (press "Enter")')
    paragraphs = ["Menu", "News", "Topics", "MEPs", "A title", "Short lead line here today",
                  "MEPs adopted a resolution on the situation in the country on Thursday.",
                  "Contacts:", "Some press officer with a very long line of contact details."]
    assert main_paragraphs(paragraphs) == [
        "MEPs adopted a resolution on the situation in the country on Thursday."]


def _text_document(text: str) -> ReadDocument:
    lines = text.splitlines()
    blocks, offset = [], 0
    for number, line in enumerate(lines, start=1):
        if line:
            blocks.append(Block(line, "line", path=f"line {number}", start=offset,
                                end=offset + len(line)))
        offset += len(line) + 1
    return ReadDocument("text", text, blocks)


def test_page_without_text_is_flagged() -> None:
    result = parse_secondary(_text_document("Menu\n\nNews\n\nShare this page"),
                             Recognition(kind="news"))
    assert result.body == ""
    assert any("no main text" in w for w in result.warnings)


def test_future_date_is_flagged_not_kept() -> None:
    future = date.today() + timedelta(days=400)
    text = (f"Brussels, {future.day}.{future.month:02d}.{future.year} - MEPs adopted a resolution "
            "on the situation in the country by 400 votes to 63, with 81 abstentions.")
    result = parse_secondary(_text_document(text), Recognition(kind="news"))
    assert "date" not in result.header
    assert any("future" in w for w in result.warnings)
    assert [(v.for_, v.against, v.abstentions) for v in result.votes] == [(400, 63, 81)]
