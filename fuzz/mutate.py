"""Seeded mutations of real documents: the same seed always gives the same bytes."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

Mutation = Callable[[random.Random, bytes, Sequence[bytes]], bytes]
# Bytes that change how a reader sees its input: markup, entities, encodings, controls.
TOKENS = (
    b"<", b">", b"&", b"&amp;", b"&#0;", b"&#xD800;", b"<![CDATA[", b"]]>", b"<!--", b"-->",
    b"<!DOCTYPE r [<!ENTITY e 'x'>]>", b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf",
    b"\xc3\x28", b"\xe9", b"\x80\x81", b"\xed\xa0\x80", b"\r", b"\n\n", b"\t", b"---\n", b"{", b"}",
    b"[", b"]", b'"', b",", b";", b"1.", b"A.", b"(a)", b"whereas", b"having regard to",
    b"on behalf of the ", b"RC-B9-0065/2022", b"2022/2505(RSP)", b"P9_TA(2022)0012",
    b"\xe2\x80\x93", b"\xc2\xa0", b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"</div>", b"<p>",
)  # fmt: skip


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.randrange(1, 4096))


def flip_bits(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Flip a few bits at random places."""
    if not data:
        return data
    out = bytearray(data)
    for _i in range(rng.randrange(1, 16)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def insert_token(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Insert a markup, entity or encoding token somewhere."""
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(TOKENS) * rng.choice((1, 1, 2, 50)) + data[at:]


def delete_span(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Cut a span out."""
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def duplicate_span(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Repeat a span, sometimes many times (long lists, deep repetition)."""
    start, end = _span(rng, data)
    return data[:end] + data[start:end] * rng.choice((1, 2, 10, 100)) + data[end:]


def truncate(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Cut the file short, as an interrupted download does."""
    return data[: rng.randrange(len(data) + 1)]


def splice(rng: random.Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """The start of this document and the end of another."""
    other = rng.choice(others) if others else data
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


def recode(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Re-encode a span in another encoding (mixed encodings in one file)."""
    start, end = _span(rng, data)
    text = data[start:end].decode("utf-8", errors="replace")
    encoding = rng.choice(("cp1252", "latin-1", "utf-16-le", "utf-16", "cp1250", "koi8-r"))
    return data[:start] + text.encode(encoding, errors="replace") + data[end:]


def join_lines(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Remove every line break (one huge line), or only in a span."""
    if rng.random() < 0.5:
        return data.replace(b"\n", b" ").replace(b"\r", b" ")
    start, end = _span(rng, data)
    return data[:start] + data[start:end].replace(b"\n", b"") + data[end:]


def nest(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """Wrap a span in many levels of markup or brackets."""
    start, end = _span(rng, data)
    depth = rng.choice((10, 100, 1000, 5000))
    opening, closing = rng.choice(((b"<div>", b"</div>"), (b"<b>", b""), (b"[", b"]"), (b"{", b"")))
    return data[:start] + opening * depth + data[start:end] + closing * depth + data[end:]


MUTATIONS: tuple[Mutation, ...] = (
    flip_bits, insert_token, delete_span, duplicate_span, truncate, splice, recode, join_lines,
    nest,
)  # fmt: skip


def mutate(seed: int, data: bytes, others: Sequence[bytes] = ()) -> bytes:
    """One to four mutations of `data`, chosen by `seed` alone."""
    rng = random.Random(seed)
    for _i in range(rng.randrange(1, 5)):
        data = rng.choice(MUTATIONS)(rng, data, others)
    return data


def corpus_seeds(corpus: Path, max_bytes: int = 2 * 1024 * 1024) -> list[Path]:
    """The corpus files small enough to mutate quickly, in a stable order."""
    files = (p for p in sorted(corpus.rglob("*")) if p.is_file() and not p.name.startswith("."))
    return [p for p in files if p.stat().st_size <= max_bytes]


def mutate_inside_zip(seed: int, data: bytes, others: Sequence[bytes] = ()) -> bytes:
    """Mutate the XML parts of a DOCX (or any zip) and zip them again, so the reader gets past
    the container; bytes that are not a zip are mutated as they are."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(info, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return mutate(seed, data, others)
    rng = random.Random(seed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (info, content) in enumerate(parts):
            if info.filename.endswith(".xml") and rng.random() < 0.5:
                content = mutate(seed * 31 + index, content)
            archive.writestr(info.filename, content)
    return out.getvalue()


def seeds_for_format(fmt: str, seeds: Sequence[bytes]) -> list[bytes]:
    """The seeds the sniffer reads as `fmt` (all of them when none is)."""
    from whereas.errors import RejectedDocument
    from whereas.read.sniff import sniff_format

    def sniffed(data: bytes) -> str | None:
        try:
            return sniff_format(data)
        except RejectedDocument:
            return None

    chosen = [data for data in seeds if sniffed(data) == fmt]
    return chosen or list(seeds)
