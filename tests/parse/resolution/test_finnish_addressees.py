"""Finnish addressees: the object in its case ends at the infinitive asked for (texts invented)."""

from __future__ import annotations

import pytest

from whereas.parse.resolution import parse_clauses

PREAMBLE = "Euroopan parlamentti, joka\n– ottaa huomioon aiemmat päätöslauselmansa,\n"
VP_HR = (
    "komission varapuheenjohtajaa / unionin ulkoasioiden ja turvallisuuspolitiikan korkeaa "
    "edustajaa"
)
CASES = [
    (
        "1. kehottaa komissiota ja neuvostoa varmistamaan, että jäsenvaltiot tukevat "
        "kansalaisyhteiskuntaa;",
        ["calls on"],
        ["commission", "council"],
    ),
    (
        "2. pyytää jäsenvaltioita lopettamaan aseviennin ja kehottaa komissiota seuraamaan "
        "tilannetta YK:n kanssa;",
        ["asks", "calls on"],
        ["member_states", "commission"],
    ),
    (
        f"3. kehottaa {VP_HR} tuomitsemaan Euroopan unionin puolesta pidätykset;",
        ["calls on"],
        ["vp_hr"],
    ),
    (
        "4. vaatii Venäjän viranomaisia vapauttamaan kaikki vangit ja pyytää EUH:ta ja "
        "jäsenvaltioita seuraamaan oikeudenkäyntejä;",
        ["demands", "asks"],
        ["authorities:ru", "eeas", "member_states"],
    ),
    (
        "5. vaatii, että Kiinan hallitus vapauttaa toimittajat, joita komissio on tukenut;",
        ["demands"],
        ["authorities:cn"],
    ),
    (
        "6. kehottaa jäsenvaltioita palauttamaan kotimaan tuen ja Euroopan ulkosuhdehallintoa "
        "raportoimaan neuvostolle;",
        ["calls on"],
        ["member_states", "eeas"],
    ),
    (
        "7. tuomitsee jyrkästi pidätykset ja kehottaa kansainvälistä yhteisöä tukemaan "
        "komission aloitetta;",
        ["strongly condemns", "calls on"],
        ["international_community"],
    ),
    (
        "8. kehottaa puhemiestä välittämään tämän päätöslauselman neuvostolle ja komissiolle.",
        ["instructs"],
        ["council", "commission"],
    ),
]


@pytest.mark.parametrize(("paragraph", "verbs", "addressees"), CASES)
def test_finnish_addressees_stop_at_the_infinitive(
    paragraph: str, verbs: list[str], addressees: list[str]
) -> None:
    clauses = parse_clauses([*PREAMBLE.split("\n"), paragraph], "fi").clauses
    found = [c for c in clauses if c.kind == "paragraph"]
    assert [(c.verbs, c.addressees) for c in found] == [(verbs, addressees)]


def test_the_finnish_preamble_ending_in_joka_opens_the_resolution() -> None:
    text = [*PREAMBLE.split("\n"), "A. ottaa huomioon, että tilanne on huonontunut;"]
    kinds = [c.kind for c in parse_clauses(text, "fi").clauses]
    assert kinds == ["citation", "recital"]
