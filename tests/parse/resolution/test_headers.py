"""Headers of resolutions in older layouts and copies: authors, groups, legal basis, title.

The texts are invented in the shapes of real pages.
"""

from __future__ import annotations

from whereas.parse.resolution import parse_resolution
from whereas.read import read_bytes
from whereas.recognize import recognize


def _parse(text: str) -> tuple[dict[str, str | list[str]], list[tuple[str, str | None]]]:
    document = read_bytes(text.encode())
    parsed = parse_resolution(document, recognize(document))
    return parsed.header, [(a.name, a.group) for a in parsed.authors]


def test_a_german_motion_whose_legal_basis_has_a_line_of_its_own() -> None:
    header, authors = _parse(
        "Entschließungsantrag - B7-0101/2011\nENTSCHLIESSUNGSANTRAG zu Freedonia\n4.4.2011\n"
        "eingereicht im Anschluss an die Erklärung der Vizepräsidentin der Kommission\n"
        "gemäß Artikel 110 Absatz 2 der Geschäftsordnung\n"
        "Anna Muster, Berta Beispiel im Namen der Verts/ALE-Fraktion\n"
        "Verfahren : 2011/2600(RSP)\nEntschließung des Europäischen Parlaments zu Freedonia\n"
        "Das Europäische Parlament,\n– unter Hinweis auf seine früheren Entschließungen,\n"
    )
    assert header["rules"] == ["110(2)"]
    assert authors == [("Anna Muster", "GREEN_EFA"), ("Berta Beispiel", "GREEN_EFA")]


def test_a_french_motion_of_2017_cites_the_rules_without_intérieur() -> None:
    header, authors = _parse(
        "PROPOSITION DE RÉSOLUTION sur Freedonia\n30.6.2017 - (2017/2600(RSP))\n"
        "déposée à la suite d’une déclaration de la Commission\n"
        "conformément à l’article 37, paragraphe 3, du règlement\n"
        "Anne Exemple au nom du groupe PPE\n"
        "Résolution du Parlement européen sur Freedonia\nLe Parlement européen,\n"
        "– vu ses résolutions antérieures,\n"
    )
    assert header["rules"] == ["37(3)"]
    assert authors == [("Anne Exemple", "EPP")]


def test_a_groups_copy_names_its_authors_and_nothing_else() -> None:
    _, authors = _parse(
        "Freedonia\nGreens/EFA motion for resolution\n"
        "Tabled by Anna Muster, Bob Example on behalf of the Greens/EFA Group\n"
        "The European Parliament,\n– having regard to its earlier resolutions,\n"
        "A. whereas a test sentence stands here;\n"
    )
    assert authors == [("Anna Muster", "GREEN_EFA"), ("Bob Example", "GREEN_EFA")]


def test_header_titles_without_the_page_title_or_the_date() -> None:
    header, _ = _parse(
        "Motion for a resolution - B9-0101/2022Motion for a resolution\nB9-0101/2022\n"
        "MOTION FOR A RESOLUTION on the situation in Freedonia\n18.1.2022 - (2022/2600(RSP))\n"
        "pursuant to Rule 144 of the Rules of Procedure\nAnna Muster\non behalf of the PPE Group\n"
        "European Parliament resolution on the situation in Freedonia\n(2022/2600(RSP))\n"
        "The European Parliament,\n– having regard to its earlier resolutions,\n"
    )
    assert header["title"] == "on the situation in Freedonia"
    header, _ = _parse(
        "Texts adopted\nPDF 100kWORD 50k\n"
        "European Parliament resolution of 16 December 2010 on prisoners in Freedonia "
        "(2010/2600(RSP))\nThe European Parliament,\n– having regard to its resolutions,\n"
    )
    assert header["title"] == "on prisoners in Freedonia"
