"""Hostile documents built from scratch: each one attacks a reader in a known way."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024


def billion_laughs() -> bytes:
    """Nested XML entities that expand to 10^9 copies if a parser resolves them."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(entities) + "]>\n"
        "<lolz><p>&lol9;</p><p>whereas a text follows</p></lolz>"
    ).encode()


def external_entity(secret: Path) -> bytes:
    """An XML external entity (XXE) that names a local file."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<r><p>&xxe;</p><p>a paragraph that is read</p></r>"
    ).encode()


def external_entity_html(secret: Path) -> bytes:
    """The same attack dressed as XHTML."""
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>&xxe;</p><p>visible text of the page</p></body></html>"
    ).encode()


def _docx(document_xml: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A DOCX whose document.xml inflates to 300 MB from a few hundred kilobytes."""
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    return _docx(body + b" " * (300 * MB) + b"</w:document>")


def deeply_nested_html(depth: int = 100_000) -> bytes:
    """HTML nested far deeper than any parser's recursion limit."""
    return b"<html><body>" + b"<div>" * depth + b"deep" + b"</div>" * depth + b"<p>shallow</p>"


def deeply_nested_xml(depth: int = 50_000) -> bytes:
    """XML nested past libxml2's depth limit."""
    return b"<r>" + b"<a>" * depth + b"text" + b"</a>" * depth + b"</r>"


def deeply_nested_json(depth: int = 100_000) -> bytes:
    """JSON arrays nested past Python's recursion limit."""
    return b"[" * depth + b"1" + b"]" * depth


def huge_single_line(size: int = 12 * MB) -> bytes:
    """A text of one line and no break anywhere."""
    sentence = b"whereas the authorities continue to detain human rights defenders; "
    return sentence * (size // len(sentence))


def huge_single_line_html(size: int = 12 * MB) -> bytes:
    """HTML whose whole body is one enormous paragraph on one line."""
    return b"<html><body><p>" + huge_single_line(size) + b"</p></body></html>"


def invalid_utf8() -> bytes:
    """Declared UTF-8, with invalid sequences, overlong forms and encoded surrogates."""
    good = "Parliament calls on the authorities to release Ms Šimková; ".encode()
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><r><p>'
        + (good + b"\xc3\x28 \xa0\xa1 \xe2\x28\xa1 \xed\xa0\x80 \xf0\x28\x8c\xbc \xc0\xaf ") * 200
        + b"</p></r>"
    )


def mixed_encodings() -> bytes:
    """One file with UTF-8, cp1252, UTF-16 and Latin-2 fragments, and a stray BOM inside."""
    parts = [
        "1. Calls on the Kazakhstani authorities – ".encode(),
        "2. Considère que les détenus ".encode("cp1252"),
        "3. Fordert die Behörden ".encode("utf-16-le"),
        b"\xef\xbb\xbf",
        "4. Vyzývá orgány ".encode("iso-8859-2"),
    ]
    return b"\n".join(parts * 100)


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, root, xref))
    return out.getvalue()


def _page_content(text: str) -> bytes:
    stream = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


def pdf_with_many_pages(pages: int = 5000) -> bytes:
    """A valid PDF of thousands of pages, each with a line of text."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        font,
    ]
    for i in range(pages):
        content = first_page + 2 * i + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content
        )
        objects.append(_page_content(f"Page {i + 1}: whereas the situation deteriorates"))
    return _pdf(objects)


def pdf_with_cycles() -> bytes:
    """A PDF whose page tree contains itself, and whose page is its own parent."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 /Parent 2 0 R >>",
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            _page_content("a page in a cycle"),
        ]
    )


def pdf_with_xref_loop() -> bytes:
    """A PDF whose cross-reference sections point back at each other (/Prev loop)."""
    data = pdf_with_cycles()
    xref = data.rindex(b"startxref\n") + len(b"startxref\n")
    offset = int(data[xref : data.index(b"\n", xref)])
    return data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev %d >>" % offset)


HOSTILE: dict[str, Callable[[], bytes]] = {
    "billion laughs": billion_laughs,
    "zip bomb docx": zip_bomb_docx,
    "deeply nested html": deeply_nested_html,
    "deeply nested xml": deeply_nested_xml,
    "deeply nested json": deeply_nested_json,
    "huge single line": huge_single_line,
    "huge single line html": huge_single_line_html,
    "invalid utf-8": invalid_utf8,
    "mixed encodings": mixed_encodings,
    "pdf of 5000 pages": pdf_with_many_pages,
    "pdf with cycles": pdf_with_cycles,
    "pdf with an xref loop": pdf_with_xref_loop,
}
