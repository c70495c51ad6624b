"""Fetch one plenary sitting: its ODP record and vote results, minutes, VOT and RCV lists."""

from __future__ import annotations

from datetime import date

from whereas.sources.documents import fetch_vote_lists
from whereas.sources.run import FetchItem, FetchRun
from whereas.sources.urls import doceo, minutes_id, odp_meeting, odp_vote_results


def fetch_sitting(run: FetchRun, day: date) -> None:
    """Everything the EP publishes about the votes of one sitting day."""
    shown = day.isoformat()
    run.get(FetchItem(odp_meeting(day), f"ODP sitting {shown}", "json"))
    run.get(FetchItem(odp_vote_results(day), f"ODP vote results {shown}", "json"))
    language = run.options.language
    run.get(FetchItem(
        doceo(minutes_id(day), language, "html"), f"minutes {shown} ({language})", "html",
        language=language,
    ))
    fetch_vote_lists(run, day)
