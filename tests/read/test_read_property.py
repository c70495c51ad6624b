"""Any bytes at all: read_bytes returns a document or rejects it, never anything else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whereas.errors import RejectedDocument
from whereas.read import UNEXPECTED, ReadDocument, read_bytes

# Starts of every container, so that the fuzzing also reaches the readers behind the sniffer.
PREFIXES = [
    b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<?xml version='1.0'?>", b"<!doctype html><p>",
    b"<html>", b"{", b"[", b"---\ntitle: x\n---\n", b"a,b,c\n1,2,3\n", b"\xef\xbb\xbf",
    b"\xff\xfe", b"<r>", b"# heading\n",
]  # fmt: skip


def _check(data: bytes) -> None:
    try:
        document = read_bytes(data)
    except RejectedDocument as exc:
        assert UNEXPECTED not in str(exc), str(exc)
        assert "\n" not in str(exc)
        return
    assert isinstance(document, ReadDocument)
    assert document.text.strip()
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=512))
def test_arbitrary_bytes_behind_a_known_header(prefix: bytes, rest: bytes) -> None:
    _check(prefix + rest)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PREFIXES), st.text(max_size=300))
def test_arbitrary_text_behind_a_known_header(prefix: bytes, rest: str) -> None:
    _check(prefix + rest.encode("utf-8", errors="surrogatepass"))
