"""Dates resolutions print in words, in the 24 EU languages ("del 17 aprile 2020", "z dne
17. aprila 2020", "2008 m. gegužės 8 d."), and the day a text adopted was adopted."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from whereas.recognize.headings import ADOPTED_TITLE

# Month names as dates write them (the genitive or partitive where the language declines them).
_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"),
    "cs": ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
           "října", "listopadu", "prosince"),
    "sk": ("januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta",
           "septembra", "októbra", "novembra", "decembra"),
    "sl": ("januarja", "februarja", "marca", "aprila", "maja", "junija", "julija", "avgusta",
           "septembra", "oktobra", "novembra", "decembra"),
    "hr": ("siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza",
           "rujna", "listopada", "studenoga", "prosinca"),
    "hu": ("január", "február", "március", "április", "május", "június", "július", "augusztus",
           "szeptember", "október", "november", "december"),
    "ro": ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
           "septembrie", "octombrie", "noiembrie", "decembrie"),
    "bg": ("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
           "октомври", "ноември", "декември"),
    "el": ("ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου",
           "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "fi": ("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
           "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"),
    "et": ("jaanuari", "veebruari", "märtsi", "aprilli", "mai", "juuni", "juuli", "augusti",
           "septembri", "oktoobri", "novembri", "detsembri"),
    "lv": ("janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija", "jūlija", "augusta",
           "septembra", "oktobra", "novembra", "decembra"),
    "lt": ("sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
           "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"),
    "mt": ("jannar", "frar", "marzu", "april", "mejju", "ġunju", "lulju", "awwissu", "settembru",
           "ottubru", "novembru", "diċembru"),
}  # fmt: skip
# The day before the month ("17 aprile 2020", "20. januar 2022", "12 de diciembre de 2017",
# "16ης Δεκεμβρίου 2010", "tal-14 ta' Marzu 2019") or the year first ("2008 m. gegužės 8 d.",
# "2022. január 20-i", "2022. gada 20. janvāra").
_DAY_FIRST = (
    r"(?P<day>\d{{1,2}})(?:\.|er|ης|ας|ου)?\s+(?:de\s+|ta['’]\s+)?(?P<month>{m})\s+"
    r"(?:de\s+)?(?P<year>\d{{4}})"
)
_YEAR_FIRST = (
    r"(?P<year2>\d{{4}})(?:\.|\s+m\.)?\s+(?:gada\s+)?(?:(?P<day2>\d{{1,2}})\.\s+)?"
    r"(?P<month2>{m})(?(day2)|\s+(?P<day3>\d{{1,2}})(?:\s+d\.|-))"
)


@cache
def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for names in _MONTHS.values():
        for index, name in enumerate(names, start=1):
            numbers.setdefault(name, index)
    return numbers


@cache
def _written_date() -> re.Pattern[str]:
    names = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.])(?:{_DAY_FIRST.format(m=names)}|{_YEAR_FIRST.format(m=names)})(?!\d)",
        re.IGNORECASE,
    )


def _day(m: re.Match[str]) -> date | None:
    month = _month_numbers()[(m["month"] or m["month2"]).lower()]
    year = int(m["year"] or m["year2"])
    day = int(m["day"] or m["day2"] or m["day3"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def written_dates(text: str) -> list[date]:
    """The dates `text` writes in words in any EU language, in text order."""
    return [day for m in _written_date().finditer(text) if (day := _day(m)) is not None]


def adoption_date(text: str) -> date | None:
    """The date in the title line of a text adopted ("resolution of 16 December 2010 on")."""
    title = ADOPTED_TITLE.search(text)
    if title is None:
        return None
    # The title line's date: in the words matched (year first) or just after them.
    line_start = text.rfind("\n", 0, title.start()) + 1
    line_end = text.find("\n", title.end())
    found = written_dates(text[line_start : line_end if line_end >= 0 else len(text)])
    return found[0] if found else None
