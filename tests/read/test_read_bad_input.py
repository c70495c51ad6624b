"""Bad input: every file that cannot be used is rejected with a reason, never a crash."""

from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

import pytest

from whereas.config import Limits
from whereas.errors import (
    DocumentTooLarge,
    EmptyDocument,
    UnreadableDocument,
    UnsupportedFormat,
)
from whereas.read import read_bytes

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz><title>Laughs</title><body>&lol9;</body></lolz>
"""


def test_empty_file_is_rejected() -> None:
    with pytest.raises(EmptyDocument, match="empty"):
        read_bytes(b"")


@pytest.mark.parametrize("data", [b" \n\t\r\n  ", b"\xef\xbb\xbf  \n", "  \n".encode("utf-16")])
def test_whitespace_only_is_rejected(data: bytes) -> None:
    with pytest.raises(EmptyDocument, match="whitespace"):
        read_bytes(data)


def test_random_bytes_are_not_a_document() -> None:
    noise = random.Random(20250508).randbytes(8192)
    with pytest.raises(UnsupportedFormat, match="binary data"):
        read_bytes(noise, name="noise.txt")


def test_other_binary_formats_are_named() -> None:
    with pytest.raises(UnsupportedFormat, match="PNG"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))


def test_pdf_cut_after_its_header_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="damaged PDF"):
        read_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<")


def test_real_pdf_cut_short_is_unreadable(corpus: Path) -> None:
    data = (corpus / "derived/document_rc-10-2025-0249-en.print.pdf").read_bytes()
    with pytest.raises(UnreadableDocument, match="damaged PDF"):
        read_bytes(data[:400])


def _zip_bomb(size: int) -> bytes:
    """A zip whose word/document.xml is `size` bytes of zeros, written in 1 MiB chunks."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            for _ in range(size // len(chunk)):
                entry.write(chunk)
    return buffer.getvalue()


def test_docx_zip_bomb_over_the_size_limit_is_refused() -> None:
    bomb = _zip_bomb(300 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # tiny on disk
    with pytest.raises(DocumentTooLarge, match="zip bomb"):
        read_bytes(bomb)


def test_docx_zip_bomb_by_compression_ratio_is_refused() -> None:
    bomb = _zip_bomb(32 * 1024 * 1024)
    with pytest.raises(DocumentTooLarge, match=r"zip bomb.*expands"):
        read_bytes(bomb, limits=Limits(max_zip_ratio=200))


def test_zip_that_is_not_a_docx_is_unsupported() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "whereas the archive is not a Word file")
    with pytest.raises(UnsupportedFormat, match="zip archive that is not a Word"):
        read_bytes(buffer.getvalue(), name="resolution.docx")


def test_damaged_docx_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(UnreadableDocument, match="damaged Word file"):
        read_bytes(buffer.getvalue())


def test_html_of_50_mb_is_too_large() -> None:
    page = b"<!doctype html><html><body>" + b"<p>whereas</p>" * (50 * 1024 * 1024 // 14)
    assert len(page) > 50 * 1024 * 1024 - 100
    with pytest.raises(DocumentTooLarge, match=r"HTML of \d+ bytes is over the limit"):
        read_bytes(page)


def test_file_over_the_file_limit_is_too_large() -> None:
    with pytest.raises(DocumentTooLarge):
        read_bytes(b"whereas " * 200, limits=Limits(max_file_bytes=1000))


@pytest.mark.timeout(20)
def test_deeply_nested_html_does_not_crash() -> None:
    page = b"<html><body><p>Resolution</p>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000
    document = read_bytes(page + b"</body></html>")
    assert document.text.startswith("Resolution")
    assert any("nested deeper" in warning for warning in document.warnings)


@pytest.mark.timeout(20)
def test_deeply_nested_html_without_shallow_text_is_rejected_with_the_reason() -> None:
    page = b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"
    with pytest.raises(UnreadableDocument, match="nested too deeply"):
        read_bytes(page)


@pytest.mark.timeout(10)
def test_billion_laughs_is_not_expanded() -> None:
    started = time.monotonic()
    document = read_bytes(BILLION_LAUGHS)
    assert time.monotonic() - started < 5
    assert document.format == "xml"
    assert "Laughs" in document.text
    assert "lollol" not in document.text
    assert len(document.text) < 100


def test_external_entity_is_not_read() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY web SYSTEM "http://example.com/secret">]>'
        b"<r><a>before &xxe; after</a><b>&web;</b></r>"
    )
    document = read_bytes(xxe)
    assert "root:" not in document.text
    assert document.text == "before after"


def test_external_dtd_is_not_fetched() -> None:
    # The network guard in conftest fails the test on any connection attempt.
    document = read_bytes(
        b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.com/r.dtd"><r>text</r>'
    )
    assert document.text == "text"


def test_truncated_xml_is_read_in_part_with_a_warning(corpus: Path) -> None:
    data = (corpus / "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml").read_bytes()
    whole = read_bytes(data)
    part = read_bytes(data[: len(data) // 2])
    assert part.format == "xml"
    assert any("damaged XML read in part" in warning for warning in part.warnings)
    assert 0 < len(part.text) < len(whole.text)
    assert whole.text.startswith(part.text[:1000])


def test_xml_with_nothing_readable_is_rejected() -> None:
    with pytest.raises((UnreadableDocument, EmptyDocument)):
        read_bytes(b"<?xml version='1.0'?><")


def test_invalid_json_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="invalid JSON"):
        read_bytes(b'{"title": "Resolution on Kazakhstan", ')


def test_deeply_nested_json_is_rejected_not_crashed() -> None:
    with pytest.raises(UnreadableDocument, match="nested too deeply"):
        read_bytes(b"{" + b'"a":{' * 200_000 + b"}" * 200_001)


def test_csv_with_a_malformed_row_keeps_the_rest() -> None:
    table = b"reference,for,against\nB9-0065/2022,667,1\nB9-0066/2022,12\nB9-0067/2022,400,63\n"
    document = read_bytes(table)
    assert document.format == "csv"
    assert [row["reference"] for row in document.data] == ["B9-0065/2022", "B9-0067/2022"]
    assert document.warnings == [
        "1 malformed rows skipped (wrong number of fields), first at line 3"
    ]


@pytest.mark.timeout(20)
def test_deeply_nested_xml_is_read_in_part() -> None:
    xml = b"<r><t>top</t>" + b"<a>" * 100_000 + b"deep" + b"</a>" * 100_000 + b"</r>"
    document = read_bytes(xml)
    assert document.text.startswith("top")
    assert any("damaged XML read in part" in warning for warning in document.warnings)


def test_pdf_pages_are_capped_with_a_warning(corpus: Path) -> None:
    data = (corpus / "derived/document_rc-10-2025-0249-en.print.pdf").read_bytes()
    document = read_bytes(data, limits=Limits(max_pdf_pages=2))
    assert {block.path for block in document.blocks} == {"page 1", "page 2"}
    assert document.warnings == ["PDF has 6 pages: read the first 2"]


def test_text_over_the_character_limit_is_cut_with_a_warning() -> None:
    document = read_bytes(b"whereas\n" * 1000, limits=Limits(max_text_chars=80))
    assert len(document.blocks) == 10
    assert document.warnings == ["text longer than 80 characters: kept the first 10 blocks"]


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><?xml\x00 encoding=\"\"",  # found by test_read_property
        b"<?xml version='1.0'?>\n<?xml version='1.0' encoding='utf-8'?><r>text</r>",
    ],
)
def test_a_second_xml_declaration_is_a_reason_not_a_reader_failure(data: bytes) -> None:
    with pytest.raises(UnreadableDocument, match=r"^XML could not be read: ") as caught:
        read_bytes(data)
    assert "\n" not in str(caught.value)
