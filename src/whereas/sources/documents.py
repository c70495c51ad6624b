"""Fetch one EP document (its ODP record and its doceo files) and the vote lists of one sitting."""

from __future__ import annotations

from datetime import date

from whereas.sources.run import FetchItem, FetchRun
from whereas.sources.urls import doceo, odp_document, reference_of_document_id, votes_xml

# doceo serves these extensions; the ODP record lists the same files as "manifestations".
DOCEO_FORMATS = ("html", "pdf", "docx")


def fetch_document(run: FetchRun, doc_id: str) -> None:
    """The ODP record of a B/RC/A/TA document and its doceo files in the run's language."""
    shown = reference_of_document_id(doc_id) or doc_id
    run.get(FetchItem(odp_document(doc_id), f"ODP record {shown}", "json"))
    language = run.options.language
    for fmt in run.options.formats:
        if fmt in DOCEO_FORMATS:
            run.get(FetchItem(
                doceo(doc_id, language, fmt), f"{shown} ({language}, {fmt})", fmt,
                language=language,
            ))


def fetch_vote_lists(run: FetchRun, day: date) -> None:
    """The results of votes (VOT) and roll-call (RCV) XML of one sitting."""
    language = run.options.language
    for annex, what in (("VOT", "results of votes"), ("RCV", "roll-call votes")):
        run.get(FetchItem(
            votes_xml(day, annex, language), f"{what} {day.isoformat()} ({language})", "xml",
            language=language,
        ))


def fetch_sitting_item(run: FetchRun, item_id: str) -> None:
    """The doceo page of one item of the minutes (PV-...-ITM-...) or of the debates (CRE-...)."""
    language = run.options.language
    kind = "minutes" if item_id.startswith("PV-") else "debate"
    run.get(FetchItem(
        doceo(item_id, language, "html"), f"{kind} {item_id} ({language})", "html",
        language=language,
    ))
