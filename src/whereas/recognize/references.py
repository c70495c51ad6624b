"""EP identifiers in text: find every form (human, doceo, ELI, register) and give its human form."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

from whereas.recognize.recognition import Reference, ReferenceKind
from whereas.recognize.terms import LAST_TERM, term_of_date, year_fits_term

# Copied text and EP pages write the hyphen as U+2011 (non-breaking), en dash or minus sign.
_D = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"
# At most two spaces (ordinary, no-break, narrow no-break) around a separator.
_S = "[ \u00a0\u202f]{0,2}"
_L = r"(?<![A-Za-z0-9])"  # no letter or digit glued on the left
_R = r"(?![0-9])"  # no digit glued on the right ("_EN", "-AM-001" may follow)

PROCEDURE_TYPES = frozenset(
    {
        "ACI",
        "APP",
        "AVC",
        "BUD",
        "BUI",
        "CNS",
        "COD",
        "COS",
        "DCE",
        "DEA",
        "DEC",
        "IMM",
        "INI",
        "INL",
        "INS",
        "NLE",
        "REG",
        "RPS",
        "RSO",
        "RSP",
        "SYN",
    }
)

_PROCEDURE_TYPE = re.compile(r"\(([A-Z]{3})\)\s*$")

Builder = Callable[["re.Match[str]"], str | None]


def _number(term: str, year: str, number: str) -> tuple[int, int, int] | None:
    """Term, year and serial number if they are consistent (the term's years, a non-zero serial)."""
    t, y, n = int(term), int(year), int(number)
    if not 1 <= t <= LAST_TERM or n == 0 or not year_fits_term(y, t):
        return None
    return t, y, n


def _serial(prefix: str, term_g: str, year_g: str, num_g: str) -> Builder:
    """A builder for numbered documents: B9-0065/2022, RC-B9-0065/2022, A9-0163/2024."""

    def build(m: re.Match[str]) -> str | None:
        parts = _number(m[term_g], m[year_g], m[num_g])
        if parts is None:
            return None
        t, y, n = parts
        return f"{prefix}{t}-{n:04d}/{y}"

    return build


def _adopted(m: re.Match[str]) -> str | None:
    parts = _number(m["t"], m["y"], m["n"])
    return None if parts is None else f"P{parts[0]}_TA({parts[1]}){parts[2]:04d}"


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _sitting_doc(prefix: str) -> Builder:
    """A builder for a sitting's minutes or debates: PV-9-2022-01-20, CRE-9-2022-01-20."""

    def build(m: re.Match[str]) -> str | None:
        day = _day(m["y"], m["mo"], m["d"])
        if day is None:
            return None
        term = int(m["t"]) if m["t"] else term_of_date(day)
        if term is None or term != term_of_date(day):
            return None
        return f"{prefix}-{term}-{day.isoformat()}"

    return build


def _sitting_text(m: re.Match[str]) -> str | None:
    """ "PV 08/05/2025" or "CRE 08/05/2025" on doceo pages: the term comes from the date."""
    return _sitting_doc(m["p"].upper())(m)


def _meeting(m: re.Match[str]) -> str | None:
    day = _day(m["y"], m["mo"], m["d"])
    return None if day is None else f"MTG-PL-{day.isoformat()}"


def _procedure(m: re.Match[str]) -> str | None:
    year, number, kind = int(m["y"]), int(m["n"]), m["k"].upper()
    if not 1950 <= year <= 2099 or number == 0 or kind not in PROCEDURE_TYPES:
        return None
    return f"{year}/{number:04d}({kind})"


def _eli_procedure(m: re.Match[str]) -> str | None:
    year, number = int(m["y"]), int(m["n"])
    if not 1950 <= year <= 2099 or number == 0:
        return None
    return f"{year}/{number:04d}"


def _press(m: re.Match[str]) -> str | None:
    day = _day(m["y"], m["mo"], m["d"])
    return None if day is None else f"{m['y']}{m['mo']}{m['d']}IPR{m['n']}"


# Letters whose only case-insensitive matches are their two cases (not K: the Kelvin sign).
_TWO_CASED = frozenset("ABCDEFGHJLMNOPQRTUVWXYZ")


def _letter_first(pattern: str) -> str:
    """The same pattern with its first letter before its look-behind: "no letter or digit glued
    on the left" of that letter is "none before the letter just read". A pattern that opens on
    a character class is searched by re at C speed over the text to the next possible start;
    one opening on a look-behind tries every position (most of the cost of finding references).
    """
    letter = pattern[len(_L) : len(_L) + 1]
    if not pattern.startswith(_L) or letter not in _TWO_CASED:
        return pattern
    # Case-sensitive class: re reads no starting class from a case-insensitive letter.
    return f"(?-i:[{letter}{letter.lower()}])(?<![A-Za-z0-9]{letter}){pattern[len(_L) + 1 :]}"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(
        _letter_first(pattern.replace("D", _D).replace("S", _S)), re.IGNORECASE
    )


_TERM = r"(?P<t>\d{1,2})"
_YEAR = r"(?P<y>\d{4})"
_NUM = r"(?P<n>\d{4})"
_DATE = r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
_HUMAN = rf"{_TERM}SDS{_NUM}S/S{_YEAR}"  # 9-0065/2022
_DOCEO = rf"{_TERM}D{_YEAR}D{_NUM}"  # 9-2022-0065

# Order matters only for ties: overlapping matches keep the longest, then the first listed.
# The look-behinds come after the first character, as `_letter_first` puts them ("no digit
# glued on the left" of a year's first digit), so that re skips to the possible starts.
_PATTERNS: list[tuple[ReferenceKind, re.Pattern[str], Builder]] = [
    ("joint_motion", _p(rf"{_L}RCS(?:DS)?B?S{_HUMAN}{_R}"), _serial("RC-B", "t", "y", "n")),
    ("joint_motion", _p(rf"{_L}RCD{_DOCEO}{_R}"), _serial("RC-B", "t", "y", "n")),
    ("motion", _p(rf"{_L}BS{_HUMAN}{_R}"), _serial("B", "t", "y", "n")),
    ("motion", _p(rf"{_L}BD{_DOCEO}{_R}"), _serial("B", "t", "y", "n")),
    ("report", _p(rf"{_L}AS{_HUMAN}{_R}"), _serial("A", "t", "y", "n")),
    ("report", _p(rf"{_L}AD{_DOCEO}{_R}"), _serial("A", "t", "y", "n")),
    ("text_adopted", _p(rf"{_L}PS{_TERM}S[_ ]?STA(?:DPROV)?S\(S{_YEAR}S\)S{_NUM}{_R}"), _adopted),
    ("text_adopted", _p(rf"{_L}TAD{_DOCEO}{_R}"), _adopted),
    ("text_adopted", _p(rf"{_L}TS{_HUMAN}{_R}"), _adopted),
    (
        "procedure",
        _p(r"(?P<y>\d(?<![A-Za-z0-9]\d)\d{3})S/S(?P<n>\d{4})S\(S(?P<k>[A-Z]{3})S\)"),
        _procedure,
    ),
    ("procedure", _p(r"eli/dl/proc/(?P<y>\d{4})-(?P<n>\d{4})(?![0-9])"), _eli_procedure),
    # The annexes of the minutes (-VOT results of votes, -RCV roll calls) stay in `written`.
    ("minutes", _p(rf"{_L}PVD{_TERM}D{_DATE}{_R}(?:D(?:VOT|RCV)(?![A-Z]))?"), _sitting_doc("PV")),
    (
        "minutes",
        _p(
            rf"{_L}P{_TERM}[-_]PV\({_YEAR}\)(?P<mo>\d{{2}})-(?P<d>\d{{2}}){_R}"
            r"(?:\((?:RCV|VOT)\))?"
        ),
        _sitting_doc("PV"),
    ),
    ("debate", _p(rf"{_L}CRED{_TERM}D{_DATE}{_R}"), _sitting_doc("CRE")),
    (
        "minutes",
        _p(
            r"(?P<p>(?-i:[Pp])(?<![A-Za-z0-9]P)V) (?P<d>\d{2})/(?P<mo>\d{2})/(?P<y>\d{4})(?P<t>)"
            r"(?![0-9])"
        ),
        _sitting_text,
    ),
    (
        "debate",
        _p(
            r"(?P<p>(?-i:[Cc])(?<![A-Za-z0-9]C)RE) (?P<d>\d{2})/(?P<mo>\d{2})/(?P<y>\d{4})(?P<t>)"
            r"(?![0-9])"
        ),
        _sitting_text,
    ),
    ("sitting", _p(rf"{_L}MTGDPLD{_DATE}{_R}"), _meeting),
    (
        "press_release",
        _p(
            r"(?P<y>\d(?<![0-9]\d)\d{3})(?P<mo>\d{2})(?P<d>\d{2})IPR(?P<n>\d{3,6})"
            r"(?![0-9])"
        ),
        _press,
    ),
]


# Every identifier holds four digits in a row (a year, a serial or a date) and is at most
# REACH characters long (tests/recognize/test_fast_paths.py checks both against the patterns),
# so the patterns only need to run in windows of REACH characters around those digits. A chain
# of such digits, each within two reaches of the one before, makes one window.
REACH = 40
_DIGIT_CHAINS = re.compile(rf"\d{{4}}(?:[\s\S]{{0,{2 * REACH}}}?\d{{4}})*")


def reference_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint spans of `text` that hold every identifier it contains, in text order.

    A window never ends before a letter or digit, so that the patterns' look-aheads ("no digit
    glued on the right") see the same there as in the whole text.
    """
    windows: list[tuple[int, int]] = []
    covered = 0
    for chain in _DIGIT_CHAINS.finditer(text):
        start, end = max(0, chain.start() - REACH), chain.end() + REACH
        if windows and start <= windows[-1][1]:
            previous = windows.pop()
            covered -= previous[1] - previous[0]
            start, end = previous[0], max(end, previous[1])
        while end < len(text) and text[end].isalnum():
            end += 1
        windows.append((start, min(end, len(text))))
        covered += windows[-1][1] - start
    if covered > 0.75 * len(text):
        return [(0, len(text))]  # a table of numbers: one pass a pattern costs less
    return windows


# What every match of each pattern of _PATTERNS holds, in lower case ("": nothing rare enough
# to test): a window without it is not searched. No letter here is matched by another character
# than its two cases (not "i": re takes "İ" and "ı" for it); tests/recognize/test_fast_paths.py
# checks each is a run of literals of its pattern.
PATTERN_MARKS = (
    "rc", "rc", "/", "", "/", "", "ta", "ta", "/", "(", "/dl/proc/", "pv", "pv(", "cre", "pv ",
    "cre ", "mtg", "pr",
)  # fmt: skip


def _candidates(text: str) -> Iterable[Reference]:
    windows = reference_windows(text)
    lowered = [text[start:end].lower() for start, end in windows]
    for (kind, pattern, build), mark in zip(_PATTERNS, PATTERN_MARKS, strict=True):
        for (start, end), low in zip(windows, lowered, strict=True):
            if mark not in low:
                continue
            for m in pattern.finditer(text, start, end):
                value = build(m)
                if value is not None:
                    yield Reference(kind, value, m.start(), m.end(), m.group(0))


def find_references(text: str) -> list[Reference]:
    """Every EP identifier in `text`, in its human form, with its span, in text order."""
    found = sorted(_candidates(text), key=lambda r: (r.start or 0, -(r.end or 0)))
    kept: list[Reference] = []
    for ref in found:
        if kept and (ref.start or 0) < (kept[-1].end or 0):
            continue  # inside a longer identifier: B9-0065/2022 within RC-B9-0065/2022
        kept.append(ref)
    return kept


@lru_cache(maxsize=8192)  # vote lists name the same documents on every row
def normalise_reference(s: str) -> Reference | None:
    """The human form of one identifier written in any known form (also inside a URL), else None."""
    refs = find_references(s.strip())
    values = {(r.kind, r.value) for r in refs}
    if len(values) != 1:
        return None
    kind, value = values.pop()
    return Reference(kind, value, written=refs[0].written)


def is_complete_procedure(value: str) -> bool:
    """Whether a procedure carries its type: "2022/2505(RSP)" yes, "2022/2505" (ELI) no."""
    return value.endswith(")")


def procedure_type(procedure: str | None) -> str | None:
    """RSP of 2022/2505(RSP): the three capitals in brackets that end it, else None."""
    found = _PROCEDURE_TYPE.search(procedure or "")
    return found.group(1) if found else None


def complete_procedure(value: str, references: Iterable[Reference]) -> str:
    """The typed form of an ELI procedure ("2022/2505") when the same document names it in full."""
    if is_complete_procedure(value):
        return value
    for ref in references:
        if ref.kind == "procedure" and ref.value.startswith(value + "("):
            return ref.value
    return value


def unique_values(references: Iterable[Reference], kind: ReferenceKind) -> list[str]:
    """The distinct values of one kind of reference, in order of first appearance."""
    return list(dict.fromkeys(r.value for r in references if r.kind == kind))
