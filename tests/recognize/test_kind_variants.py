"""Resolutions in the layouts the EP and others have published them in, in any EU language.

The texts are invented in the shapes of real pages: doceo and old `sides` pages of texts
adopted, EUR-Lex copies, motions in other languages, a group's copy of its motion.
"""

from __future__ import annotations

import pytest

from whereas.read import read_bytes
from whereas.recognize import recognize

SIDES_PAGE = """Index
 Previous
 Next
Procedure : 2011/2600(RSP)
Document stages in plenary
Votes :
PV 03/03/2011 - 9.2
Texts adopted :
P7_TA(2011)0123
Texts adopted
PDF 120kWORD 60k
Thursday, 3 March 2011 - Strasbourg
Prisoners in Freedonia
P7_TA(2011)0123
European Parliament resolution of 3 March 2011 on prisoners in Freedonia (2011/2600(RSP))
The European Parliament,
– having regard to its earlier resolutions on Freedonia,
A. whereas a test sentence stands here;
1. Calls on the authorities of Freedonia to free the prisoners;
"""

OLD_PAGE = """Procedure : 2004/2700(RSP)
Texts adopted
PDF 90kWORD 40k
Thursday, 10 March 2005 - Strasbourg Final edition
Human rights in Freedonia
European Parliament resolution on human rights in Freedonia
The European Parliament ,
–   having regard to its earlier resolutions,
"""


def _kind(text: str) -> tuple[str, str | None]:
    found = recognize(read_bytes(text.encode()))
    return found.kind, found.reference


def test_a_text_adopted_page_with_a_dateline_is_no_press_release() -> None:
    assert _kind(SIDES_PAGE) == ("text_adopted", "P7_TA(2011)0123")


def test_a_text_adopted_before_2009_has_only_its_page_label() -> None:
    assert _kind(OLD_PAGE)[0] == "text_adopted"


@pytest.mark.parametrize(
    "title",
    [
        "Risoluzione del Parlamento europeo del 3 marzo 2011 sulla situazione in Freedonia",
        "Rezolucja Parlamentu Europejskiego z dnia 3 marca 2011 r. w sprawie Freedonii",
        "Resolución del Parlamento Europeo, de 3 de marzo de 2011, sobre Freedonia",
        "Usnesení Evropského parlamentu ze dne 3. března 2011 o Freedonii",
        "Europa-Parlamentets beslutning af 3. marts 2011 om Freedonia",
        "2011 m. kovo 3 d. Europos Parlamento rezoliucija dėl Freedonijos",
        "European Parliament legislative resolution of 3 March 2011 on a draft decision",
    ],
)
def test_the_title_line_of_a_text_adopted_in_any_language(title: str) -> None:
    text = f"{title} (2011/2600(RSP))\nParliament,\n– text of a citation,\n"
    assert _kind(text)[0] == "text_adopted"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PROJEKT REZOLUCJI w sprawie Freedonii", "motion"),
        ("WSPÓLNY PROJEKT REZOLUCJI w sprawie Freedonii", "joint_motion"),
        ("PROPOSTA DE RESOLUÇÃO COMUM", "joint_motion"),
        ("MOZZJONI GĦAL RIŻOLUZZJONI dwar Freedonia", "motion"),
        ("ENTSCHLIESSUNGSANTRAGzu der Lage in Freedonia", "motion"),
        ("JOINT MOTION FOR A\nRESOLUTION", "joint_motion"),
        ("ÁLLÁSFOGLALÁSRA IRÁNYULÓ INDÍTVÁNY", "motion"),
        ("KÖZÖS ÁLLÁSFOGLALÁSRA IRÁNYULÓ INDÍTVÁNY", "joint_motion"),
    ],
)
def test_motion_headings_in_any_language(heading: str, kind: str) -> None:
    text = f"B9-0101/2022\n{heading}\n18.1.2022 - (2022/2600(RSP))\n"
    assert _kind(text)[0] == kind


def test_a_groups_copy_of_its_motion() -> None:
    text = (
        "Freedonia\nGreens/EFA motion for resolution\nTabled by A. Person on behalf of the "
        "Greens/EFA Group\nThe European Parliament,\n– having regard to its resolutions,\n"
        "A. whereas a test sentence stands here;\n"
    )
    assert _kind(text)[0] == "motion"


def test_a_flattened_copy_of_a_text_adopted() -> None:
    text = (
        "P7_TA(2012)0100 Freedonia European Parliament resolution of 5 July 2012 on Freedonia "
        "The European Parliament, – having regard to its resolutions, – having regard to the "
        "Charter, A. whereas a test sentence stands here;"
    )
    assert _kind(text) == ("text_adopted", "P7_TA(2012)0100")


def test_a_press_release_quoting_a_resolution_title_stays_a_press_release() -> None:
    text = (
        "Strasbourg, 21 January 2022 – MEPs adopted the European Parliament resolution of "
        "20 January 2022 on Freedonia by 500 votes to 20.\nPress room\n"
    )
    assert _kind(text)[0] == "press_release"


@pytest.mark.parametrize(
    "heading",
    [
        "RAPORT Raportul anual privind Freedonia\n23.11.2010 - (2010/2600(INI))\n"
        "PROPUNERE DE REZOLUȚIE A PARLAMENTULUI EUROPEAN",
        "POROČILO o Freedoniji\n23.11.2010 - (2010/2600(INI))\n"
        "PREDLOG RESOLUCIJE EVROPSKEGA PARLAMENTA",
        "PRANEŠIMAS dėl Freedonijos\n23.11.2010 - (2010/2600(INI))",
    ],
)
def test_a_report_in_any_language_is_no_motion(heading: str) -> None:
    text = f"A7-0101/2010\n{heading}\nParlament,\n– citation,\n"
    assert _kind(text) == ("report", "A7-0101/2010")
