"""Resolution pages with footnotes: invented doceo-shaped texts adopted, and the real joint motion
of the corpus read with a footnote added to its first citation (its text stays in the corpus)."""

from __future__ import annotations

from pathlib import Path

# A citation's footnote naming earlier texts adopted in both forms, and a recital's naming the
# Official Journal, a procedure and a motion.
CITED_NOTES = (
    "Texts adopted, P9_TA(2022)0012 and TA-9-2021-0101.",
    "OJ C 202, 7.6.2016, p. 389; 2021/2540(RSP), B9-0065/2022.",
)


def adopted_page(reference: str, procedure: str, notes: tuple[str, ...] = ()) -> bytes:
    """A doceo text adopted: a citation with marker (1), a recital with marker (2), the notes
    (their bodies in a table under the text, each number in a cell of its own)."""
    marks = ['<sup><a href="#def_1_1">(1)</a></sup>', "<sup>(2)</sup>"] if notes else ["", ""]
    rows = "".join(
        f"<tr><td><p>({i})</p></td><td><p>{body}</p></td></tr>" for i, body in enumerate(notes, 1)
    )
    html = (
        '<html lang="en"><head><title>Texts adopted - Freedonia</title></head><body>'
        f"<p>Texts adopted</p><p>{reference}</p><p>Thursday, 20 January 2022 - Strasbourg</p>"
        "<p>European Parliament resolution of 20 January 2022 on the situation in Freedonia "
        f"({procedure})</p><p>The European Parliament,</p>"
        f"<p>– having regard to its previous resolutions on Freedonia{marks[0]},</p>"
        f"<p>A. whereas the Charter{marks[1]} binds the Union;</p>"
        "<p>1. Instructs its President to forward this resolution to the Council.</p>"
        f"<table>{rows}</table><p>Last updated: 21 January 2022</p></body></html>"
    )
    return html.encode()


def citing_page() -> bytes:
    """P9_TA(2022)0013, whose citation's footnote names P9_TA(2022)0012 and P9_TA(2021)0101."""
    return adopted_page("P9_TA(2022)0013", "2022/2505(RSP)", CITED_NOTES)


REAL_PAGE = "howtheyvote/document_rc-10-2025-0249-en.html"
REAL_NOTE = "Texts adopted, P9_TA(2022)0012, TA-9-2023-0056 and P10_TA(2024)0012."
_CITATION = "against Ukraine, </span>"  # the end of "having regard to its previous resolutions"
_FOOTER = '<div class="container-fluid"><div class="separator separator-dotted'


def real_page_with_footnote(corpus: Path) -> bytes:
    """The corpus joint motion with marker (1) on its first citation and the footnote under it."""
    page = (corpus / REAL_PAGE).read_text("utf-8")
    assert page.count(_CITATION) == 1 and page.count(_FOOTER) == 1
    table = f"<table><tr><td><p>(1)</p></td><td><p>{REAL_NOTE}</p></td></tr></table>"
    page = page.replace(_CITATION, "against Ukraine<sup>(1)</sup>, </span>")
    return page.replace(_FOOTER, table + _FOOTER).encode()
