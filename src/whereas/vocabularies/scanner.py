"""Find the terms of a vocabulary in a text in one pass over its word starts, not one per term.

A term's pattern starts with "(?<!\\w)": its matches start where a word (or a sign) starts. For
each term the characters a match can start with are read from its pattern, so that at each word
start only the terms that can start with that character are tried. The results are those of
each term's own `search` and `finditer`: a term whose first characters cannot be read from its
pattern is searched on its own.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

with warnings.catch_warnings():  # re's parser, still public under its old name in 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sre
    import sre_parse

_WORD_START = "(?<!\\w)"
_WORD_STARTS = re.compile(_WORD_START)
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class UnreadPattern(Exception):
    """A pattern whose first characters are not read: its term is searched on its own."""


def _char(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else re.escape(chr(code))


def _scoped(char_class: str, flags: int) -> str:
    return f"(?{'i' if flags & re.IGNORECASE else '-i'}:{char_class})"


def _char_class(items: Any, flags: int) -> str:
    parts, negated = [], False
    for op, value in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            parts.append(_char(value))
        elif op is sre.RANGE:
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise UnreadPattern(str(op))
    return _scoped(f"[{'^' if negated else ''}{''.join(parts)}]", flags)


def _first_of_sequence(items: Any, flags: int) -> tuple[list[str], bool]:
    """The classes of the first character of a sequence, and whether it can match nothing."""
    classes: list[str] = []
    for op, value in items:
        found, empty = _first_of_item(op, value, flags)
        classes.extend(found)
        if not empty:
            return classes, False
    return classes, True


def _first_of_item(op: Any, value: Any, flags: int) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [_scoped(f"[{_char(value)}]", flags)], False
    if op is sre.NOT_LITERAL:
        return [_scoped(f"[^{_char(value)}]", flags)], False
    if op is sre.IN:
        return [_char_class(value, flags)], False
    if op in _ZERO_WIDTH:
        return [], True
    if op is sre.SUBPATTERN:
        _, added, removed, items = value
        return _first_of_sequence(items, (flags | added) & ~removed)
    if op is sre.BRANCH:
        classes: list[str] = []
        empty = False
        for alternative in value[1]:
            found, can_be_empty = _first_of_sequence(alternative, flags)
            classes.extend(found)
            empty = empty or can_be_empty
        return classes, empty
    if op in _REPEATS:
        least, _, items = value
        found, empty = _first_of_sequence(items, flags)
        return found, empty or least == 0
    raise UnreadPattern(str(op))  # any character, back-references, atomic groups...


def first_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching every character a match of `pattern` can start with; None if unread.

    The classes keep the case rules of the places they come from, so whether a character fits
    is decided by the same engine and flags as the term's own matching.
    """
    if pattern.flags & (re.ASCII | re.LOCALE) or not pattern.pattern.startswith(_WORD_START):
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        classes, empty = _first_of_sequence(parsed, parsed.state.flags)
    except (UnreadPattern, RecursionError):
        return None
    if empty or not classes:
        return None
    return re.compile("|".join(dict.fromkeys(classes)))


class TermScanner:
    """The patterns of one vocabulary's terms, indexed by the characters their matches can start
    with; results are given by term index."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self._firsts = [first_characters(p) for p in self.patterns]
        self.alone = tuple(i for i, first in enumerate(self._firsts) if first is None)
        self._by_char: dict[str, tuple[int, ...]] = {}

    def starting_with(self, char: str) -> tuple[int, ...]:
        """The indexes of the (indexed) terms whose matches can start with `char`, in order."""
        found = self._by_char.get(char)
        if found is None:
            found = tuple(i for i, first in enumerate(self._firsts) if first and first.match(char))
            self._by_char[char] = found
        return found

    def at(self, text: str, pos: int) -> tuple[int, ...]:
        """The indexes of the terms that can match at `pos`, in order."""
        if pos >= len(text):
            return self.alone
        indexed = self.starting_with(text[pos])
        return tuple(sorted(indexed + self.alone)) if self.alone else indexed

    def first_starts(self, text: str) -> dict[int, int]:
        """Where each term's first match in `text` starts (its `search`), by term index."""
        found: dict[int, int] = {}
        for i in self.alone:
            m = self.patterns[i].search(text)
            if m is not None:
                found[i] = m.start()
        for start in _WORD_STARTS.finditer(text):
            pos = start.start()
            if pos == len(text):
                break
            for i in self.starting_with(text[pos]):
                if i not in found and self.patterns[i].match(text, pos):
                    found[i] = pos
        return found

    def matches(self, text: str, start: int, end: int) -> list[list[re.Match[str]]]:
        """Each term's matches in text[start:end], as its `finditer(text, start, end)` gives."""
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for i in self.alone:
            found[i] = list(self.patterns[i].finditer(text, start, end))
        free = [start] * len(self.patterns)  # where each term's next match may start
        for word in _WORD_STARTS.finditer(text, start, end):
            pos = word.start()
            if pos == end:
                break
            for i in self.starting_with(text[pos]):
                if pos >= free[i]:
                    m = self.patterns[i].match(text, pos, end)
                    if m is not None:
                        found[i].append(m)
                        free[i] = m.end()
        return found
