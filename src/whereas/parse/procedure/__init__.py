"""Procedure files: the EP Open Data Portal procedure record and the Legislative Observatory page.

Both give the procedure's title and type, its events (debate, vote, decision...) and the texts
that belong to it (ParsedDocument.procedures: reference -> procedure), which is how a vote on
RC-B10-0249/2025 finds its procedure 2025/2691(RSP) when the joint motion itself is not stored.
"""

from __future__ import annotations

from whereas.parse.procedure.odp import parse_odp_procedure
from whereas.parse.procedure.oeil import parse_oeil_procedure
from whereas.parse.records import ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition


def parse_procedure_file(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Parse an ODP procedure (JSON) or an OEIL procedure file (HTML or copied text)."""
    if doc.format == "json":
        return parse_odp_procedure(doc, recognition)
    return parse_oeil_procedure(doc, recognition)


__all__ = ["parse_procedure_file"]
