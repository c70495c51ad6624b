"""The fast paths of recognition find what the slow ones did, on the corpus and on odd text.

Identifiers are searched only in windows around four digits in a row, month names are found as
words and looked up, and the usual dates are read without dateparser: each is checked here
against the plain way (every pattern over the whole text, the month alternation, dateparser).
"""

from __future__ import annotations

import re
import warnings
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.read import read_path
from whereas.read.document import ReadDocument
from whereas.recognize.dates import (
    _DAY_MONTH_YEAR,
    _MONTH_DAY_YEAR,
    MONTH_NUMBERS,
    _parse_span,
    _written_date,
    find_dates,
)
from whereas.recognize.markup import MAX_MARKUP_CHARS, markup_strings, references_in_markup
from whereas.recognize.recognition import Reference
from whereas.recognize.references import _PATTERNS, PATTERN_MARKS, REACH, find_references

CORPUS_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
TEXT_CAP = 40_000  # the slow ways take seconds on the largest vote lists
MONTHS = "|".join(MONTH_NUMBERS)
# The patterns as they were: every month name tried at every word.
OLD_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.])\d{{1,2}}(?:er|st|nd|rd|th)?\.?\s+(?:{MONTHS})\.?\s+\d{{4}}(?!\d)", re.I
)
OLD_MONTH_DAY_YEAR = re.compile(rf"(?<!\w)(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}(?!\d)", re.I)
# Letters, digits, separators and the month and identifier words, for made-up text.
ODD_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 -/()._,.\n\u00a0\u2011\u2013Bb",
            "RC",
            "B9",
            "A",
            "P9_TA",
            "TA",
            "PV",
            "CRE",
            "MTG-PL",
            "IPR",
            "eli/dl/proc/",
            "RSP",
            "2022",
            "0065",
            "20",
            "12",
            "May",
            "mai",
            "ledna",
            "Jan.",
            "1st",
            "1er",
            "th",
            "x",
            "\u0661\u0662",
        ]
    ),
    max_size=40,
).map("".join)


@cache
def corpus_documents() -> list[ReadDocument]:
    """Every readable corpus file, read."""
    if not CORPUS_ROOT.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    documents = []
    for path in sorted(p for p in CORPUS_ROOT.rglob("*") if p.is_file()):
        try:
            _, doc = read_path(path)
        except Exception:  # rejected files have no text to compare
            continue
        documents.append(doc)
    return documents


@cache
def corpus_texts() -> list[str]:
    """The text, and the markup strings, of every readable corpus file."""
    texts = []
    for doc in corpus_documents():
        texts.append(doc.text)
        texts.append("\n".join(markup_strings(doc)))
    return texts


def walked_attribute_values(doc: ReadDocument) -> list[str]:
    """Every attribute value of a page, element by element (as markup_strings walked them)."""
    return [
        str(value) for element in doc.tree.getroot().iter() for value in element.attrib.values()
    ]


def markup_references_of_every_value(
    doc: ReadDocument, seen: set[tuple[str, str, str]]
) -> list[Reference]:
    """references_in_markup as it was: every value searched, repeated ones too."""
    joined, size = [], 0
    for value in markup_strings(doc):
        joined.append(value)
        size += len(value) + 1
        if size > MAX_MARKUP_CHARS:
            break
    found = []
    for ref in find_references("\n".join(joined)):
        key = (ref.kind, ref.value, ref.written or "")
        if key not in seen:
            seen.add(key)
            found.append(Reference(ref.kind, ref.value, written=ref.written))
    return found


def references_everywhere(text: str) -> list[Reference]:
    """find_references as it was: every pattern over the whole text."""
    found = sorted(
        (
            Reference(kind, value, m.start(), m.end(), m.group(0))
            for kind, pattern, build in _PATTERNS
            for m in pattern.finditer(text)
            if (value := build(m)) is not None
        ),
        key=lambda r: (r.start or 0, -(r.end or 0)),
    )
    kept: list[Reference] = []
    for ref in found:
        if not kept or (ref.start or 0) >= (kept[-1].end or 0):
            kept.append(ref)
    return kept


def dates_by_alternation(text: str) -> list[tuple[int, int]]:
    """The spans the month alternation found."""
    spans = [m.span() for p in (OLD_DAY_MONTH_YEAR, OLD_MONTH_DAY_YEAR) for m in p.finditer(text)]
    return sorted(spans)


def dates_by_words(text: str) -> list[tuple[int, int]]:
    """The spans found now: any word, kept when it is a month."""
    patterns = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR)
    months = re.compile(MONTHS, re.I)
    return sorted(
        m.span() for p in patterns for m in p.finditer(text) if months.fullmatch(m["month"])
    )


def written(span: str) -> date | None:
    """The fast reading of a span the patterns found whole."""
    m = _DAY_MONTH_YEAR.fullmatch(span) or _MONTH_DAY_YEAR.fullmatch(span)
    assert m is not None, span
    return _written_date(m)


def test_every_reference_pattern_fits_in_a_window() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import sre_parse

    for _, pattern, _ in _PATTERNS:
        assert sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1] <= REACH


@pytest.mark.parametrize(("kind", "pattern"), [(k, p) for k, p, _ in _PATTERNS])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_reference_holds_four_digits(
    kind: str, pattern: re.Pattern[str], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    for m in pattern.finditer(text):
        assert re.search(r"\d{4}", m.group(0)), (kind, m.group(0))


@pytest.mark.parametrize(
    ("pattern", "mark"),
    [(p, mark) for (_, p, _), mark in zip(_PATTERNS, PATTERN_MARKS, strict=True)],
)
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_reference_holds_its_pattern_mark(
    pattern: re.Pattern[str], mark: str, data: st.DataObject
) -> None:
    # A window without the mark is not searched with the pattern.
    text = data.draw(st.from_regex(pattern))
    for m in pattern.finditer(text):
        assert mark in m.group(0).lower(), (pattern.pattern, m.group(0))


def test_no_pattern_mark_holds_a_letter_other_characters_match() -> None:
    # re.IGNORECASE matches "İ", "ı", "ſ", "K" (Kelvin) as i, s, k: the lowered window misses them.
    assert not any(set(mark) & set("isk") for mark in PATTERN_MARKS)


def test_references_in_windows_are_those_of_the_whole_corpus_text() -> None:
    for text in corpus_texts():
        assert find_references(text[:TEXT_CAP]) == references_everywhere(text[:TEXT_CAP])


@settings(max_examples=300, deadline=None)
@given(ODD_TEXT)
def test_references_in_windows_are_those_of_any_text(text: str) -> None:
    assert find_references(text) == references_everywhere(text)


def test_month_words_are_the_months_the_alternation_found_in_the_corpus() -> None:
    for text in corpus_texts():
        assert dates_by_words(text[:TEXT_CAP]) == dates_by_alternation(text[:TEXT_CAP])


@settings(max_examples=300, deadline=None)
@given(ODD_TEXT)
def test_month_words_are_the_months_the_alternation_found_anywhere(text: str) -> None:
    assert dates_by_words(text) == dates_by_alternation(text)


def test_written_dates_are_read_as_dateparser_reads_them_in_the_corpus() -> None:
    spans = {
        m.group(0)
        for text in corpus_texts()
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR)
        for m in pattern.finditer(text)
        if re.fullmatch(MONTHS, m["month"], re.I)
    }
    assert len(spans) > 40
    for span in sorted(spans):
        assert written(span) == _parse_span.__wrapped__(span), span


def _forms(name: str, index: int) -> list[str]:
    day = (1, 2, 3, 7, 11, 12, 13, 21, 22, 23, 29, 30, 31)[index % 13]
    ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    return [
        f"{day} {name} 2024",
        f"{day}. {name.capitalize()} 2025",
        f"{day}{ordinal} {name.upper()}. 2019",
        f"0{day % 10 or 1}  {name}\n2023",
        f"{name.capitalize()} {day}, 2022",
        f"{name}. {day} 2021",
        f"1er {name} 2020",
        f"{day}th {name} 2024",
        f"31 {name} 2025",
        f"{day} {name} 1899",
    ]


def test_written_dates_are_read_as_dateparser_reads_every_month_name() -> None:
    for index, name in enumerate(MONTH_NUMBERS):  # half the forms a name, each form in turn
        forms = _forms(name, index)
        for span in (forms[(index + step) % len(forms)] for step in range(0, len(forms), 2)):
            assert written(span) == _parse_span.__wrapped__(span), span


def test_dates_still_need_a_month() -> None:
    assert find_dates("Article 12, 2020 and 5 Mayday 2021") == []
    assert [d.value for d in find_dates("le 1er mai 2021")] == [date(2021, 5, 1)]


def test_attribute_values_of_a_page_in_one_call_are_those_of_the_walk() -> None:
    pages = [doc for doc in corpus_documents() if doc.format == "html"]
    assert len(pages) > 5
    for doc in pages:
        assert list(markup_strings(doc))[: len(walked_attribute_values(doc))] == (
            walked_attribute_values(doc)
        )


def test_markup_references_are_found_once_a_value_as_in_every_value() -> None:
    for doc in corpus_documents():
        in_text = {(r.kind, r.value, r.written or "") for r in find_references(doc.text[:5000])}
        assert references_in_markup(doc, set(in_text)) == (
            markup_references_of_every_value(doc, set(in_text))
        )
