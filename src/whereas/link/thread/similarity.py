"""Lexical similarity of two clause texts in one language: order-aware ratio, word overlap."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from whereas.embed.lexical import fold


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return fold(text).split()


def containment(part: str, whole: str) -> float:
    """Share of the words of `part` (with repeats) that are also in `whole`."""
    a, b = Counter(words(part)), Counter(words(whole))
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 0.0


def similarity(a: str, b: str) -> float:
    """The better of the character ratio and the word Dice overlap, in [0, 1]."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    ca, cb = Counter(fa.split()), Counter(fb.split())
    dice = 2 * sum((ca & cb).values()) / (sum(ca.values()) + sum(cb.values()))
    return max(fuzz.ratio(fa, fb) / 100.0, dice)


def same_text(a: str, b: str) -> bool:
    """Equal once case, accents, punctuation and spacing are set aside."""
    return fold(a) == fold(b)
