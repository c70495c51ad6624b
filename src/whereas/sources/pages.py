"""Fetch any page by URL: a group's press release, a news article, a statement, an EP file."""

from __future__ import annotations

import re

from whereas.sources.run import FetchItem, FetchRun

# doceo files end in _EN.html; the press room and OEIL carry the language in the path.
_FILE_LANGUAGE = re.compile(r"_([A-Z]{2})\.(?:html|xml|pdf|docx)(?:$|[?#])")
_PATH_LANGUAGE = re.compile(r"europa\.eu/(?:news|oeil)/([a-z]{2})/")


def language_of_url(url: str) -> str | None:
    """The language an EP URL asks for, if it names one."""
    m = _FILE_LANGUAGE.search(url) or _PATH_LANGUAGE.search(url)
    return m[1].lower() if m else None


def fetch_url(run: FetchRun, url: str) -> None:
    """One page of any kind, checked against the language its URL asks for."""
    run.get(FetchItem(url, url, "any", language=language_of_url(url)))
