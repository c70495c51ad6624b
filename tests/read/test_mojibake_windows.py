"""ftfy's mojibake test searched near the characters outside ASCII gives ftfy's own answer.

Decoding runs ftfy only on text its badness pattern flags, and searches that pattern only in
windows around the characters outside ASCII: checked here against `ftfy.badness.is_bad` (and
the decoded text against ftfy run on everything) on the corpus and on made-up text.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any, cast

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.read.encoding import (
    MOJIBAKE_REACH,
    _bad_window,
    bom_encoding,
    decode,
    detect_encoding,
    looks_like_mojibake,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sre
    import sre_parse

CORPUS_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MOJIBAKE = ["sÃ³", "voilÃ le travail", "â€œquotedâ€\x9d", "Ãºnico", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "Ã\xa0 bientôt"]


def _only_outside_ascii(op: Any, value: Any) -> bool:
    if op is sre.LITERAL:
        return bool(value >= 0x80)
    if op is sre.IN:
        return all(
            (o is sre.LITERAL and v >= 0x80) or (o is sre.RANGE and v[0] >= 0x80) for o, v in value
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return bool(value[0] >= 1) and _requires_outside_ascii(value[2])
    if op is sre.SUBPATTERN:
        return _requires_outside_ascii(value[3])
    return False


def _requires_outside_ascii(items: Any) -> bool:
    return any(_only_outside_ascii(op, value) for op, value in items)


def test_every_mojibake_sequence_holds_a_character_outside_ascii_within_reach() -> None:
    parsed = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert parsed.getwidth()[1] <= MOJIBAKE_REACH
    [(op, branch)] = parsed.data
    assert op is sre.BRANCH
    alternatives: list[Any] = list(cast(tuple[Any, list[Any]], branch)[1])
    assert len(alternatives) > 30
    for alternative in alternatives:
        assert _requires_outside_ascii(alternative), alternative


def test_known_mojibake_is_found() -> None:
    for text in MOJIBAKE:
        for padded in (text, f"Ünïcode text, then {text}", f"{text} and “quotes” – é"):
            assert looks_like_mojibake(padded) == is_bad(padded) is True


def _corpus_texts() -> list[str]:
    if not CORPUS_ROOT.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    texts = []
    for path in sorted(p for p in CORPUS_ROOT.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if b"%PDF-" in data[:1024] or data.startswith(b"PK\x03\x04"):
            continue
        found = bom_encoding(data)
        texts.append(data[found[1] if found else 0 :].decode(detect_encoding(data), "replace"))
    return texts


def test_the_windows_give_ftfys_answer_on_the_corpus() -> None:
    texts = _corpus_texts()
    assert len(texts) > 100
    for text in texts:
        assert looks_like_mojibake(text) == is_bad(text)


def test_decoding_gives_what_ftfy_on_everything_gave_on_the_corpus() -> None:
    for path in sorted(p for p in CORPUS_ROOT.rglob("*") if p.is_file() and p.suffix != ".pdf"):
        data = path.read_bytes()
        if data.startswith(b"PK\x03\x04"):
            continue
        encoding = detect_encoding(data)
        found = bom_encoding(data)
        text = data[found[1] if found else 0 :].decode(encoding, "replace")
        assert decode(data).text == (text if text.isascii() else ftfy.fix_encoding(text))


MOJIBAKE_CHARACTERS = sorted(
    {c for chars in MOJIBAKE_CATEGORIES.values() for c in chars if c != "-"}
    | set("ÂÃÎÐØÙà√≈‚вВГРСŒœ×²³€ŠšŸž®©°·»–—´ΒΓΞΟβāÄ ")
)
MADE_UP = st.lists(
    st.sampled_from([*MOJIBAKE_CHARACTERS, *"aeZ .,!?\n\t1", "Ã©", "â€™", "ГўВЂВ"]), max_size=30
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(MADE_UP)
def test_the_windows_give_ftfys_answer_on_made_up_text(text: str) -> None:
    assert looks_like_mojibake(text) == is_bad(text)


def _ops(items: Any) -> Any:
    for op, value in items:
        yield (op, value) if op is sre.AT else op
        if op is sre.BRANCH:
            for branch in value[1]:
                yield from _ops(branch)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            yield from _ops(value[2])
        elif op is sre.SUBPATTERN:
            yield from _ops(value[3])


def test_badness_pattern_reads_nothing_outside_what_it_matches() -> None:
    # No look-around, back-reference or anchor but "^" at the text's start: a window cut out of
    # the text says what it says in place (the decoder keeps "^" from matching at a window's
    # start when that is not the text's), so the answers of short windows can be remembered.
    ops = set(_ops(sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data))
    assert not BADNESS_RE.flags & re.MULTILINE
    assert not ops & {sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.GROUPREF_EXISTS}
    assert {op for op in ops if isinstance(op, tuple)} <= {(sre.AT, sre.AT_BEGINNING)}


@pytest.mark.parametrize("tail", ["x", "x" * 80])  # remembered (short) and searched (long)
def test_a_window_does_not_start_the_text(tail: str) -> None:
    # "Â " is mojibake at the start of a text only (ftfy's "^[ÃÂ][ ]"). A window that
    # looks_like_mojibake starts after 0 reaches back from "Â" and so begins with ASCII: the
    # window function is asked directly for one starting at "Â ", where "^" must not match.
    alone, after = f"Â {tail}", f"1234567890. Â {tail}"
    start = after.index("Â")
    assert is_bad(alone) and not is_bad(after)
    assert _bad_window(alone, 0, len(alone))
    assert not _bad_window(after, start, len(after))
    assert looks_like_mojibake(alone) and not looks_like_mojibake(after)
