"""Read a PDF's text layer with pypdfium2: one block per line, located by page."""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2

from whereas.config import Limits
from whereas.errors import EmptyDocument, UnreadableDocument
from whereas.read.blocks import assemble, squash
from whereas.read.document import Block, ReadDocument

# pdfium marks soft hyphens and a few layout artefacts with these code points.
_ARTEFACTS = str.maketrans({"\ufffe": None, "\x02": None, "\x03": None})


def read_pdf(data: bytes, limits: Limits) -> ReadDocument:
    """Read the text of every page (up to limits.max_pdf_pages) and the PDF info dictionary."""
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnreadableDocument(f"damaged PDF: {exc}") from exc
    try:
        pages = len(pdf)
        warnings: list[str] = []
        if pages > limits.max_pdf_pages:
            warnings.append(f"PDF has {pages} pages: read the first {limits.max_pdf_pages}")
        blocks = list(_blocks(pdf, min(pages, limits.max_pdf_pages)))
        metadata = _metadata(pdf)
    except pypdfium2.PdfiumError as exc:
        raise UnreadableDocument(f"damaged PDF: {exc}") from exc
    finally:
        pdf.close()
    if not blocks:
        raise EmptyDocument(f"PDF of {pages} pages has no text layer (scanned images?)")
    return assemble(
        "pdf", blocks, max_chars=limits.max_text_chars, metadata=metadata, warnings=warnings
    )


def _blocks(pdf: pypdfium2.PdfDocument, pages: int) -> Iterator[Block]:
    for index in range(pages):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
        finally:
            page.close()
        for line in text.translate(_ARTEFACTS).splitlines():
            cleaned = squash(line)
            if cleaned:
                yield Block(text=cleaned, kind="line", path=f"page {index + 1}")


def _metadata(pdf: pypdfium2.PdfDocument) -> dict[str, str]:
    info = pdf.get_metadata_dict(skip_empty=True)
    return {key.lower(): squash(str(value)) for key, value in info.items() if str(value).strip()}
