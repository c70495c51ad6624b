"""The motion for a resolution inside a committee report (A9-0163/2024, A10-...).

A report holds its motion ("MOTION FOR A EUROPEAN PARLIAMENT RESOLUTION", "PROPOSITION DE
RÉSOLUTION DU PARLEMENT EUROPÉEN", "ENTSCHLIESSUNGSANTRAG DES EUROPÄISCHEN PARLAMENTS", or a
proposal for a decision or a recommendation), then the explanatory statement, minority positions,
the opinions of other committees and the procedure tables. The motion is the heading in capitals
that names Parliament and is followed by the preamble or a citation (the table of contents lists
the same heading without them); it ends at the next section heading.
"""

from __future__ import annotations

import re

from whereas.parse.records import ParsedDocument
from whereas.parse.resolution.language import pack_for
from whereas.parse.resolution.lines import Line, lines_of
from whereas.parse.resolution.reading import read_clauses
from whereas.parse.resolution.runin import split_run_in
from whereas.read.document import ReadDocument
from whereas.recognize.headings import PARLIAMENT as PARLIAMENT_NAME
from whereas.recognize.recognition import Recognition
from whereas.vocabularies.lexicon import LanguagePack

# How far below its heading the motion's preamble may be (title, procedure, "The European
# Parliament,").
_PREAMBLE_WITHIN = 10
# The sections after the motion, in capitals (en, fr, de, es, it, pt, nl, pl, ro).
_SECTIONS = (
    "EXPLANATORY STATEMENT", "INFORMATION ON ADOPTION", "FINAL VOTE BY ROLL CALL",
    "MINORITY POSITION", "MINORITY OPINION", "OPINION OF THE", "POSITION IN THE FORM OF AMENDMENTS",
    "LETTER OF THE", "LETTER FROM", "ANNEX", "PROCEDURE – COMMITTEE", "PROCEDURE - COMMITTEE",
    "ENTITIES OR PERSONS FROM WHOM",
    "EXPOSÉ DES MOTIFS", "INFORMATIONS SUR L’ADOPTION", "INFORMATIONS SUR L'ADOPTION",
    "VOTE FINAL PAR APPEL NOMINAL", "POSITION MINORITAIRE", "AVIS DE LA", "AVIS DU",
    "POSITION SOUS FORME D", "LETTRE D", "ANNEXE", "PROCÉDURE DE LA COMMISSION",
    "ENTITÉS OU PERSONNES",
    "BEGRÜNDUNG", "ANGABEN ZUR ANNAHME", "NAMENTLICHE SCHLUSSABSTIMMUNG", "MINDERHEITENANSICHT",
    "STELLUNGNAHME DES", "STELLUNGNAHME DER", "STANDPUNKT IN FORM VON ÄNDERUNGSANTRÄGEN",
    "SCHREIBEN DES", "SCHREIBEN DER", "ANLAGE", "ANHANG", "VERFAHREN DES FEDERFÜHRENDEN",
    "EINRICHTUNGEN ODER PERSONEN",
    "EXPOSICIÓN DE MOTIVOS", "INFORMACIÓN SOBRE LA APROBACIÓN", "VOTACIÓN FINAL NOMINAL",
    "POSICIÓN MINORITARIA", "OPINIÓN DE LA", "ANEXO", "MOTIVAZIONE",
    "INFORMAZIONI SULL'APPROVAZIONE", "INFORMAZIONI SULL’APPROVAZIONE", "POSIZIONE DI MINORANZA",
    "PARERE DELLA", "ALLEGATO", "EXPOSIÇÃO DE MOTIVOS", "INFORMAÇÕES SOBRE A APROVAÇÃO",
    "POSIÇÃO MINORITÁRIA", "PARECER DA", "TOELICHTING", "INFORMATIE OVER DE GOEDKEURING",
    "MINDERHEIDSSTANDPUNT", "ADVIES VAN DE", "BIJLAGE", "UZASADNIENIE", "INFORMACJE O PRZYJĘCIU",
    "STANOWISKO MNIEJSZOŚCI", "OPINIA KOMISJI", "ZAŁĄCZNIK", "EXPUNERE DE MOTIVE",
    "INFORMAȚII PRIVIND ADOPTAREA", "POZIȚIE MINORITARĂ", "AVIZUL COMISIEI", "ANEXĂ",
)  # fmt: skip
_SECTION = re.compile(rf"^(?:{'|'.join(re.escape(s) for s in _SECTIONS)})(?![^\W\d_])")
# A heading line: no lower-case letter, and not a clause (no final punctuation).
_MAX_HEADING = 200
# The same headings in small letters, as some copies and PDFs print them: the whole line.
_MOTION_LINE = re.compile(
    r"(?:motion for a|proposal for a|draft) european parliament (?:legislative )?"
    r"(?:resolution|decision|recommendation)"
    r"|proposition de (?:résolution|décision|recommandation) du parlement européen"
    r"|projet de résolution législative du parlement européen"
    r"|entschlie(?:ß|ss)ungsantrag des europäischen parlaments"
    r"|vorschlag für (?:einen beschluss|eine empfehlung) des europäischen parlaments"
    r"|entwurf einer legislativen entschlie(?:ß|ss)ung des europäischen parlaments"
    r"|propuesta de (?:resolución|decisión|recomendación) del parlamento europeo"
    r"|proposta di (?:risoluzione|decisione|raccomandazione) del parlamento europeo"
    r"|proposta de (?:resolução|decisão|recomendação) do parlamento europeu"
    r"|ontwerpresolutie van het europees parlement"
    r"|voorstel voor een (?:besluit|aanbeveling) van het europees parlement",
    re.IGNORECASE,
)
_SECTION_LINE = re.compile(
    r"explanatory statement|minority position|minority opinion|final vote by roll call.*"
    r"|information on adoption.*|opinion of the committee .*|exposé des motifs"
    r"|position minoritaire|informations sur l[’']adoption.*|avis de la commission .*"
    r"|begründung|minderheitenansicht|angaben zur annahme.*|stellungnahme des ausschusses .*",
    re.IGNORECASE,
)


def _is_heading(text: str) -> bool:
    return (
        len(text) < _MAX_HEADING
        and any(c.isalpha() for c in text)
        and text == text.upper()
        and not text.rstrip().endswith((";", ",", "."))
    )


def _is_section(text: str) -> bool:
    """A section heading: the motion's, or one of the sections after it."""
    if _MOTION_LINE.fullmatch(text) or _SECTION_LINE.fullmatch(text):
        return True
    return _is_heading(text) and bool(_SECTION.match(text) or PARLIAMENT_NAME.search(text))


def _is_motion_heading(text: str) -> bool:
    return bool(_MOTION_LINE.fullmatch(text)) or (
        _is_heading(text) and bool(PARLIAMENT_NAME.search(text))
    )


def motion_start(lines: list[Line], pack: LanguagePack) -> int | None:
    """The index of the motion's heading: capitals naming Parliament, then the preamble."""
    for index, line in enumerate(lines):
        if not _is_motion_heading(line.text):
            continue
        for below in lines[index + 1 : index + 1 + _PREAMBLE_WITHIN]:
            if _is_section(below.text):  # the table of contents: heading after heading
                break
            if pack.match("preamble", below.text) or pack.match("citation", below.text):
                return index
    return None


def motion_end(lines: list[Line], start: int) -> int:
    """The index of the first section heading after the motion's heading (or the end)."""
    for index in range(start + 1, len(lines)):
        if _is_section(lines[index].text):
            return index
    return len(lines)


def parse_report(doc: ReadDocument, recognition: Recognition | None = None) -> ParsedDocument:
    """The clauses of the motion a committee report holds, and the report's header."""
    lines = lines_of(doc.blocks) if doc.blocks else lines_of(doc.text.split("\n"))
    pack = pack_for(lines, recognition.language if recognition else None)
    header: dict[str, str | list[str]] = {"kind": "report", "language": pack.language}
    if recognition is not None:
        values = {
            "reference": recognition.reference,
            "procedure": recognition.procedure,
            "title": recognition.title,
            "date": recognition.date.isoformat() if recognition.date else None,
        }
        header.update({key: value for key, value in values.items() if value})
    start = motion_start(lines, pack)
    if start is None:
        return ParsedDocument(
            body=doc.text, header=header, warnings=["no motion for a resolution in the report"]
        )
    section = split_run_in(lines[start : motion_end(lines, start)], pack)
    reading = read_clauses(section, pack)
    return ParsedDocument(
        body=doc.text, clauses=reading.clauses, header=header, warnings=reading.warnings
    )
