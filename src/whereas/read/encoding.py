"""Find the character encoding of text bytes and decode them, repairing mojibake."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer
import ftfy
from ftfy.badness import BADNESS_RE

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = (
    re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""),
    re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE),
)
# When charset-normalizer cannot tell single-byte code pages apart (same chaos and coherence,
# as for the EP portal's cp1252 MEP list, which it calls cp1250), the Western one is likelier.
_PREFERRED_ON_TIE = ("cp1252", "latin_1", "iso8859_15")
_FALLBACK = "cp1252"
# ftfy repairs a text only when its badness pattern finds mojibake in it, and every sequence that
# pattern finds holds a character outside ASCII and is at most 7 characters long
# (tests/read/test_mojibake_windows.py checks both): the pattern need only be searched in the
# windows around those characters, not over the whole page (half the time of reading one).
MOJIBAKE_REACH = 7
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the codec used and what went wrong on the way."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, with the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 from the NUL bytes of mostly-ASCII text (every other byte zero)."""
    sample = head[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or an HTML <meta> states in the first bytes, if valid."""
    head = data[:4096]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            return _codec_name(match.group(1).decode("ascii"))
    return None


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decodes(data: bytes, encoding: str, *, partial: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _guess(data: bytes) -> str:
    """charset-normalizer's best guess, preferring cp1252 among equally good single-byte ones."""
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        return _FALLBACK
    tied = {r.encoding for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)}
    for preferred in _PREFERRED_ON_TIE:
        if preferred in tied:
            return preferred
    return _codec_name(best.encoding) or _FALLBACK


def detect_encoding(data: bytes, *, partial: bool = False, guess: bool = True) -> str:
    """The codec for `data`: BOM, UTF-16 pattern, declared charset, UTF-8, then a guess.

    `partial` says `data` is a head cut anywhere (a split last character is fine);
    without `guess`, bytes that are not UTF-8 are taken as cp1252 instead of asking
    charset-normalizer.
    """
    found = bom_encoding(data)
    if found:
        return found[0]
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    declared = declared_charset(data)
    if declared and _decodes(data, declared, partial=partial):
        return declared
    if _decodes(data, "utf-8", partial=partial):
        return "utf-8"
    return _guess(data) if guess else _FALLBACK


def decode(data: bytes) -> Decoded:
    """Decode whole text bytes: the right codec, then ftfy for mojibake; warn on losses."""
    encoding = detect_encoding(data)
    found = bom_encoding(data)
    body = data[found[1] :] if found else data
    warnings: list[str] = []
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        warnings.append(f"bytes not valid in {encoding} were replaced")
    if not text.isascii() and looks_like_mojibake(text):
        repaired = ftfy.fix_encoding(text)
        if repaired != text:
            warnings.append("mojibake repaired")
            text = repaired
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings))


def looks_like_mojibake(text: str) -> bool:
    """ftfy's badness test (`ftfy.badness.is_bad`), searched near the characters outside ASCII."""
    window: tuple[int, int] | None = None
    for char in _NOT_ASCII.finditer(text):
        start, end = max(0, char.start() - MOJIBAKE_REACH + 1), char.start() + MOJIBAKE_REACH
        if window is not None and start <= window[1]:
            window = (window[0], end)  # overlaps the window before: one window
            continue
        if window is not None and _bad_window(text, *window):
            return True
        window = (start, end)
    return window is not None and _bad_window(text, *window)


def _bad_window(text: str, start: int, end: int) -> bool:
    if end - start > MEMO_WINDOW:
        return BADNESS_RE.search(text, start, end) is not None
    return _bad_snippet(text[start:end], at_start=start == 0)


# The badness pattern has no look-around and no anchor but "^" (tests/read/test_mojibake_windows
# .py): a window cut out says what it says in place, once "^" is kept from matching at its start
# when that is not the text's. The short ones repeat (names, signs, a site's words on every
# page): their answers are remembered, a search costing about twenty look-ups.
MEMO_WINDOW = 64


@lru_cache(maxsize=8192)
def _bad_snippet(snippet: str, *, at_start: bool) -> bool:
    if at_start:
        return BADNESS_RE.search(snippet) is not None
    return BADNESS_RE.search(" " + snippet, 1) is not None  # "^" only at the real start


def decode_head(data: bytes, size: int = 65536) -> str:
    """Decode the first `size` bytes cheaply, for sniffing (no statistical guess)."""
    encoding = detect_encoding(data[:size], partial=True, guess=False)
    found = bom_encoding(data)
    start = found[1] if found else 0
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return str(decoder.decode(data[start:size], final=False))
