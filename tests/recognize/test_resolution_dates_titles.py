"""The date and title of a resolution in any EU language and layout (texts invented here)."""

from __future__ import annotations

from datetime import date

import pytest

from whereas.read import read_bytes
from whereas.recognize import recognize
from whereas.recognize.adoption import written_dates


def _recognise(text: str) -> tuple[str, date | None, str | None]:
    found = recognize(read_bytes(text.encode()))
    return found.kind, found.date, found.title


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("Risoluzione del Parlamento europeo del 3 marzo 2011 sulla Freedonia", date(2011, 3, 3)),
        (
            "Resolución del Parlamento Europeo, de 3 de marzo de 2011, sobre Freedonia",
            date(2011, 3, 3),
        ),
        ("Resolucija Evropskega parlamenta z dne 3. marca 2011 o Freedoniji", date(2011, 3, 3)),
        (
            "Ψήφισμα του Ευρωπαϊκού Κοινοβουλίου της 3ης Μαρτίου 2011 σχετικά με τη Φρεεδονία",
            date(2011, 3, 3),
        ),
        ("2011 m. kovo 3 d. Europos Parlamento rezoliucija dėl Freedonijos", date(2011, 3, 3)),
    ],
)
def test_a_text_adopted_is_dated_by_its_title_line(title: str, day: date) -> None:
    # The page lists the debate of the day before: the title's day is the adoption's.
    text = f"PV 02/03/2011 - 12\n{title} (2011/2600(RSP))\nParliament,\n– a citation,\n"
    kind, found, about = _recognise(text)
    assert (kind, found) == ("text_adopted", day)
    assert about is not None and "2011" not in about and "(2011" not in about


def test_a_text_adopted_without_a_date_in_its_title_has_the_day_of_its_vote() -> None:
    text = (
        "Procedure : 2004/2700(RSP)\nDebates :\nPV 09/03/2005 - 14\nVotes :\nPV 10/03/2005 - 7.5\n"
        "Texts adopted\nPDF 90kWORD 40k\nThursday, 10 March 2005 - Strasbourg\n"
        "European Parliament resolution on human rights in Freedonia\n"
        "The European Parliament ,\n– having regard to its resolution of 1 July 1999,\n"
    )
    kind, found, about = _recognise(text)
    assert (kind, found, about) == (
        "text_adopted",
        date(2005, 3, 10),
        "on human rights in Freedonia",
    )


def test_an_old_motion_is_dated_under_its_heading_not_by_the_page_chrome() -> None:
    text = (
        "Votes :\nPV 24/11/2016 - 8.6\nMOTION FOR A RESOLUTION\nPDF 162kWORD 47k\n21.11.2016\n"
        "B8-1123/2016\nto wind up the debate\non the situation in Freedonia (2016/2933(RSP))\n"
        "European Parliament resolution on the situation in Freedonia (2016/2933(RSP))\n"
        "The European Parliament,\n– having regard to Rule 123(2) of its Rules of Procedure,\n"
    )
    kind, found, about = _recognise(text)
    assert (kind, found) == ("motion", date(2016, 11, 21))
    assert about == "on the situation in Freedonia"


def test_a_motion_without_a_date_is_not_dated_by_its_citations() -> None:
    text = (
        "Greens/EFA motion for resolution on Freedonia\nThe European Parliament,\n"
        "– having regard to the agreement that entered into force on 1 July 1999,\n"
        "A. whereas a test sentence stands here;\n"
    )
    assert _recognise(text)[:2] == ("motion", None)


def test_a_title_a_pdf_wraps_over_lines() -> None:
    text = (
        "European Parliament\nJOINT MOTION FOR A RESOLUTION on the\nsituation of prisoners in\n"
        "Freedonia\n7.5.2025 - (2025/2600(RSP))\npursuant to Rule 150\n"
    )
    assert _recognise(text)[2] == "on the situation of prisoners in Freedonia"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("z dnia 3 marca 2011 r.", date(2011, 3, 3)),
        ("af 3. marts 2011", date(2011, 3, 3)),
        ("2011. gada 3. marta", date(2011, 3, 3)),
        ("2011. március 3-i", date(2011, 3, 3)),
        ("3. märtsi 2011. aasta", date(2011, 3, 3)),
        ("tat-3 ta' Marzu 2011", date(2011, 3, 3)),
    ],
)
def test_dates_written_in_words_in_any_language(written: str, day: date) -> None:
    assert written_dates(written) == [day]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "FÆLLES BESLUTNINGSFORSLAG\nPDF 149kWORD 75k\n5.2.2014\nB7-0101/2014\n"
            "om situationen i Freedonia (2014/2600(RSP))\nAnna Muster for PPE-Gruppen\n",
            "om situationen i Freedonia",
        ),
        (
            "ONTWERPRESOLUTIE\nPDF 153kWORD 46k\n19.10.2016\nB8-1101/2016\n"
            "Ontwerpresolutie van het Europees Parlement over de oorlog in Freedonia\n"
            "Het Europees Parlement,\n",
            "over de oorlog in Freedonia",
        ),
    ],
)
def test_titles_of_older_layouts(text: str, title: str) -> None:
    assert _recognise(text)[2] == title


@pytest.mark.parametrize(
    ("date_line", "title_line"),
    [
        ("25.11.2024-()", "on the situation in Freedonia"),
        ("25.11.2024(2024/2999(RSP))", "on the situation in Freedonia"),
        ("25.11.2024 -", "on the situation in Freedonia"),
    ],
)
def test_a_motion_date_glued_to_the_next_sign_is_its_date(date_line: str, title_line: str) -> None:
    # Mirrors drop the procedure and leave its brackets, or glue it to the date.
    text = (
        f"MOTION FOR A RESOLUTION\n{date_line}\n{title_line}\nThe European Parliament,\n"
        "– having regard to its resolution of 3.2.2020 on Freedonia,\nA. whereas it rained;\n"
    )
    kind, found, _ = _recognise(text)
    assert (kind, found) == ("motion", date(2024, 11, 25))


def test_a_motion_date_glued_to_digits_is_not_its_date() -> None:
    text = (
        "MOTION FOR A RESOLUTION\n25.11.20241\non the situation in Freedonia\n"
        "The European Parliament,\n– having regard to its resolution of 3.2.2020,\n"
    )
    assert _recognise(text)[1] is None


def test_a_title_line_date_followed_by_a_comma_dates_the_text_adopted() -> None:
    text = (
        "European Parliament resolution of 25 November 2024, on the situation in Freedonia\n"
        "The European Parliament,\n– having regard to its resolution of 3 February 2020,\n"
        "A. whereas it rained;\n1. Condemns the rain;\n"
    )
    assert _recognise(text)[:2] == ("text_adopted", date(2024, 11, 25))
