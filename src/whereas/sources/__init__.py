"""Live sources: fetch from the EP's services and the web, politely and cached, into the store."""

from __future__ import annotations

from whereas.config import FetchSettings, load_fetch_settings
from whereas.sources.http import Clock, PoliteClient
from whereas.sources.pages import fetch_url
from whereas.sources.procedure import fetch_procedure
from whereas.sources.run import FetchItem, FetchOptions, FetchOutcome, FetchRun
from whereas.sources.search import fetch_country, update
from whereas.sources.sitting import fetch_sitting

__all__ = [
    "Clock",
    "FetchItem",
    "FetchOptions",
    "FetchOutcome",
    "FetchRun",
    "FetchSettings",
    "PoliteClient",
    "fetch_country",
    "fetch_procedure",
    "fetch_sitting",
    "fetch_url",
    "load_fetch_settings",
    "update",
]
