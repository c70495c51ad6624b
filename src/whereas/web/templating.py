"""The Jinja2 environment of the pages: autoescaped, with a few display filters."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from whereas.views.common import EP_NOTICE, EP_TERMS_URL, REFERENCE_LISTS_NOTICE
from whereas.views.people import group_label
from whereas.vocabularies.countries import country

KIND_LABELS = {
    "motion": "motion for a resolution",
    "joint_motion": "joint motion",
    "text_adopted": "text adopted",
    "procedure_file": "procedure file",
    "procedure_summary": "procedure summary",
    "vote_results": "results of votes",
    "roll_call": "roll-call votes",
    "press_release": "press release",
}


def _day(value: date | datetime | None) -> str:
    return value.strftime("%-d %B %Y") if value else "undated"


def _kind(value: str | None) -> str:
    return KIND_LABELS.get(value or "", (value or "").replace("_", " "))


def _country(code: str | None) -> str:
    found = country(code) if code else None
    return found.label if found else (code or "unknown")


def _path(value: str) -> str:
    """A reference as a URL path part: "/" and "(" stay readable, the rest is quoted."""
    return quote(value, safe="/()")


def _snippet(html: str) -> Markup:
    """A search snippet: escaped text with <mark>; anything else in it is escaped again."""
    bare = html.replace("<mark>", "").replace("</mark>", "")
    if "<" in bare or ">" in bare:
        return escape(html)
    return Markup(html)


def _with_offset(params: dict[str, Any], offset: int) -> dict[str, Any]:
    return {k: v for k, v in {**params, "offset": offset}.items() if v not in (None, "")}


@cache
def environment() -> Environment:
    """The environment, made once on first use."""
    env = Environment(
        loader=PackageLoader("whereas.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        day=_day,
        kind=_kind,
        group=group_label,
        country=_country,
        path=_path,
        safe_snippet=_snippet,
        combine_offset=_with_offset,
    )
    env.globals.update(
        EP_NOTICE=EP_NOTICE,
        EP_TERMS_URL=EP_TERMS_URL,
        REFERENCE_LISTS_NOTICE=REFERENCE_LISTS_NOTICE,
        urlencode=urlencode,
    )
    return env


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page rendered from `template`; htmx requests get the page's `partial` block only."""
    env = environment()
    page = env.get_template(template)
    context = {"request": request, "path": request.url.path, "query": request.url.query, **context}
    if request.headers.get("hx-request") == "true" and "partial" in page.blocks:
        ctx = page.new_context(context)
        html = "".join(page.blocks["partial"](ctx))
    else:
        html = page.render(context)
    return HTMLResponse(html, status_code=status, headers={"Vary": "HX-Request"})
