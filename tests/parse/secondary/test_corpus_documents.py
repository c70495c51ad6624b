"""Secondary sources of the corpus: body boundaries, dates, tallies, quotes, facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whereas.parse.records import ParsedDocument
from whereas.parse.secondary import parse_secondary
from whereas.read import read_bytes
from whereas.recognize.recognition import DocumentKind, Recognition


def parsed(corpus: Path, relative: str, kind: DocumentKind) -> ParsedDocument:
    path = corpus / relative
    return parse_secondary(read_bytes(path.read_bytes(), name=path.name), Recognition(kind=kind))


def tallies(result: ParsedDocument) -> list[tuple[int | None, int | None, int | None]]:
    return [(v.for_, v.against, v.abstentions) for v in result.votes]


VENEZUELA = ["howtheyvote/press-release_20190712IPR56948.html",
             "text-dumps/press-release_20190712IPR56948.txt"]
GEORGIA = ["howtheyvote/press-release_20250204IPR26689.html",
           "text-dumps/press-release_20250204IPR26689.txt"]
MYANMAR = ["howtheyvote/oeil-document-summary_1651118.html",
           "text-dumps/oeil-document-summary_1651118.txt"]
CHROME = ["Press room", "EN - English", "BG - ", "Contacts", "Press Officer", "Phone number",
          "Further information", "Product information", "WhatsApp", "Share this page",
          "Legislative Observatory", "Privacy policy", "Open in a new page", "Sign up"]


@pytest.mark.parametrize("relative", VENEZUELA)
def test_venezuela_press_release(corpus: Path, relative: str) -> None:
    result = parsed(corpus, relative, "press_release")
    assert tallies(result) == [(455, 85, 105)]
    assert result.votes[0].official is False
    assert result.votes[0].result == "adopted"
    vote = result.votes[0]
    assert vote.span is not None and "455 votes" in result.body[vote.span[0]:vote.span[1]]
    assert result.header["date"] == "2019-07-18"
    assert result.header["publisher"] == "European Parliament"
    assert "additional sanctions" in str(result.header["title"])
    assert result.body.lstrip("•- ").startswith("Full support")
    assert "Humanitarian and migration crisis" in result.body
    assert "3.4 million Venezuelans" in result.body
    for chrome in CHROME:
        assert chrome not in result.body, chrome
    assert "Adopted text will be published here" not in result.body


@pytest.mark.parametrize("relative", GEORGIA)
def test_georgia_press_release(corpus: Path, relative: str) -> None:
    result = parsed(corpus, relative, "press_release")
    assert tallies(result) == [(400, 63, 81)]
    assert result.votes[0].date == date(2025, 2, 13)  # "adopted on Thursday", published Thursday
    assert result.header["date"] == "2025-02-13"
    assert "Georgia was granted EU candidate status" in result.body
    assert "New elections needed" in result.body
    for chrome in [*CHROME, "Viktor ALMQVIST", "Watch a video recording"]:
        assert chrome not in result.body, chrome


@pytest.mark.parametrize("relative", MYANMAR)
def test_oeil_summary(corpus: Path, relative: str) -> None:
    result = parsed(corpus, relative, "procedure_summary")
    assert tallies(result) == [(667, 1, 27)]
    assert result.header["date"] == "2021-02-11"
    assert result.header["title"] == "Resolution on the situation in Myanmar"
    assert "Legislative Observatory" in str(result.header["publisher"])
    assert "arms embargo on Myanmar" in result.body
    assert "Find a procedure" not in result.body
    assert "Text adopted by Parliament, single reading" not in result.body
    assert "Data Protection Notice" not in result.body


def test_french_news_with_resolution_quoted(corpus: Path) -> None:
    armenews = "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md"
    result = parsed(corpus, armenews, "news")
    assert tallies(result) == [(523, 3, 84)]
    assert result.header["date"] == "2025-03-13"
    assert result.header["publisher"] == "armenews.com"
    assert "Partager sur" not in result.body
    assert "Charge son Président" in result.body
    assert any(f.value == 80 and f.approx == "at least" for f in result.facts)


def test_english_news_with_tally_in_brackets(corpus: Path) -> None:
    result = parsed(corpus, "press-and-news/icij-en-2025-11-transnational-repression.md", "news")
    assert tallies(result) == [(512, 76, 52)]
    assert result.votes[0].date == date(2025, 11, 13)  # "ahead of the Nov. 13 vote"
    assert result.header["date"] == "2025-11-18"
    assert {q.person for q in result.quotes} >= {"Ridel"}
    assert any(q.role == "rapporteur" for q in result.quotes)
    assert any(f.value == 80 and f.approx == "nearly" and "%" in (f.what or "")
               for f in result.facts)


def test_czech_press_releases(corpus: Path) -> None:
    result = parsed(corpus, "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md", "news")
    assert result.votes == []
    assert result.header["date"] == "2022-01-20"
    assert {q.person for q in result.quotes} == {"Markéta Gregorová"}
    assert any(q.role == "europoslankyně" for q in result.quotes)
    op_ed = parsed(corpus, "press-and-news/pirati-cz-2022-02-02-kazakhstan-op-ed.md", "news")
    assert op_ed.header["date"] == "2022-01-24"  # front matter, not the file name
    assert any(f.value == 225 and f.approx == "at least" for f in op_ed.facts)
    assert not any(f.value == 155 for f in op_ed.facts)  # "155. místě" is a rank


def test_venezuela_facts(corpus: Path) -> None:
    result = parsed(corpus, VENEZUELA[0], "press_release")
    facts = {(f.value, f.approx) for f in result.facts}
    assert (7_000_000, "more than") in facts
    assert (3_400_000, "more than") in facts
    assert any(f.value == 94 and (f.what or "").startswith("%") for f in result.facts)
