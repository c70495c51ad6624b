"""Find the terms of a vocabulary in a text in one pass over its word starts, not one per term.

A term's pattern starts with "(?<!\\w)": its matches start where a word (or a sign) starts. For
each term the first two characters a match can start with are read from its pattern, so that at
each word start only the terms that can start with those two characters are tried. The results
are those of each term's own `search` and `finditer`: a term whose first characters cannot be
read from its pattern is searched on its own.
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


Prefix = tuple[str, ...]  # character classes, one a character
PREFIX = 2  # characters read from each pattern


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


def _then(before: set[Prefix], after: set[Prefix]) -> set[Prefix]:
    """The prefixes of a match of one part followed by another, cut to PREFIX characters."""
    joined = {prefix for prefix in before if len(prefix) >= PREFIX}
    for prefix in before - joined:
        joined.update((prefix + more)[:PREFIX] for more in after)
    return joined


def _of_sequence(items: Any, flags: int) -> set[Prefix]:
    prefixes: set[Prefix] = {()}
    for op, value in items:
        if all(len(prefix) >= PREFIX for prefix in prefixes):
            break
        prefixes = _then(prefixes, _of_item(op, value, flags))
    return prefixes


def _of_item(op: Any, value: Any, flags: int) -> set[Prefix]:
    if op is sre.LITERAL:
        return {(_scoped(f"[{_char(value)}]", flags),)}
    if op is sre.NOT_LITERAL:
        return {(_scoped(f"[^{_char(value)}]", flags),)}
    if op is sre.IN:
        return {(_char_class(value, flags),)}
    if op in _ZERO_WIDTH:
        return {()}
    if op is sre.SUBPATTERN:
        _, added, removed, items = value
        return _of_sequence(items, (flags | added) & ~removed)
    if op is sre.BRANCH:
        return {prefix for items in value[1] for prefix in _of_sequence(items, flags)}
    if op in _REPEATS:
        least, most, items = value
        once = _of_sequence(items, flags)
        found: set[Prefix] = set()
        for times in range(min(least, PREFIX), min(most, PREFIX) + 1):
            repeated: set[Prefix] = {()}
            for _ in range(times):  # more repeats only lengthen what is cut anyway
                repeated = _then(repeated, once)
            found |= repeated
        return found
    raise UnreadPattern(str(op))  # any character, back-references, atomic groups...


def prefix_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that the first two characters of every match of `pattern` match (or its only
    character, then anything); None when they cannot be read.

    The classes keep the case rules of the places they come from, so whether characters fit is
    decided by the same engine and flags as the term's own matching.
    """
    if pattern.flags & (re.ASCII | re.LOCALE) or not pattern.pattern.startswith(_WORD_START):
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        prefixes = _of_sequence(parsed, parsed.state.flags)
    except (UnreadPattern, RecursionError):
        return None
    if not prefixes or any(not prefix for prefix in prefixes):
        return None  # it can match nothing at all: any place may do
    shapes = sorted("".join(p) if len(p) == PREFIX else p[0] + r"(?:[\s\S]|\Z)" for p in prefixes)
    return re.compile("|".join(shapes))


class TermScanner:
    """The patterns of one vocabulary's terms, indexed by the two characters their matches can
    start with; results are given by term index."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self._prefixes = [prefix_pattern(p) for p in self.patterns]
        self.alone = tuple(i for i, prefix in enumerate(self._prefixes) if prefix is None)
        self._by_start: dict[str, tuple[int, ...]] = {}

    def starting_with(self, start: str) -> tuple[int, ...]:
        """The indexes of the (indexed) terms whose matches can start with `start` (the two
        characters at a place, or the last one of a text), in order."""
        found = self._by_start.get(start)
        if found is None:
            found = tuple(i for i, p in enumerate(self._prefixes) if p and p.match(start))
            self._by_start[start] = found
        return found

    def at(self, text: str, pos: int) -> tuple[int, ...]:
        """The indexes of the terms that can match at `pos`, in order."""
        if pos >= len(text):
            return self.alone
        indexed = self.starting_with(text[pos : pos + PREFIX])
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
            for i in self.starting_with(text[pos : pos + PREFIX]):
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
            for i in self.starting_with(text[pos : min(pos + PREFIX, end)]):
                if pos >= free[i]:
                    m = self.patterns[i].match(text, pos, end)
                    if m is not None:
                        found[i].append(m)
                        free[i] = m.end()
        return found
