"""Resolutions in the EU languages: clause kinds, labels, verbs and addressees (invented texts).

Each text is found the language by its formulas, as a copied text without metadata would be.
"""

from __future__ import annotations

import pytest

from whereas.parse.resolution import parse_clauses
from whereas.vocabularies.lexicon import actor_ids, language_pack, languages, verb_senses

from .documents import outline

SPANISH = [
    "El Parlamento Europeo,",
    "– Vistas sus resoluciones anteriores sobre Freedonia,",
    "– Visto el artículo 144 de su Reglamento interno,",
    "A. Considerando que aquí figura una frase de prueba;",
    "1. Condena enérgicamente las detenciones; pide a las autoridades rusas que liberen a los "
    "presos;",
    "2. Insta al Consejo a que adopte sanciones;",
    "3. Encarga a su presidenta que transmita la presente Resolución al Consejo y a la Comisión.",
]
ITALIAN = [
    "Il Parlamento europeo,",
    "– viste le sue precedenti risoluzioni sulla Freedonia,",
    "A. considerando che qui figura una frase di prova;",
    "1. condanna fermamente gli arresti; invita la Commissione a sostenere la società civile;",
    "2. incarica la sua Presidente di trasmettere la presente risoluzione al Consiglio e alla "
    "Commissione.",
]
POLISH = [
    "Parlament Europejski,",
    "– uwzględniając swoje poprzednie rezolucje w sprawie Freedonii,",
    "A. mając na uwadze, że tu znajduje się zdanie testowe;",
    "1. zdecydowanie potępia aresztowania; wzywa Komisję, aby wsparła społeczeństwo obywatelskie;",
    "2. zobowiązuje swoją przewodniczącą do przekazania niniejszej rezolucji Radzie i Komisji.",
]
DUTCH = [
    "Het Europees Parlement,",
    "– gezien zijn eerdere resoluties over Freedonia,",
    "A. overwegende dat hier een testzin staat;",
    "1. veroordeelt ten stelligste de arrestaties; verzoekt de Commissie om het maatschappelijk "
    "middenveld te steunen;",
    "2. verzoekt zijn Voorzitter deze resolutie te doen toekomen aan de Raad en de Commissie.",
]
PORTUGUESE = [
    "O Parlamento Europeu,",
    "– Tendo em conta as suas anteriores resoluções sobre a Freedonia,",
    "A. Considerando que aqui figura uma frase de teste;",
    "1. Condena veementemente as detenções; insta a Comissão a apoiar a sociedade civil;",
    "2. Encarrega a sua Presidente de transmitir a presente resolução ao Conselho e à Comissão.",
]
GREEK = [
    "Το Ευρωπαϊκό Κοινοβούλιο,",
    "– έχοντας υπόψη τα προηγούμενα ψηφίσματά του για τη Φρεεδονία,",
    "Α. λαμβάνοντας υπόψη ότι εδώ υπάρχει μια δοκιμαστική πρόταση·",
    "Β. λαμβάνοντας υπόψη ότι εδώ υπάρχει μια δεύτερη πρόταση·",
    "1. καταδικάζει απερίφραστα τις συλλήψεις· καλεί την Επιτροπή να στηρίξει την κοινωνία των "
    "πολιτών·",
]
BULGARIAN = [
    "Европейският парламент,",
    "– като взе предвид предишните си резолюции относно Фрийдония,",
    "А. като има предвид, че тук стои изпитвателно изречение;",
    "Б. като има предвид, че тук стои второ изречение;",
    "1. осъжда арестите; призовава Комисията да подкрепи гражданското общество;",
]
DANISH = [
    "Europa-Parlamentet,",
    "– der henviser til sine tidligere beslutninger om Freedonia,",
    "A. der henviser til, at her står en prøvesætning;",
    "1. fordømmer anholdelserne; opfordrer Kommissionen til at støtte civilsamfundet;",
]
SWEDISH = [
    "Europaparlamentet utfärdar denna resolution",
    "– med beaktande av sina tidigare resolutioner om Freedonia,",
    "A. Här står en testmening.",
    "1. Europaparlamentet fördömer gripandena.",
    "2. Europaparlamentet uppmanar kommissionen att stödja det civila samhället.",
]


@pytest.mark.parametrize(
    ("lines", "language", "expected", "verbs", "addressees"),
    [
        (
            SPANISH,
            "es",
            [
                ("citation", None),
                ("citation", None),
                ("recital", "A"),
                ("paragraph", "1"),
                ("paragraph", "2"),
                ("paragraph", "3"),
            ],
            [["strongly condemns", "calls on"], ["urges"], ["instructs"]],
            [["authorities:ru"], ["council"], ["council", "commission"]],
        ),
        (
            ITALIAN,
            "it",
            [("citation", None), ("recital", "A"), ("paragraph", "1"), ("paragraph", "2")],
            [["strongly condemns", "calls on"], ["instructs"]],
            [["commission"], ["council", "commission"]],
        ),
        (
            POLISH,
            "pl",
            [("citation", None), ("recital", "A"), ("paragraph", "1"), ("paragraph", "2")],
            [["strongly condemns", "calls on"], ["instructs"]],
            [["commission"], ["council", "commission"]],
        ),
        (
            DUTCH,
            "nl",
            [("citation", None), ("recital", "A"), ("paragraph", "1"), ("paragraph", "2")],
            [["strongly condemns", "calls on"], ["instructs"]],
            [["commission"], ["council", "commission"]],
        ),
        (
            PORTUGUESE,
            "pt",
            [("citation", None), ("recital", "A"), ("paragraph", "1"), ("paragraph", "2")],
            [["strongly condemns", "calls on"], ["instructs"]],
            [["commission"], ["council", "commission"]],
        ),
        (
            GREEK,
            "el",
            [("citation", None), ("recital", "Α"), ("recital", "Β"), ("paragraph", "1")],
            [["strongly condemns", "calls on"]],
            [["commission"]],
        ),
        (
            BULGARIAN,
            "bg",
            [("citation", None), ("recital", "А"), ("recital", "Б"), ("paragraph", "1")],
            [["condemns", "calls on"]],
            [["commission"]],
        ),
        (
            DANISH,
            "da",
            [("citation", None), ("recital", "A"), ("paragraph", "1")],
            [["condemns", "calls on"]],
            [["commission"]],
        ),
        (
            SWEDISH,
            "sv",
            [("citation", None), ("recital", "A"), ("paragraph", "1"), ("paragraph", "2")],
            [[], []],
            [[], []],
        ),
    ],
)
def test_a_resolution_in_each_language(
    lines: list[str],
    language: str,
    expected: list[tuple[str, str | None]],
    verbs: list[list[str]],
    addressees: list[list[str]],
) -> None:
    parsed = parse_clauses(lines)
    assert [(kind, label) for kind, label, _ in outline(parsed.clauses)] == expected
    paragraphs = [c for c in parsed.clauses if c.kind == "paragraph"]
    if language != "sv":  # Swedish paragraphs repeat the subject: no verb at their start
        assert [c.verbs for c in paragraphs] == verbs
        assert [c.addressees for c in paragraphs] == addressees
    assert not any("no formulas" in w for w in parsed.warnings)


@pytest.mark.parametrize("language", languages())
def test_every_pack_is_documented_and_complete(language: str) -> None:
    pack = language_pack(language)
    assert pack is not None
    assert {t.id for t in pack.verbs} <= set(verb_senses())
    actors = {t.id for t in pack.actors if not t.id.startswith("authorities:")}
    assert actors <= set(actor_ids())
    for formula in ("preamble", "citation", "recital", "closing", "on_behalf", "kind"):
        assert pack.formulas.get(formula) or formula == "kind", (language, formula)
    assert {t.id for t in pack.kinds} == {"joint_motion", "motion", "text_adopted"}


def test_twenty_three_languages_ship() -> None:
    assert len(languages()) >= 23


def test_a_clause_on_data_protection_does_not_end_the_text() -> None:
    lines = [
        "Az Európai Parlament,",
        "– tekintettel az általános adatvédelmi rendeletre,",
        "– tekintettel a Chartára,",
        "A. mivel itt egy próbamondat áll;",
    ]
    assert [c.kind for c in parse_clauses(lines, "hu").clauses] == [
        "citation",
        "citation",
        "recital",
    ]
