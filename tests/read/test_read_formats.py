"""Sniffing, encodings and each reader on small documents written here."""

from __future__ import annotations

import io

import docx
import pytest

from whereas.read import read_bytes
from whereas.read.json import is_human_text
from whereas.read.markdown import render_inline


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<!DOCTYPE html><title>t</title><p>whereas</p>", "html"),
        (b"<html><body><p>whereas</p></body></html>", "html"),
        (b"<p>whereas the Parliament</p>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>x</p>', "html"),
        (b'<?xml version="1.0"?><!-- a vote --><votes><vote>adopted</vote></votes>', "xml"),
        (b'<!DOCTYPE PV.RollCallVoteResults SYSTEM "RCV.dtd"><PV.R>x</PV.R>', "xml"),
        (b'{"title": "Resolution on Kazakhstan"}', "json"),
        (b'[{"title": "Resolution on Kazakhstan"}]', "json"),
        (b"[Link to the resolution](https://example.org) was shared", "text"),
        (b"---\ntitle: Kazakhstan\n---\n\nBody of the post\n", "markdown"),
        (b"reference;for;against\nB9-0065/2022;667;1\nB9-0066/2022;12;3\n", "csv"),
        (b"reference\tfor\nB9-0065/2022\t667\n", "csv"),
        (b"Brussels, 20 January 2022\nParliament adopted a resolution on Kazakhstan.\n", "text"),
        (b"EN - English\nFR - fran\xc3\xa7ais\n", "text"),
    ],
)  # fmt: skip
def test_format_is_sniffed_from_the_bytes(data: bytes, fmt: str) -> None:
    assert read_bytes(data, name="misleading.pdf").format == fmt


def test_name_never_decides_the_format() -> None:
    assert read_bytes(b"whereas the situation", name="motion.html").format == "text"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Gregorová, Kolář\n".encode("utf-16"), "utf-16-le"),
        ("Gregorová, Kolář\n".encode("utf-16-be"), "utf-16-be"),
        ("Gregorová, Kolář\n".encode("utf-8-sig"), "utf-8"),
        ("Gregorová, Kolář\n".encode("utf-32"), "utf-32-le"),
        ("Gregorová, Kolář\n".encode(), "utf-8"),
    ],
)
def test_boms_and_utf16(data: bytes, encoding: str) -> None:
    document = read_bytes(data)
    assert document.encoding == encoding
    assert document.text == "Gregorová, Kolář"


def test_declared_charset_of_html_is_used() -> None:
    page = '<html><head><meta charset="iso-8859-2"></head><body><p>Kolář</p></body></html>'
    document = read_bytes(page.encode("iso-8859-2"))
    assert document.encoding == "iso8859-2"
    assert document.text == "Kolář"


def test_xml_declaration_encoding_is_used() -> None:
    xml = '<?xml version="1.0" encoding="windows-1252"?><r><n>Séjourné</n></r>'
    document = read_bytes(xml.encode("cp1252"))
    assert document.text == "Séjourné"


def test_mojibake_is_repaired() -> None:
    garbled = "Markéta Gregorová".encode().decode("cp1252")  # "MarkÃ©ta GregorovÃ¡"
    document = read_bytes(f"Statement by {garbled}\n".encode())
    assert document.text == "Statement by Markéta Gregorová"
    assert "mojibake repaired" in document.warnings


def test_spaces_hyphens_and_normal_form() -> None:
    text = "1\u00a0293 children\nAntonio L\u00f3pez\u2011Ist\u00faritz\nCafe\u0301\n"
    document = read_bytes(text.encode())
    assert document.text.splitlines() == ["1 293 children", "Antonio López-Istúritz", "Café"]


def test_html_blocks_kinds_levels_and_metadata() -> None:
    page = b"""<!doctype html><html lang="fr"><head><title> Vote </title>
    <meta name="Description" content="A resolution"><meta property="og:title" content="OG">
    <meta http-equiv="Content-Language" content="fr"><script>var x = "code";</script>
    <style>p {color: red}</style></head><body><h2>Heading</h2>
    <div>Direct <b>text</b><p>Inner paragraph</p>tail</div>
    <ul><li>One<ul><li>Nested</li></ul></li></ul>
    <table><tr><th>For</th><td>667</td></tr></table>
    <noscript>Enable JS</noscript><template><p>hidden</p></template>
    <svg><text>chart</text></svg></body></html>"""
    document = read_bytes(page)
    assert document.metadata["title"] == "Vote"
    assert document.metadata["description"] == "A resolution"
    assert document.metadata["og:title"] == "OG"
    assert document.metadata["content-language"] == "fr"
    assert document.metadata["lang"] == "fr"
    found = [(b.kind, b.level, b.text) for b in document.blocks]
    assert found == [
        ("heading", 2, "Heading"),
        ("paragraph", 0, "Direct text tail"),
        ("paragraph", 0, "Inner paragraph"),
        ("list_item", 1, "One"),
        ("list_item", 2, "Nested"),
        ("table_row", 0, "For | 667"),
    ]
    assert document.tree.xpath("//script")  # the tree stays whole
    assert document.blocks[2].path == "/html/body/div/p"


def test_docx_built_here_reads_paragraphs_tables_and_headings() -> None:
    made = docx.Document()
    made.core_properties.title = "Motion"
    made.add_heading("Resolution on Kazakhstan", level=1)
    made.add_paragraph("The European Parliament,")
    made.add_paragraph("first point", style="List Number")
    made.add_paragraph("second point", style="List Number")
    table = made.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "For"
    table.rows[0].cells[1].text = "667"
    buffer = io.BytesIO()
    made.save(buffer)
    document = read_bytes(buffer.getvalue())
    assert document.format == "docx"
    assert document.metadata["title"] == "Motion"
    found = [(b.kind, b.level, b.label, b.text) for b in document.blocks]
    assert found == [
        ("heading", 1, None, "Resolution on Kazakhstan"),
        ("paragraph", 0, None, "The European Parliament,"),
        ("list_item", 0, "1.", "first point"),
        ("list_item", 0, "2.", "second point"),
        ("table_row", 0, None, "For | 667"),
    ]


@pytest.mark.parametrize(
    ("text", "human"),
    [
        ("Resolution on the situation in Kazakhstan", True),
        ("Kazakhstan", True),
        ("López-Istúriz", True),
        ("http://data.europarl.europa.eu/eli/dl/doc/RC-9-2021-0068", False),
        ("eli/dl/doc/RC-9-2021-0068", False),
        ("RC-B9-0068/2021", False),
        ("ADOPTED", False),
        ("2021-03-11", False),
        ("en", False),
        ("mailto:someone@example.org", False),
    ],
)
def test_json_human_text(text: str, human: bool) -> None:
    assert is_human_text(text) is human


def test_json_blocks_are_json_pointers() -> None:
    data = b'{"@id": "eli/dl/doc/x", "title": {"en": "On Kazakhstan"}, "a/b": ["Two words"]}'
    document = read_bytes(data)
    assert [(b.path, b.text) for b in document.blocks] == [
        ("/title/en", "On Kazakhstan"),
        ("/a~1b/0", "Two words"),
    ]
    assert document.data["@id"] == "eli/dl/doc/x"


def test_markdown_inline_rendering() -> None:
    source = "**Bold** and *it* [the report](https://x.org/a_(b)) ![chart](c.png) `code` <br/>"
    assert render_inline(source) == "Bold and it the report chart code"


def test_markdown_with_bad_front_matter_warns() -> None:
    document = read_bytes(b"---\ntitle: [unclosed\n---\n# Title\n\n- item\n")
    assert document.format == "markdown"
    assert document.warnings[0].startswith("front matter is not valid YAML")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Title"),
        ("list_item", "item"),
    ]


def test_markdown_front_matter_is_never_executed() -> None:
    document = read_bytes(b"---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody\n")
    assert document.text == "Body"
    assert document.metadata == {}
    assert document.warnings


def test_pdf_without_text_layer_is_empty() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    from whereas.errors import EmptyDocument

    with pytest.raises(EmptyDocument, match="no text layer"):
        read_bytes(buffer.getvalue())


def test_json_array_longer_than_the_sniffed_head() -> None:
    rows = b",".join(b'{"title": "Resolution number %d on Kazakhstan"}' % n for n in range(5000))
    document = read_bytes(b"[" + rows + b"]")
    assert document.format == "json"
    assert len(document.data) == 5000
    assert document.blocks[-1].path == "/4999/title"


@pytest.mark.timeout(10)
def test_markdown_front_matter_alias_bomb_is_ignored() -> None:
    lines = [b"l1: &l1 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        b"l%d: &l%d [%s]" % (n, n, b", ".join([b"*l%d" % (n - 1)] * 10)) for n in range(2, 10)
    ]
    document = read_bytes(b"---\n" + b"\n".join(lines) + b"\n---\nBody\n")
    assert document.metadata == {}
    assert document.warnings == ["front matter ignored: YAML aliases are not accepted"]
    assert document.text == "Body"


def test_markdown_front_matter_nested_too_deeply_is_ignored() -> None:
    document = read_bytes(b"---\na: " + b"[" * 1500 + b"\n---\nBody\n")
    assert document.metadata == {}
    assert document.warnings
    assert document.text == "Body"


@pytest.mark.timeout(10)
def test_markdown_hostile_inline_syntax_stays_fast() -> None:
    body = b"[x](" * 20_000 + b"**a" * 20_000 + b"<a" * 20_000 + b"<!--" * 20_000
    document = read_bytes(b"---\ntitle: t\n---\n# " + b" " * 100_000 + b"x\n\n" + body)
    assert document.blocks[0].kind == "heading"
    assert document.blocks[0].text == "x"
