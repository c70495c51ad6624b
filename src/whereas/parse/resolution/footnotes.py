"""Footnotes: their markers taken out of clause text, their bodies out of the clauses.

EP texts refer to the Official Journal and to earlier texts adopted in footnotes: a marker in the
clause ("...on Freedonia(1),", "¹", "[1]"; in flattened copies a plain digit glued to the word,
"Charter1 ,", or after a date, "7 December 2020 1,") and a body under the text ("(1) OJ C 117,
11.3.2022, p. 109."), which copies glue to the last clause or, in PDFs, put in the middle of a
clause at a page break. Numbers that belong to the text stay: "Article 7(1)", "Rule 144(5)",
"Resolution 2334 (2016)", "paragraph 1".
"""

from __future__ import annotations

import re

from whereas.parse.records import Clause

_SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK = rf"\(\d{{1,3}}\)|\[\d{{1,3}}\]|[{_SUPERSCRIPT_DIGITS}]+|\*{{1,3}}|\d{{1,3}}"
# The Official Journal in the EU languages (OJ C 117, JO C, ABl. C, DO C, GU C, PB C, Dz.U. C,
# Úř. věst. C, Ú. v. EÚ C, EUT C, EUVL C, HL C, SL C, UL C, OL C, OV C, ELT C, ĠU C, IO C, ΕΕ C,
# ОВ C), or a text adopted, or a link.
_JOURNAL = (
    r"(?:OJ|JO|ABl\.|DO|GU|PB|Dz\.\s?U\.|Úř\.\s?věst\.|Ú\.\s?v\.(?:\s?EÚ)?|EUT|EUVL|HL|SL|UL|OL"
    r"|OV|ELT|ĠU|IO|ΕΕ|ОВ)\s+[CLС]\s*\d"
)
# Texts adopted: "Texts adopted, P9_TA(2022)0012", "Textes adoptés de cette date, P9_TA(...)".
_ADOPTED = (
    r"(?:Texts adopted|Textes adoptés|Angenommene Texte|Textos Aprobados|Testi approvati"
    r"|Aangenomen teksten|Teksty przyjęte|Textos Aprovados|Přijaté texty)\b"
)
_BODY_START = (
    rf"(?:{_JOURNAL}|{_ADOPTED}|[^\d\n]{{0,60}}?\b(?:P\d{{1,2}}_TA\(|TA\(\d{{4}}\))|https?://)"
)
# A line that is a footnote body: its marker, then the journal, a text adopted or a link.
FOOTNOTE_LINE = re.compile(rf"^(?P<mark>{_MARK})\s*(?={_BODY_START})")
# A footnote body glued after the end of a clause.
_GLUED_BODY = re.compile(rf"(?<=[.;:,])\s*(?P<mark>{_MARK})\s*(?={_BODY_START})")
# A separator line above the footnotes.
SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500]{5,}$")

_MARKERS = re.compile(
    # Every marker below starts with one of these characters: the regex tries its alternatives
    # (and their look-behinds) only there, not at every letter (5x faster on clause texts).
    rf"(?=[{_SUPERSCRIPT_DIGITS}\[(\s\d])(?:"
    # superscript digits, but not a unit (km², m³)
    rf"(?<!\bm)(?<!\bkm)(?<!\bcm)(?P<sup>[{_SUPERSCRIPT_DIGITS}]+)"
    # [1] anywhere
    r"|\s?\[(?P<square>\d{1,3})\]"
    # (1) glued to a word, a bracket or a quote ("Freedonia(1),", "2020/1999(2)"), not to an
    # article's number or letter ("Article 7(1)", "Rule 144a(2)", "Article 3(1)(2)")
    r"|(?:(?<=[^\W\d_])(?<!\d[a-z])|(?<=[)\]’”\"»])(?<!\(\d\))(?<!\(\d\d\))(?<!\(\d\d\d\))"
    r"|(?<=\d{4}/\d)|(?<=\d{4}/\d\d)|(?<=\d{4}/\d{3})|(?<=\d{4}/\d{4})"
    # a date's year ("of 10 March 2022(1),"): articles and rules never have four digits
    r"|(?<=\s(?:19|20)\d\d))"
    r"\((?P<glued>\d{1,3})\)(?=[\s,;.:)]|$)"
    # " (1)," after a word: before punctuation or the end only
    r"|(?:(?<=[^\W\d_])|(?<=\s(?:19|20)\d\d))\s\((?P<spaced>\d{1,3})\)(?=[,;.:]|$)"
    # "Charter1 ,", "policy1,": a digit glued to a lower-case word, before punctuation
    r"|(?<=[a-zà-ÿ]{3})(?<![Cc]ovid)(?P<digit>\d{1,2})(?=\s?[,;:](?:\s|$)|\s?\.$|$)"
    r"(?:\s(?=[,;:.]))?"
    # "7 December 2020 1,": a digit after a written date's year, before punctuation
    r"|(?<=[^\W\d_]{3}\s(?:19|20)\d\d)\s(?P<after_year>\d{1,2})(?=\s?[,;:](?:\s|$)|\s?\.$|$)"
    r"(?:\s(?=[,;:.]))?"
    ")"
)
# A marker inside an article reference keeps its number ("Articles 2 and 7(1)").
_LEGAL_WORD = re.compile(
    r"(?:article|articles|rule|rules|paragraph|point|subparagraph|regulation|directive|decision"
    r"|resolution|artikel|règle|article|punkt)\s*$",
    re.IGNORECASE,
)


def strip_markers(text: str) -> tuple[str, list[str]]:
    """`text` without its footnote markers, and the markers (their numbers) in order."""
    marks: list[str] = []

    def drop(found: re.Match[str]) -> str:
        if found["spaced"] and _LEGAL_WORD.search(text[: found.start()]):
            return found.group(0)
        mark = next(group for group in found.groups() if group)
        marks.append(mark.translate(_FROM_SUPERSCRIPT))
        return ""

    return _MARKERS.sub(drop, text), marks


_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT_DIGITS, "1234567890")


def split_bodies(text: str) -> tuple[str, list[str]]:
    """A clause's text without the footnote bodies glued after its end, and those bodies."""
    found = _GLUED_BODY.search(text)
    if found is None:
        return text, []
    rest = text[found.start() :].strip()
    # The next body starts after the end of the one before ("... p. 109. (2) OJ C ...").
    after_body = rf"(?:^|(?<=[.;]\s))(?:{_MARK})\s*(?={_BODY_START})"
    starts = [m.start() for m in re.finditer(after_body, rest)]
    bodies = [rest[a:b].strip() for a, b in zip(starts, [*starts[1:], len(rest)], strict=True)]
    return text[: found.start()].rstrip(), [b for b in bodies if b]


def _numbered(body: str) -> tuple[str | None, str]:
    """The number of a footnote body ("(1) OJ C ..." -> "1") and its text without the marker."""
    found = re.match(rf"^(?:{_MARK})\s*", body)
    if found is None:
        return None, body
    mark = found.group(0).strip().strip("()[]").translate(_FROM_SUPERSCRIPT)
    return (mark if mark.isdigit() else None), body[found.end() :]


def clean_footnotes(clauses: list[Clause], bodies: list[str]) -> None:
    """Take markers and glued bodies out of the clauses; each clause keeps its footnotes."""
    found = list(bodies)
    if clauses:
        last = clauses[-1]
        last.text, glued = split_bodies(last.text)
        found.extend(glued)
    numbered = [_numbered(body) for body in found]
    by_number = {number: text for number, text in numbered if number is not None}
    for clause in clauses:
        clause.text, marks = strip_markers(clause.text)
        clause.footnotes = [by_number.get(mark, mark) for mark in marks]
