"""The term scanner finds what each term's own search and finditer find, in every language pack.

The scanner tries a term only where a word starts with a character its pattern can start with;
these tests compare it with every term searched on its own, on made-up text around real matches
of each term and on the clauses of the corpus's resolutions.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.parse.resolution import parse_resolution
from whereas.read import read_path
from whereas.recognize import recognize
from whereas.vocabularies.lexicon import LanguagePack, language_pack, languages
from whereas.vocabularies.scanner import TermScanner, prefix_pattern

CORPUS_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
VOCABULARIES = ("verbs", "actors", "themes")
SAMPLE = 1_500  # characters of each corpus text (each term is also searched on its own)


def packs() -> list[LanguagePack]:
    return [p for p in (language_pack(code) for code in languages()) if p is not None]


def scanners() -> list[tuple[str, list[re.Pattern[str]], TermScanner]]:
    """(name, patterns, scanner) of every vocabulary of every pack."""
    found = []
    for pack in packs():
        for vocabulary in VOCABULARIES:
            terms = getattr(pack, vocabulary)
            scanner = getattr(pack, vocabulary[:-1] + "_scanner")
            found.append((f"{pack.language} {vocabulary}", [t.pattern for t in terms], scanner))
    return found


def assert_agrees(
    patterns: list[re.Pattern[str]], scanner: TermScanner, text: str, *, every_position: bool = True
) -> None:
    """The scanner's answers on `text` are those of each pattern on its own."""
    searched = {i: m.start() for i, p in enumerate(patterns) if (m := p.search(text))}
    assert scanner.first_starts(text) == searched
    for start, end in ((0, len(text)), (len(text) // 3, len(text) - len(text) // 4)):
        spans = [[m.span() for m in p.finditer(text, start, end)] for p in patterns]
        assert [[m.span() for m in ms] for ms in scanner.matches(text, start, end)] == spans
    for pos in range(len(text) + 1) if every_position else ():
        matching = {i for i, p in enumerate(patterns) if p.match(text, pos)}
        assert matching <= set(scanner.at(text, pos))


@cache
def corpus_samples() -> list[str]:
    """Clauses of the corpus's resolutions and the opening of every other corpus text."""
    if not CORPUS_ROOT.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    texts: list[str] = []
    for path in sorted(p for p in CORPUS_ROOT.rglob("*") if p.is_file()):
        if path.stat().st_size > 500_000:
            continue
        try:
            _, doc = read_path(path)
        except Exception:  # rejected files have no text
            continue
        recognition = recognize(doc, name=path.name)
        if recognition.kind in ("motion", "joint_motion", "text_adopted"):
            texts.extend(c.text for c in parse_resolution(doc, recognition).clauses)
        else:
            texts.extend(doc.text[:SAMPLE].split("\n"))
    return [text for text in dict.fromkeys(texts) if len(text) > 20]


def test_every_term_of_every_pack_is_indexed() -> None:
    for name, patterns, scanner in scanners():
        assert scanner.alone == (), name
        assert len(scanner.patterns) == len(patterns)


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_scanner_finds_what_each_term_finds_in_the_corpus(language: str) -> None:
    samples = corpus_samples()
    assert len(samples) > 1000
    pack = language_pack(language)
    assert pack is not None
    for vocabulary in VOCABULARIES:
        patterns = [t.pattern for t in getattr(pack, vocabulary)]
        scanner = getattr(pack, vocabulary[:-1] + "_scanner")
        for text in samples:
            assert_agrees(patterns, scanner, text, every_position=False)


SURROUNDINGS = st.text(alphabet="aZé ,.;'’-\n(1", max_size=6)


@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_the_scanner_finds_what_each_term_finds_around_its_own_matches(
    data: st.DataObject,
) -> None:
    _, patterns, scanner = data.draw(st.sampled_from(scanners()))
    if not patterns:
        return
    index = data.draw(st.integers(0, len(patterns) - 1))
    found = data.draw(st.from_regex(patterns[index], fullmatch=False))
    text = data.draw(SURROUNDINGS) + found + data.draw(SURROUNDINGS)
    assert_agrees(patterns, scanner, text)


def test_prefixes_follow_the_case_rules_of_the_pattern() -> None:
    caseless = prefix_pattern(re.compile(r"(?<!\w)(?:tortur\w*|ill-treatment|x)", re.I))
    cased = prefix_pattern(re.compile(r"(?<!\w)(?:[Cc]ouncil|EEAS)"))
    assert caseless is not None and cased is not None
    assert all(caseless.match(c) for c in ("to", "TO", "il", "Il", "x", "x!", "X"))
    assert not any(caseless.match(c) for c in ("ta", "i", "ix", "y"))
    assert all(cased.match(c) for c in ("Co", "co", "EE")) and not cased.match("Ee")


def test_prefixes_go_through_optional_parts_and_repeats() -> None:
    pattern = prefix_pattern(re.compile(r"(?<!\w)(?:a?b{2,}c|(?:de)*f)"))
    assert pattern is not None
    assert all(pattern.match(c) for c in ("ab", "bb", "de", "f", "fz"))
    assert not any(pattern.match(c) for c in ("bc", "ac", "dd", "ef"))


def test_patterns_it_cannot_read_are_searched_on_their_own() -> None:
    patterns = [re.compile(r"(?<!\w)(?:a|.b)"), re.compile(r"x?"), re.compile(r"(?<!\w)(a)\1")]
    scanner = TermScanner(patterns)
    assert scanner.alone == (0, 1, 2)  # any character; not at word starts; a back-reference
    assert_agrees(patterns, scanner, "ab xb aa")
