"""The headings of EP resolutions in the 24 languages: motion, joint motion, text adopted.

Motions and joint motions print their kind as an upper-case heading ("MOTION FOR A RESOLUTION",
"PROJEKT REZOLUCJI"); texts adopted open with their title line ("European Parliament resolution
of 16 December 2010 on ...", "2008 m. gegužės 8 d. Europos Parlamento rezoliucija dėl ...").
Doceo pages, the old `sides/getDoc.do` pages, EUR-Lex copies of the Official Journal and texts
copied from any of them keep these lines, whatever their layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Upper-case headings as printed; words may be broken over lines (PDF layout).
_JOINT_MOTION = (
    "JOINT MOTION FOR A RESOLUTION", "PROPOSITION DE RÉSOLUTION COMMUNE",
    "GEMEINSAMER ENTSCHLIESSUNGSANTRAG", "GEMEINSAMER ENTSCHLIEẞUNGSANTRAG",
    "PROPUESTA DE RESOLUCIÓN COMÚN", "PROPOSTA DI RISOLUZIONE COMUNE",
    "PROPOSTA DE RESOLUÇÃO COMUM", "GEZAMENLIJKE ONTWERPRESOLUTIE", "WSPÓLNY PROJEKT REZOLUCJI",
    "SPOLEČNÝ NÁVRH USNESENÍ", "SPOLOČNÝ NÁVRH UZNESENIA", "SKUPNI PREDLOG RESOLUCIJE",
    "ZAJEDNIČKI PRIJEDLOG REZOLUCIJE", "KÖZÖS ÁLLÁSFOGLALÁSI INDÍTVÁNY",
    "KÖZÖS ÁLLÁSFOGLALÁSRA IRÁNYULÓ INDÍTVÁNY",
    "PROPUNERE COMUNĂ DE REZOLUȚIE", "ОБЩО ПРЕДЛОЖЕНИЕ ЗА РЕЗОЛЮЦИЯ",
    "ΚΟΙΝΗ ΠΡΟΤΑΣΗ ΨΗΦΙΣΜΑΤΟΣ", "FÆLLES BESLUTNINGSFORSLAG", "FÆLLES FORSLAG TIL BESLUTNING",
    "GEMENSAMT RESOLUTIONSFÖRSLAG", "YHTEINEN PÄÄTÖSLAUSELMAESITYS",
    "ÜHINE RESOLUTSIOONI ETTEPANEK", "KOPĪGS REZOLŪCIJAS PRIEKŠLIKUMS",
    "BENDRAS PASIŪLYMAS DĖL REZOLIUCIJOS", "MOZZJONI GĦAL RIŻOLUZZJONI KONĠUNTA",
    "COMHTHAIRISCINT LE HAGHAIDH RÚIN",
)  # fmt: skip
_MOTION = (
    "MOTION FOR A RESOLUTION", "PROPOSITION DE RÉSOLUTION", "ENTSCHLIESSUNGSANTRAG",
    "ENTSCHLIEẞUNGSANTRAG", "PROPUESTA DE RESOLUCIÓN", "PROPOSTA DI RISOLUZIONE",
    "PROPOSTA DE RESOLUÇÃO", "ONTWERPRESOLUTIE", "PROJEKT REZOLUCJI", "NÁVRH USNESENÍ",
    "NÁVRH UZNESENIA", "PREDLOG RESOLUCIJE", "PRIJEDLOG REZOLUCIJE",
    "ÁLLÁSFOGLALÁSI INDÍTVÁNY", "ÁLLÁSFOGLALÁSRA IRÁNYULÓ INDÍTVÁNY", "PROPUNERE DE REZOLUȚIE",
    "ПРЕДЛОЖЕНИЕ ЗА РЕЗОЛЮЦИЯ",
    "ΠΡΟΤΑΣΗ ΨΗΦΙΣΜΑΤΟΣ", "BESLUTNINGSFORSLAG", "FORSLAG TIL BESLUTNING",
    "FÖRSLAG TILL RESOLUTION", "PÄÄTÖSLAUSELMAESITYS", "RESOLUTSIOONI ETTEPANEK",
    "REZOLŪCIJAS PRIEKŠLIKUMS", "PASIŪLYMAS DĖL REZOLIUCIJOS", "MOZZJONI GĦAL RIŻOLUZZJONI",
    "TAIRISCINT LE HAGHAIDH RÚIN",
)  # fmt: skip
_TEXTS_ADOPTED = (
    "TEXTS ADOPTED", "TEXTES ADOPTÉS", "ANGENOMMENE TEXTE", "TEXTOS APROBADOS", "TESTI APPROVATI",
    "TEXTOS APROVADOS", "AANGENOMEN TEKSTEN", "TEKSTY PRZYJĘTE", "PŘIJATÉ TEXTY",
)  # fmt: skip
# The title line of a text adopted: the resolution (legislative or not) of a day. The day
# follows the words in most languages and precedes them in Lithuanian, Hungarian, Latvian and
# Estonian.
_DAY = r"\d{1,2}(?:\.|er|ης|ας|ου)?\s"
_ADOPTED_TITLES = (
    rf"European Parliament (?:legislative |non-legislative )?resolution of {_DAY}",
    # Recommendations to the Council, the Commission and the VP/HR are texts adopted too.
    rf"European Parliament recommendation of {_DAY}",
    rf"Recommandation du Parlement européen du {_DAY}",
    rf"Empfehlung des Europäischen Parlaments vom {_DAY}",
    rf"Recomendación del Parlamento Europeo,? de {_DAY}",
    rf"Raccomandazione del Parlamento europeo del {_DAY}",
    rf"Recomendação do Parlamento Europeu,? de {_DAY}",
    rf"Aanbeveling van het Europees Parlement van {_DAY}",
    rf"Zalecenie Parlamentu Europejskiego z dnia {_DAY}",
    rf"Résolution (?:législative )?du Parlement européen du {_DAY}",
    rf"(?:Legislative )?Entschließung des Europäischen Parlaments vom {_DAY}",
    rf"Resolución (?:legislativa )?del Parlamento Europeo,? de {_DAY}",
    rf"Risoluzione (?:legislativa )?del Parlamento europeo del {_DAY}",
    rf"Resolução (?:legislativa )?do Parlamento Europeu,? de {_DAY}",
    rf"(?:Wetgevingsr|R)esolutie van het Europees Parlement van {_DAY}",
    rf"Rezolucja (?:ustawodawcza )?Parlamentu Europejskiego z dnia {_DAY}",
    rf"(?:Legislativní )?usnesení Evropského parlamentu ze dne {_DAY}",
    rf"(?:Legislatívne )?uznesenie Európskeho parlamentu z {_DAY}",
    rf"(?:Zakonodajna )?resolucija Evropskega parlamenta z dne {_DAY}",
    rf"(?:Zakonodavna )?rezolucija Europskog parlamenta od {_DAY}",
    rf"Rezoluția (?:legislativă )?Parlamentului European din {_DAY}",
    rf"(?:Законодателна )?резолюция на Европейския парламент от {_DAY}",
    rf"(?:Νομοθετικό )?ψήφισμα του Ευρωπαϊκού Κοινοβουλίου της {_DAY}",
    rf"Europa-Parlamentets (?:lovgivningsmæssige )?beslutning af {_DAY}",
    rf"Europaparlamentets (?:lagstiftnings)?resolution av den {_DAY}",
    rf"Euroopan parlamentin (?:lainsäädäntö)?päätöslauselma {_DAY}",
    rf"Riżoluzzjoni (?:leġiżlattiva )?tal-Parlament Ewropew tal-{_DAY}",
    rf"Rún (?:reachtach )?ó Pharlaimint na hEorpa an {_DAY}",
    r"\d{4} m\. \w+ \d{1,2} d\. Europos Parlamento (?:teisėkūros )?rezoliucija",
    r"Az Európai Parlament \d{4}\. \w+ \d{1,2}-\w+ (?:jogalkotási )?állásfoglalása",
    r"Eiropas Parlamenta \d{4}\. gada \d{1,2}\. \w+ (?:normatīvā )?rezolūcija",
    r"Euroopa Parlamendi \d{1,2}\. \w+ \d{4}\. aasta (?:seadusandlik )?resolutsioon",
)
# "The European Parliament," on its own line: the resolution part starts after it.
_PREAMBLES = (
    "The European Parliament", "Le Parlement européen", "Das Europäische Parlament",
    "El Parlamento Europeo", "Il Parlamento europeo", "O Parlamento Europeu",
    "Het Europees Parlement", "Parlament Europejski", "Evropský parlament", "Európsky parlament",
    "Evropski parlament", "Europski parlament", "Az Európai Parlament", "Parlamentul European",
    "Европейският парламент", "Το Ευρωπαϊκό Κοινοβούλιο", "Europa-Parlamentet",
    "Europaparlamentet", "Euroopan parlamentti", "Euroopa Parlament", "Eiropas Parlaments",
    "Europos Parlamentas", "Il-Parlament Ewropew", "Parlaimint na hEorpa",
    "Tá Parlaimint na hEorpa",  # Irish opens with a verb: "Parliament is, having regard to ..."
)  # fmt: skip
_PARLIAMENT = (
    r"European Parliament|Parlement européen|Europäische[sn]? Parlament|Parlamento Europeo"
    r"|Parlamento Europeu|Europees Parlement|Parlament\w* Europejski\w*|Evropsk\w+ parlament"
    r"|Európsk\w+ parlament|Europsk\w+ parlament|Európai Parlament|Parlament\w* European"
    r"|Европейски\w* парламент|Ευρωπαϊκ\w+ Κοινοβο[υύ]λ\w+|Europa-?[Pp]arlament|Euroopan parlament"
    r"|Euroopa Parlament|Eiropas Parlament|Europos Parlament|Parlament Ewropew|Parlaimint na hEorpa"
)


def _spaced(heading: str) -> str:
    """A heading whose words may be separated by any run of spaces or line breaks."""
    return r"\s+".join(re.escape(word) for word in heading.split())


def _headings(headings: tuple[str, ...]) -> str:
    return "|".join(_spaced(h) for h in sorted(headings, key=len, reverse=True))


# The motion inside a report continues its heading with Parliament's name.
_REPORT_MOTION_ENDS = (
    r"A\s+PARLAMENTULUI|EVROPSKEGA|DU\s+PARLEMENT|DES\s+EUROPÄISCHEN|DEL\s+PARLAMENTO"
    r"|PARLAMENTU\s+EUROPEJSKIEGO|EVROPSKÉHO|EURÓPSKEHO|VAN\s+HET\s+EUROPEES|DO\s+PARLAMENTO"
    r"|ΤΟΥ\s+ΕΥΡΩΠΑΪΚΟΥ|НА\s+ЕВРОПЕЙСКИЯ|EUROPSKOG|TAL-PARLAMENT"
)
# A heading ends at a word boundary, or where a lower-case title is glued to it
# ("ENTSCHLIESSUNGSANTRAGzu der ...", as some copies of doceo pages run them together).
_END = r"(?:(?!\w)|(?=[a-zß-ÿ]))"
JOINT_MOTION_HEADING = re.compile(rf"(?<!\w)(?:{_headings(_JOINT_MOTION)}){_END}")
# Not the end of a joint motion's heading ("JOINT MOTION FOR A RESOLUTION", "WSPÓLNY PROJEKT").
# Headings start with a capital: testing that first spares the look-behinds at most positions.
_CAPITAL = "(?=(?-i:[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я]))"
MOTION_HEADING = re.compile(
    rf"{_CAPITAL}(?<!JOINT )(?<!GEMEINSAMER )(?<!WSPÓLNY )(?<!SPOLEČNÝ )(?<!SPOLOČNÝ )(?<!SKUPNI )"
    rf"(?<!ZAJEDNIČKI )(?<!KÖZÖS )(?<!ОБЩО )(?<!ΚΟΙΝΗ )(?<!FÆLLES )(?<!YHTEINEN )(?<!ÜHINE )"
    rf"(?<!KOPĪGS )(?<!BENDRAS )(?<!GEZAMENLIJKE )(?<!\w)(?:{_headings(_MOTION)})"
    rf"(?! COMMUNE| COMÚN| COMUNE| COMUM| KONĠUNTA){_END}"
    # Not the motion inside a report ("PROPUNERE DE REZOLUȚIE A PARLAMENTULUI EUROPEAN").
    rf"(?!\s+(?:{_REPORT_MOTION_ENDS}))"
)
# A report's heading at the start of its line, its title after it ("REPORT on ...", "RAPORT
# Raportul ...", "POROČILO o ...") or on the next line.
_REPORTS = (
    "REPORT", "RAPPORT", "BERICHT", "INFORME", "RELAZIONE", "RELATÓRIO", "VERSLAG",
    "SPRAWOZDANIE", "ZPRÁVA", "SPRÁVA", "POROČILO", "IZVJEŠĆE", "JELENTÉS", "RAPORT", "ДОКЛАД",
    "ΕΚΘΕΣΗ", "BETÆNKNING", "BETÄNKANDE", "MIETINTÖ", "ZIŅOJUMS", "PRANEŠIMAS", "TUARASCÁIL",
)  # fmt: skip
REPORT_HEADING = re.compile(
    rf"^[ \t]*(?:{'|'.join(_REPORTS)})(?=[ \t]+[^\W\d_]|[ \t]*$)", re.MULTILINE
)
TEXTS_ADOPTED_HEADING = re.compile(rf"(?<!\w)(?:{_headings(_TEXTS_ADOPTED)}){_END}")
# The label of a doceo or sides page of a text adopted, above its PDF and Word links; a text
# adopted before 2009 has no date in its title line, so the page label is all it says.
_ADOPTED_LABELS = (
    "Texts adopted", "Textes adoptés", "Angenommene Texte", "Textos aprobados", "Testi approvati",
    "Textos aprovados", "Aangenomen teksten", "Teksty przyjęte", "Přijaté texty", "Prijaté texty",
    "Sprejeta besedila", "Usvojeni tekstovi", "Elfogadott szövegek", "Texte adoptate",
    "Приети текстове", "Κείμενα που εγκρίθηκαν", "Vedtagne tekster", "Antagna texter",
    "Hyväksytyt tekstit", "Vastuvõetud tekstid", "Pieņemtie teksti", "Priimti tekstai",
    "Testi adottati", "Téacsanna a glacadh",
)  # fmt: skip
TEXTS_ADOPTED_PAGE = re.compile(
    rf"^[ \t]*(?:{'|'.join(_ADOPTED_LABELS)})[ \t]*\n\s*PDF \d", re.IGNORECASE | re.MULTILINE
)
# An EP document number: a motion, a joint motion, a text adopted.
EP_NUMBER = re.compile(r"(?<!\w)(?:(?:RC-?)?B|A)\d{1,2}[-‐‑]\d{4}/\d{4}|P\d{1,2}_TA")
# Mixed case, as group sites and copies write them: "Greens/EFA motion for resolution".
MOTION_WORDS = re.compile(
    rf"(?<!\w)(?:{_headings(_MOTION)}|motion for resolution){_END}", re.IGNORECASE
)
ADOPTED_TITLE = re.compile(
    r"(?:^[^\w\n]{0,3}|P\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}\b[^\n]{0,300}?)"
    rf"(?=(?-i:[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я0-9]))(?:{'|'.join(_ADOPTED_TITLES)})",
    re.IGNORECASE | re.MULTILINE,
)
PREAMBLE = re.compile(
    rf"^[^\w\n]{{0,3}}(?:{'|'.join(_PREAMBLES)})\s*,?\s*$", re.IGNORECASE | re.MULTILINE
)
PARLIAMENT = re.compile(_PARLIAMENT, re.IGNORECASE)
# "The European Parliament," on its own line or run into the first citation (flattened copies).
OPENING = re.compile(
    rf"(?:^[^\w\n]{{0,3}}|\s){_CAPITAL}(?:{'|'.join(_PREAMBLES)})\s*,?[ \t]*"
    r"(?:$|,?\s*[–—-]\s*\w)",
    re.IGNORECASE | re.MULTILINE,
)
# The word "resolution" in the EU languages (a copied text adopted names itself so).
RESOLUTION_WORD = re.compile(
    r"(?<!\w)(?:resolution|résolution|entschließung|resolución|risoluzione|resolução|resolutie"
    r"|rezolucj\w*|usnesení|uznesenie|resolucij\w*|rezolucij\w*|rezoluți\w*|резолюция"
    r"|ψήφισμα|beslutning|päätöslauselma|resolutsioon|rezolūcija|rezoliucija|állásfoglalás"
    r"|riżoluzzjoni|rún)(?!\w)",
    re.IGNORECASE,
)
TEXT_ADOPTED_REFERENCE = re.compile(r"P\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}")


# The resolution's name above its preamble, without a date on a motion: "European Parliament
# resolution on ...", "Rezolucja Parlamentu Europejskiego w sprawie ...".
_RESOLUTION_NAMES = (
    "European Parliament (?:legislative |non-legislative )?resolution",
    "Résolution (?:législative )?du Parlement européen",
    "(?:Entwurf einer |Legislative )?Entschließung des Europäischen Parlaments",
    "Resolución (?:legislativa )?del Parlamento Europeo", "Risoluzione del Parlamento europeo",
    "Resolução (?:legislativa )?do Parlamento Europeu",
    "(?:Ontwerpr|R)esolutie van het Europees Parlement",
    "Rezolucja Parlamentu Europejskiego", "Usnesení Evropského parlamentu",
    "Uznesenie Európskeho parlamentu", "Resolucija Evropskega parlamenta",
    "Rezolucija Europskog parlamenta",
    "(?:Propunere de rezoluție a|Rezoluția) Parlamentului European",
    "Резолюция на Европейския парламент", "Ψήφισμα του Ευρωπαϊκού Κοινοβουλίου",
    "Europa-Parlamentets beslutning", "Europaparlamentets resolution",
    "Euroopan parlamentin päätöslauselma", "Riżoluzzjoni tal-Parlament Ewropew",
    "Europos Parlamento rezoliucija", "Az Európai Parlament állásfoglalása",
    "Eiropas Parlamenta rezolūcija", "Euroopa Parlamendi resolutsioon",
)  # fmt: skip
RESOLUTION_NAME = re.compile(
    rf"^[^\w\n]{{0,3}}(?:{'|'.join(_RESOLUTION_NAMES)})\s+(?=\w)", re.IGNORECASE | re.MULTILINE
)
# The rest of a date after its day ("December 2010 on", "de diciembre de 2017, sobre", "marca
# 2011 r. w sprawie"): up to its year.
_REST_OF_DATE = re.compile(r"[^\n]{0,30}?\d{4}(?:\s*(?:r\.|m\.|г\.))?\s*,?\s*")
# Where a title line ends: the procedure, a page separator, the end of the line.
_TITLE_END = re.compile(r"\s*(?:\(\s*\d{4}/\d{4}|\||$)", re.MULTILINE)
MAX_TITLE = 400


@lru_cache(maxsize=32)
def first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, remembered for the last few texts: the kind, the date and the
    title of a document search the same head for the same headings (a page shorter than the
    head is searched whole by each), and these are the costliest patterns of recognition."""
    return pattern.search(text)


def _title_from(text: str, start: int) -> str | None:
    end = _TITLE_END.search(text, start)
    title = " ".join(text[start : end.start() if end else len(text)].split()).strip(" ,.:")
    return title[:MAX_TITLE] if len(title) >= 5 else None


_OWN_TITLE_LINE = re.compile(
    r"^[ \t]*(?P<title>[^\W\d_][^\n]{4,400}?)\s*\(\d{4}/\d{4}\([A-Z]{3}\)\)\s*$", re.MULTILINE
)
# The line under a motion's heading: its date and procedure ("7.5.2025 - (2025/2691(RSP))").
_DATE_LINE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{4}|\(\s*\d{4}/\d{4}")


def _heading_title(text: str, start: int) -> str | None:
    """The title after a heading, over the lines a PDF wraps it on, up to its date line."""
    lines = text[start:].split("\n", 5)[:5]
    if _DATE_LINE.search(lines[0]):
        return _title_from(text, start)
    for count, line in enumerate(lines[1:], start=1):
        if not line.strip():
            break
        if _DATE_LINE.search(line):
            return _title_from(" ".join(lines[:count]), 0)
    return _title_from(lines[0], 0)


def resolution_title(text: str) -> str | None:
    """What a resolution is on ("on the situation in Kazakhstan"), as its headings print it."""
    adopted = first_match(ADOPTED_TITLE, text)
    if adopted:
        start = adopted.end()
        if adopted.group(0).rstrip()[-1:].isdigit() or adopted.group(0).endswith(" "):
            date = _REST_OF_DATE.match(text, start)
            start = date.end() if date and "\n" not in date.group(0) else start
        return _title_from(text, start)
    for heading in (REPORT_HEADING, JOINT_MOTION_HEADING, MOTION_HEADING):
        found = first_match(heading, text)
        rest = text[found.end() : found.end() + 2].lstrip(" ") if found else ""
        if found and rest[:1].isalpha() and rest[:1].islower():
            return _heading_title(text, found.end())
    named = RESOLUTION_NAME.search(text)
    if named:
        return _title_from(text, named.end())
    # Older doceo pages print the title alone above the authors: "om situationen i Syrien
    # (2014/2531(RSP))".
    for line in _OWN_TITLE_LINE.finditer(text):
        if line["title"][:1].islower():
            return _title_from(line["title"], 0)
    return None


@dataclass(frozen=True)
class Heading:
    """A kind heading found in a text: the kind and where it starts and ends."""

    kind: str
    start: int
    end: int


def find_headings(text: str) -> list[Heading]:
    """The first heading of each resolution kind in `text`, in text order."""
    found = []
    for kind, pattern in (
        ("joint_motion", JOINT_MOTION_HEADING),
        ("motion", MOTION_HEADING),
        ("text_adopted", ADOPTED_TITLE),
    ):
        m = first_match(pattern, text)
        if m:
            found.append(Heading(kind, m.start(), m.end()))
    return sorted(found, key=lambda h: h.start)
