"""Fetch everything about one procedure: ODP record, documents, OEIL file, votes, press."""

from __future__ import annotations

from whereas.recognize.references import is_complete_procedure
from whereas.sources.documents import fetch_document, fetch_sitting_item, fetch_vote_lists
from whereas.sources.plans import ProcedurePlan, plan_from_odp_procedure, plan_from_oeil
from whereas.sources.run import FetchItem, FetchRun
from whereas.sources.urls import (
    odp_procedure,
    oeil_procedure_file,
    oeil_summary,
    press_release,
    procedure_reference,
)


def _oeil_language(language: str) -> str:
    # The Legislative Observatory is published in English and French only.
    return "fr" if language == "fr" else "en"


def plan_procedure(run: FetchRun, procedure: str) -> ProcedurePlan:
    """Fetch the ODP record and the OEIL file of a procedure and read what they lead to."""
    record = run.get(FetchItem(
        odp_procedure(procedure), f"ODP procedure {procedure}", "json", planning=True
    ))
    plan = plan_from_odp_procedure(record) if record else ProcedurePlan()
    label = procedure if is_complete_procedure(procedure) else plan.label
    if label:
        language = _oeil_language(run.options.language)
        page = run.get(FetchItem(
            oeil_procedure_file(label, language), f"OEIL procedure file {label}", "html",
            language=language, planning=True,
        ))
        if page:
            plan.merge(plan_from_oeil(page))
    return plan


def fetch_procedure(run: FetchRun, ref: str) -> ProcedurePlan:
    """Everything about one procedure, written in any form (2022/2505(RSP), eli/dl/proc/...)."""
    plan = plan_procedure(run, procedure_reference(ref))
    for doc_id in plan.documents:
        fetch_document(run, doc_id)
    for day in plan.vote_days:
        fetch_vote_lists(run, day)
    for item_id in plan.sitting_items:
        fetch_sitting_item(run, item_id)
    language = _oeil_language(run.options.language)
    for summary in plan.summaries:
        run.get(FetchItem(
            oeil_summary(summary, language), f"OEIL summary {summary}", "html", language=language
        ))
    for release in plan.press_releases:
        run.get(FetchItem(
            press_release(release, run.options.language), f"press release {release}", "html",
            language=run.options.language,
        ))
    return plan
