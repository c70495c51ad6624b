"""Resolutions clause by clause: motions, joint motions and texts adopted, in every container.

`parse_report(doc, recognition)` reads the motion inside a committee report the same way.
`parse_resolution(doc, recognition)` reads a doceo HTML page, its copied text, a PDF or DOCX of
it, or its EP Open Data Portal JSON record (header only) into a ParsedDocument: header, authors,
groups, clauses (citation, recital, paragraph, point; positions from 1, a point's parent is the
position of its paragraph) with the verbs, addressees and themes of each operative paragraph,
the body without page chrome, and warnings. `parse_clauses(blocks, language)` reads the clauses of
a quoted fragment (a news article quoting a resolution).

Header keys (all values are strings or lists of strings; a key is absent when not found):
- kind: "motion" | "joint_motion" | "text_adopted"
- reference: the document's own reference, human form ("RC-B10-0249/2025")
- title: the title after the kind heading ("on the return of Ukrainian children ...")
- date: the document date, ISO ("2025-05-07")
- procedure: "2025/2691(RSP)"
- language: the language whose formulas read it ("en")
- legal_basis: the rules as printed ("Rules 150(5) and 136(4)")
- rules: the rules cited, ["150(5)", "136(4)"]
- resolution_type: "urgency" (Rules 115/122/135/144/150 in terms 6-10), "statement"
  (Rules 103/110/123/132/136), or "other"
- replaced_motions: the motions a joint motion replaces, ["B10-0249/2025", ...]
- replaced_motion_groups: the group code of each replaced motion, in the same order
- minutes, minutes_item: the minutes of the vote ("PV-10-2025-05-08", "7.2")
- debate, debate_item: the verbatim report linked with it ("CRE-10-2025-05-08", "7.2")
- vote_date: the date of the vote ("2025-05-08"); debate_date (ODP records only)
- text_adopted: the text adopted the page links to ("P10_TA(2025)0096")
"""

from __future__ import annotations

from whereas.parse.resolution.document import parse_resolution
from whereas.parse.resolution.reading import parse_clauses
from whereas.parse.resolution.report import parse_report

__all__ = ["parse_clauses", "parse_report", "parse_resolution"]
