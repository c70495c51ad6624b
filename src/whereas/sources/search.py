"""Find procedures through the ODP searches and feeds: by country (title), and what changed."""

from __future__ import annotations

from datetime import date

from whereas.sources.documents import fetch_document
from whereas.sources.plans import documents_named, procedures_named
from whereas.sources.procedure import fetch_procedure
from whereas.sources.run import FetchItem, FetchRun
from whereas.sources.urls import odp_adopted_text_search, odp_document, odp_feed


def _procedures_of_texts(run: FetchRun, doc_ids: list[str]) -> tuple[list[str], list[str]]:
    """Procedures named by the ODP records of texts adopted, and the texts that name none."""
    procedures: list[str] = []
    orphans: list[str] = []
    for doc_id in doc_ids:
        record = run.get(FetchItem(odp_document(doc_id), f"ODP record {doc_id}", "json",
                                   planning=True))
        named = procedures_named(record) if record else []
        procedures += [p for p in named if p not in procedures]
        if not named:
            orphans.append(doc_id)
    return procedures, orphans


def _fetch_all(run: FetchRun, procedures: list[str], orphans: list[str]) -> list[str]:
    for process in procedures:
        fetch_procedure(run, f"eli/dl/proc/{process}")
    for doc_id in orphans:
        fetch_document(run, doc_id)
    return procedures


def fetch_country(run: FetchRun, name: str, since: int, until: date | None = None) -> list[str]:
    """Procedures whose texts adopted since `since` (a year) have `name` in their title."""
    until = until or date.today()
    search = run.get(FetchItem(
        odp_adopted_text_search(name, date(since, 1, 1), until, run.options.language),
        f"ODP search of texts adopted on {name} since {since}", "json", ingest=False,
        planning=True,
    ))
    texts = [d for d in documents_named(search or b"") if d.startswith("TA-")]
    return _fetch_all(run, *_procedures_of_texts(run, texts))


def update(run: FetchRun, since: date) -> list[str]:
    """Procedures of resolutions (RSP) and texts adopted published or changed since `since`."""
    feed = run.get(FetchItem(
        odp_feed("procedures", since, process_type="RSP"), f"ODP feed of procedures since {since}",
        "json", ingest=False, planning=True,
    ))
    texts_feed = run.get(FetchItem(
        odp_feed("adopted-texts", since, work_type="TEXT_ADOPTED"),
        f"ODP feed of texts adopted since {since}", "json", ingest=False, planning=True,
    ))
    procedures = procedures_named(feed or b"")
    texts = [d for d in documents_named(texts_feed or b"") if d.startswith("TA-")]
    more, orphans = _procedures_of_texts(run, texts)
    return _fetch_all(run, procedures + [p for p in more if p not in procedures], orphans)
