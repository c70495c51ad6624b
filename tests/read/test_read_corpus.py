"""Every real document in ../shared/corpus reads with the right format and its structure."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from whereas.read import ReadDocument, read_path

CORPUS_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus"
# What each kind of file in the corpus is, by extension (folders hold one or two kinds:
# howtheyvote/ html, xml and json; mepwatch/ csv and json; press-and-news/ markdown; ...).
EXPECTED_FORMAT = {
    ".html": "html",
    ".xml": "xml",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".txt": "text",
    ".pdf": "pdf",
    ".docx": "docx",
}
CORPUS_FILES = (
    sorted(str(p.relative_to(CORPUS_DIR)) for p in CORPUS_DIR.rglob("*") if p.is_file())
    if CORPUS_DIR.is_dir()
    else []
)
JOINT_MOTION = "RC-B10-0249/2025"


def read(corpus: Path, name: str) -> ReadDocument:
    """Read one corpus file by its path relative to the corpus."""
    return read_path(corpus / name)[1]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_corpus_file_reads_with_its_format(corpus: Path, name: str) -> None:
    data, document = read_path(corpus / name)
    assert data == (corpus / name).read_bytes()
    assert document.format == EXPECTED_FORMAT[Path(name).suffix]
    assert document.text.strip()
    assert unicodedata.is_normalized("NFC", document.text)
    assert "\u00a0" not in document.text
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_corpus_holds_every_format(corpus: Path) -> None:
    assert {Path(name).suffix for name in CORPUS_FILES} == set(EXPECTED_FORMAT)


def test_docx_automatic_numbering_becomes_labels(corpus: Path) -> None:
    document = read(corpus, "derived/document_rc-10-2025-0249-en.numbered.docx")
    labelled = [block for block in document.blocks if block.label]
    assert [block.label for block in labelled] == [
        "A.", "B.", "C.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.",
    ]  # fmt: skip
    assert all(block.kind == "list_item" for block in labelled)
    assert all(block.text.startswith("whereas") for block in labelled[:3])
    assert labelled[3].text.startswith("Strongly condemns")
    assert labelled[-1].text.startswith("Instructs its President")
    # The labels are drawn by Word, not written in the text.
    assert not any(block.text.startswith(("A.", "1.")) for block in labelled)


def test_docx_keeps_hyphenated_names_with_a_plain_hyphen(corpus: Path) -> None:
    document = read(corpus, "derived/document_rc-10-2025-0249-en.numbered.docx")
    assert "Antonio López-Istúriz White" in document.text
    assert "\u2011" not in document.text
    assert document.blocks[0].path == "/w:document/w:body/w:p[1]"


def test_pdf_text_is_split_by_pages(corpus: Path) -> None:
    document = read(corpus, "derived/document_rc-10-2025-0249-en.print.pdf")
    assert "whereas" in document.text
    pages = [str(block.path) for block in document.blocks]
    assert pages[0] == "page 1"
    assert sorted(set(pages), key=lambda p: int(p.split()[1])) == [f"page {n}" for n in range(1, 7)]
    assert pages == sorted(pages, key=lambda p: int(p.split()[1]))
    assert JOINT_MOTION in document.metadata["title"]
    assert any(block.text.startswith("A. whereas since February 2022") for block in document.blocks)


def test_cp1252_csv_decodes_accented_names(corpus: Path) -> None:
    document = read(corpus, "ep-open-data/data_v1_meps_9_en.csv")
    assert document.encoding == "cp1252"
    assert len(document.data) == 813
    family_names = {row["mep_family_name"] for row in document.data}
    assert {"Rodríguez Ramos", "López-Istúriz White", "Ždanoka", "Hajšel"} <= family_names
    assert "\ufffd" not in document.text
    assert document.data[0]["mep_given_name"] == "Charles"


def test_large_csv_keeps_rows_whose_titles_span_lines(corpus: Path) -> None:
    document = read(corpus, "parlparse/item_rollcall.csv")
    assert len(document.data) == 19303
    assert list(document.data[0]) == [
        "identifier", "date", "report", "desc", "title", "for", "against", "abstention",
    ]  # fmt: skip
    assert sum("\n" in row["title"] for row in document.data) > 100
    assert document.warnings == []


def test_small_csv_rows_are_blocks_by_line(corpus: Path) -> None:
    document = read(corpus, "mepwatch/cards/_index_2021-02-11_2022-01-20.csv")
    assert document.blocks[0].path == "line 1"
    assert document.blocks[0].text.startswith("identifier,date,report")
    assert len(document.blocks) == len(document.data) + 1
    assert document.data[0]["report"] == "RC-B9-0119/2021"


def test_markdown_front_matter_and_body(corpus: Path) -> None:
    document = read(corpus, "press-and-news/pirati-cz-2022-01-07-kazakhstan.md")
    assert document.metadata["date"] == "2022-01-07"
    assert document.metadata["layout"] == "post"
    assert document.metadata["title"].startswith("Gregorová: Situace v Kazachstánu eskaluje")
    assert document.metadata["tags"] == "europarlament kazachstán gregorová"
    assert "author" not in document.metadata  # empty in the file
    assert document.text.startswith("Brusel, 7. ledna 2022")
    assert "---" not in document.text.splitlines()


def test_markdown_links_render_as_text_and_nested_keys_are_dotted(corpus: Path) -> None:
    document = read(corpus, "press-and-news/icij-en-2025-11-transnational-repression.md")
    assert document.metadata["structured_data.publisher.name"] == "gtcode.com"
    assert document.metadata["language"] == "en"
    assert "](" not in document.text
    assert "a statement from the parliament said" in document.text


def test_markdown_ordered_list_numbers_are_labels(corpus: Path) -> None:
    name = "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md"
    document = read(corpus, name)
    numbered = [block for block in document.blocks if block.label]
    assert [block.label for block in numbered] == ["1.", "2.", "3.", "4."]
    assert all(block.text.startswith("considérant") for block in numbered)
    heading = next(block for block in document.blocks if block.kind == "heading")
    assert heading.level == 1
    assert document.metadata["date"].startswith("2025-03-13T15:47:31")


def test_html_metadata_and_blocks_of_the_doceo_page(corpus: Path) -> None:
    document = read(corpus, "howtheyvote/document_rc-10-2025-0249-en.html")
    assert document.metadata["lang"] == "en"
    assert document.metadata["title"].startswith(
        "JOINT MOTION FOR A RESOLUTION on the return of Ukrainian children"
    )
    assert JOINT_MOTION in document.metadata["title"]
    headings = [block for block in document.blocks if block.kind == "heading"]
    assert headings[0].level == 1
    assert headings[0].text.startswith("JOINT MOTION FOR A RESOLUTION")
    recital = next(block for block in document.blocks if block.text.startswith("A. whereas"))
    assert recital.path is not None
    assert document.tree.xpath(recital.path)[0].tag == "p"
    assert "window." not in document.text  # no script


def test_html_press_release_metadata(corpus: Path) -> None:
    document = read(corpus, "howtheyvote/press-release_20250204IPR26689.html")
    assert document.metadata["og:title"].startswith("MEPs: Georgia")
    assert document.metadata["lang"] == "en"


def test_xml_tree_root_of_roll_call_files(corpus: Path) -> None:
    document = read(corpus, "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml")
    assert document.tree.getroot().tag == "PV.RollCallVoteResults"
    votes = read(corpus, "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml")
    assert votes.tree.getroot().tag == "file"
    assert "RC-B10-0249/2025" in votes.text
    block = votes.blocks[0]
    assert block.path is not None
    assert votes.tree.xpath(block.path)[0].text.strip() == block.text


def test_xml_with_a_doctype_pointing_to_the_network_reads_offline(corpus: Path) -> None:
    document = read(corpus, "howtheyvote/rcv_list_p9-pv(2020)07-23(rcv)_xc.xml")
    assert document.tree.getroot().tag == "PV.RollCallVoteResults"
    assert "B9-0229/2020" in document.text


def test_json_ld_data_and_human_text(corpus: Path) -> None:
    document = read(corpus, "howtheyvote/odp-document_rc-10-2025-0249.json")
    assert isinstance(document.data, dict)
    assert document.data["data"][0]["id"].endswith("RC-10-2025-0249")
    assert all(block.path and block.path.startswith("/") for block in document.blocks)
    assert not any(block.text.startswith(("http", "eli/", "org/")) for block in document.blocks)
    assert any("COMMON MOTION" in b.text or "JOINT MOTION" in b.text for b in document.blocks)


def test_copied_text_is_one_block_per_line(corpus: Path) -> None:
    document = read(corpus, "text-dumps/press-release_20250204IPR26689.txt")
    assert document.blocks[0].path == "line 1"
    assert document.blocks[0].kind == "line"
    assert document.blocks[0].text.startswith("• Access to page content")
    assert document.blocks[1].path == "line 3"  # blank lines are not blocks
