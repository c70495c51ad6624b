"""Snippets: the best window of an entry's own text, with <mark> around the words that matched."""

from __future__ import annotations

import html
from collections.abc import Iterable

from whereas.search.plan import PhraseTerms, Terms
from whereas.search.text import Token, stem_words, tokens

WINDOW = 30  # words shown around the matches
MAX_SNIPPET_SOURCE = 16383  # the index holds this many words of a text: matches lie within them


def marked_tokens(
    words: list[Token], language: str | None, leaves: Iterable[Terms | PhraseTerms]
) -> set[int]:
    """Positions of the words that one of the query's words or phrases matched."""
    terms = stem_words([t.word for t in words], language)
    marked: set[int] = set()
    for leaf in leaves:
        if isinstance(leaf, Terms):
            marked.update(i for i, term in enumerate(terms) if _hits(term, leaf))
        else:
            for variant in leaf.variants:
                marked.update(_phrase_positions(terms, variant))
    return marked


def _hits(term: str, leaf: Terms) -> bool:
    if leaf.prefix:
        return any(term.startswith(v) for v in leaf.variants)
    return term in leaf.variants


def _phrase_positions(terms: list[str], phrase: tuple[str, ...]) -> Iterable[int]:
    size = len(phrase)
    for start in range(len(terms) - size + 1):
        if tuple(terms[start : start + size]) == phrase:
            yield from range(start, start + size)


def snippet(text: str, language: str | None, leaves: list[Terms | PhraseTerms]) -> str:
    """HTML-escaped text around the densest run of matches, matches wrapped in <mark>."""
    words = list(tokens(text, MAX_SNIPPET_SOURCE))
    if not words:
        return html.escape(text[:200])
    marked = marked_tokens(words, language, leaves)
    first = _best_window(marked, len(words))
    last = min(len(words), first + WINDOW) - 1
    start = 0 if first == 0 else words[first].start
    end = len(text) if last == len(words) - 1 else words[last].end
    parts = ["…" if start > 0 else ""]
    cursor = start
    for i in range(first, last + 1):
        if i in marked:
            token = words[i]
            parts.append(html.escape(text[cursor : token.start]))
            parts.append(f"<mark>{html.escape(text[token.start : token.end])}</mark>")
            cursor = token.end
    parts.append(html.escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return " ".join("".join(parts).split())


def _best_window(marked: set[int], size: int) -> int:
    """The first word of the window holding the most marked words (a few words of lead-in)."""
    if not marked:
        return 0
    positions = sorted(marked)
    best, best_count, end = positions[0], 0, 0
    for i, position in enumerate(positions):
        while end < len(positions) and positions[end] < position + WINDOW:
            end += 1
        count = end - i
        if count > best_count:
            best, best_count = position, count
    return max(0, min(best - 5, size - WINDOW))
