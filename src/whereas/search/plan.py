"""A parsed query made into index terms: each word expanded to its stems in the store's languages.

The plan is what both databases run (compiled to an FTS5 MATCH string or a tsquery) and what the
snippets highlight, so the two engines and the highlighting agree on what matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from whereas.search.query import And, Node, Not, Or, Phrase, Word
from whereas.search.text import fold, query_terms, stem_words, tokens

MIN_PREFIX_CHARS = 3  # "a*" would match most of the index: shorter prefixes are plain words
# A plain word more than this share of the entries hold ("the", "of", "on") is not required of a
# match when rarer words stand beside it: BM25 gives it almost no weight (an IDF of at most
# log(1.5), against about 4.6 for a word one entry in a hundred holds, and nothing at all past
# half the entries), and weighing it costs a walk over most of the index (whereas.search.fts_rank).
IGNORED_SHARE = 0.4


@dataclass(frozen=True)
class Terms:
    """One word: an entry matches when it holds any variant (or a term starting with one)."""

    variants: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class PhraseTerms:
    """A phrase: an entry matches when it holds any variant's terms one after the other."""

    variants: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class AllOf:
    """Every positive part matches and no negative part does."""

    positives: tuple[Match, ...]
    negatives: tuple[Match, ...] = ()


@dataclass(frozen=True)
class AnyOf:
    """Any part matches."""

    children: tuple[Match, ...]


Match = Terms | PhraseTerms | AllOf | AnyOf


def plan(node: Node | None, languages: Sequence[str | None]) -> Match | None:
    """The match tree of a parsed query, or None when it has nothing positive to look for."""
    if node is None or isinstance(node, Not):
        return None  # a query of exclusions only has no positive terms for either index
    return _convert(node, tuple(dict.fromkeys([None, *languages])))


def _convert(node: Node, languages: tuple[str | None, ...]) -> Match | None:
    if isinstance(node, Word):
        return _words(node.text, node.prefix, languages)
    if isinstance(node, Phrase):
        return _words(node.text, False, languages)
    if isinstance(node, Or):
        parts = [_convert(c, languages) for c in node.children if not isinstance(c, Not)]
        kept = tuple(dict.fromkeys(p for p in parts if p is not None))
        return None if not kept else kept[0] if len(kept) == 1 else AnyOf(kept)
    if isinstance(node, And):
        return _all_of(node.children, languages)
    return None


def _all_of(children: tuple[Node, ...], languages: tuple[str | None, ...]) -> Match | None:
    positives: list[Match] = []
    negatives: list[Match] = []
    for child in children:
        target, node = (negatives, child.child) if isinstance(child, Not) else (positives, child)
        converted = _convert(node, languages)
        if converted is not None and converted not in target:
            target.append(converted)
    if not positives:
        return None
    if len(positives) == 1 and not negatives:
        return positives[0]
    return AllOf(tuple(positives), tuple(negatives))


def _words(text: str, prefix: bool, languages: tuple[str | None, ...]) -> Match | None:
    words = [t.word for t in tokens(text)]
    if not words:
        return None
    if len(words) == 1:
        word = words[0]
        is_prefix = prefix and len(fold(word)) >= MIN_PREFIX_CHARS
        return Terms(tuple(sorted(query_terms(word, languages))), is_prefix)
    variants = {tuple(stem_words(words, language)) for language in languages}
    return PhraseTerms(tuple(sorted(variants)))


def without_common(match: Match, common: Callable[[str], bool]) -> Match:
    """The plan without the plain words that `common` says nearly every entry holds, where each
    group of words keeps at least one rarer one (or all its words when none is rarer). Phrases,
    prefixes, alternatives and exclusions stay as they are: "calls on the Commission" looks for
    what "calls Commission" does, '"freedom of expression"' for the whole phrase."""
    if isinstance(match, AnyOf):
        return AnyOf(tuple(without_common(c, common) for c in match.children))
    if not isinstance(match, AllOf):
        return match
    positives = tuple(without_common(p, common) for p in match.positives)
    kept = tuple(p for p in positives if not _plain_common(p, common)) or positives
    if len(kept) == 1 and not match.negatives:
        return kept[0]
    return AllOf(kept, match.negatives)


def _plain_common(part: Match, common: Callable[[str], bool]) -> bool:
    return isinstance(part, Terms) and not part.prefix and all(map(common, part.variants))


def leaves(match: Match | None) -> Iterator[Terms | PhraseTerms]:
    """The positive words and phrases of a plan (what a snippet highlights)."""
    if isinstance(match, Terms | PhraseTerms):
        yield match
    elif isinstance(match, AllOf):
        for part in match.positives:
            yield from leaves(part)
    elif isinstance(match, AnyOf):
        for part in match.children:
            yield from leaves(part)
