"""An Atom feed (RFC 4287) of the newest procedures and documents, per country and per theme.

A record is about a country when its title, or the title of a procedure it belongs to or reports
on, names the country in English; it is on a theme when one of its clauses (or, for a procedure,
a clause of one of its documents) carries the theme id. Records without any date are left out:
a feed of news cannot place them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from lxml import etree
from sqlalchemy.orm import Session

from whereas.export.json_export import build_export
from whereas.export.terms import provenance
from whereas.vocabularies.countries import Country, country, country_code
from whereas.vocabularies.lexicon import theme_ids

ATOM = "http://www.w3.org/2005/Atom"
OEIL = "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference={ref}"
Doc = Mapping[str, Any]


@dataclass(frozen=True)
class FeedEntry:
    """One record of the feed."""

    id: str
    title: str
    updated: str
    link: str | None
    summary: str
    categories: tuple[str, ...]
    rights: str


def _words(c: Country) -> re.Pattern[str]:
    """The country's English names and adjectives (Ukraine, Ukrainian; Kazakhstan, Kazakhstani)."""
    # Labels such as "Myanmar/Burma" or "Congo (Democratic Republic of)" hold several names.
    parts = {p.strip() for label in (c.label, c.alt_label) for p in re.split(r"[/(),]", label)}
    names = sorted((p for p in parts if len(p) > 2), key=len, reverse=True)
    stems = [re.escape(n.rstrip("aeiouy")) for n in names if " " not in n]
    forms = [re.escape(n) for n in names] + [rf"{s}(?:ian|an|n|i|is|ese|s)" for s in stems]
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.I)


def resolve_country(label: str) -> Country:
    """The country a --country value names; ValueError when it names none."""
    code = country_code(label)
    found = country(code) if code else None
    if found is None:
        raise ValueError(f"no country called {label!r} (use an English name or an ISO code)")
    return found


def resolve_theme(theme: str) -> str:
    """The theme id a --theme value names; ValueError when it is not a documented id."""
    if theme not in theme_ids():
        raise ValueError(f"unknown theme {theme!r} (known: {', '.join(sorted(theme_ids()))})")
    return theme


class _Selection:
    """Which documents and procedures pass the country and theme filters."""

    def __init__(self, value: Mapping[str, Any], place: Country | None, theme: str | None):
        titles = {p["reference"]: p.get("title") or "" for p in value["procedures"]}
        pattern = _words(place) if place else None
        self.documents: set[str] = set()
        for d in value["documents"]:
            procs = [d.get("procedure"), *d.get("reports_on", [])]
            text = " ".join([d.get("title") or "", *(titles.get(p or "", "") for p in procs)])
            on_theme = theme is None or any(theme in c["themes"] for c in d["clauses"])
            if on_theme and (pattern is None or pattern.search(text)):
                self.documents.add(d["id"])
        self.procedures = {
            p["reference"]
            for p in value["procedures"]
            if (pattern and pattern.search(p.get("title") or "") and theme is None)
            or self.documents & set(p["documents"])
        }


def _rights(docs: Iterable[Doc]) -> str:
    return " ".join(t["notice"] for t in provenance(docs)["terms"] if t["id"] != "cc-by-4.0")


def _document_entry(d: Doc) -> FeedEntry:
    name = d.get("reference") or d.get("title") or d["id"][:16]
    themes = sorted({t for c in d["clauses"] for t in c["themes"]})
    summary = f"{d['kind'].replace('_', ' ')} of {d['date']}"
    if d.get("publisher"):
        summary += f", published by {d['publisher']}"
    return FeedEntry(
        id=f"urn:whereas:document:{d['id']}",
        title=f"{name}: {d.get('title') or ''}".rstrip(": "),
        updated=f"{d['date']}T00:00:00Z",
        link=d["source"]["url"],
        summary=summary,
        categories=(d["kind"], *themes),
        rights=_rights([d]),
    )


def _procedure_entry(p: Doc, docs: list[Doc]) -> FeedEntry | None:
    dates = [d["date"] for d in docs if d.get("date")]
    if not dates:
        return None
    kinds = sorted({d["kind"] for d in docs})
    return FeedEntry(
        id=f"urn:whereas:procedure:{quote(p['reference'], safe='()')}",
        title=f"{p['reference']}: {p.get('title') or ''}".rstrip(": "),
        updated=f"{max(dates)}T00:00:00Z",
        link=OEIL.format(ref=quote(p["reference"], safe="/()")),
        summary=f"procedure with {len(docs)} documents ({', '.join(kinds)})",
        categories=("procedure",),
        rights=_rights(docs),
    )


def feed_entries(
    value: Mapping[str, Any], *, country: str | None = None, theme: str | None = None
) -> list[FeedEntry]:
    """The entries of the feed, newest first (ties in id order)."""
    place = resolve_country(country) if country else None
    chosen = _Selection(value, place, resolve_theme(theme) if theme else None)
    by_id = {d["id"]: d for d in value["documents"]}
    entries = [_document_entry(by_id[i]) for i in chosen.documents if by_id[i].get("date")]
    for p in value["procedures"]:
        if p["reference"] in chosen.procedures:
            entry = _procedure_entry(p, [by_id[i] for i in p["documents"] if i in by_id])
            if entry:
                entries.append(entry)
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> None:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    el.text = text


def _title(country: str | None, theme: str | None) -> str:
    title = "whereas: new procedures and documents"
    if country:
        title += f" about {resolve_country(country).label}"
    return title + (f" on {theme.replace('_', ' ')}" if theme else "")


def atom_feed(
    session: Session, *, country: str | None = None, theme: str | None = None, limit: int = 200
) -> str:
    """The Atom feed of the store's newest records (at most `limit`), as XML text."""
    value = build_export(session)
    entries = feed_entries(value, country=country, theme=theme)[:limit]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    query = "&".join(f"{k}={quote(v)}" for k, v in (("country", country), ("theme", theme)) if v)
    _sub(feed, "id", f"urn:whereas:feed{'?' + query if query else ''}")
    _sub(feed, "title", _title(country, theme))
    _sub(feed, "updated", entries[0].updated if entries else "1970-01-01T00:00:00Z")
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _sub(author, "name", "whereas")
    _sub(feed, "generator", "whereas")
    block = provenance(value["documents"])
    _sub(feed, "rights", " ".join(f"{t['name']}: {t['notice']}" for t in block["terms"]))
    for e in entries:
        _entry(feed, e)
    text: str = etree.tostring(feed, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text


def _entry(feed: etree._Element, e: FeedEntry) -> None:
    entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
    _sub(entry, "id", e.id)
    _sub(entry, "title", e.title)
    _sub(entry, "updated", e.updated)
    if e.link:
        _sub(entry, "link", href=e.link)
    for term in e.categories:
        _sub(entry, "category", term=term)
    _sub(entry, "summary", e.summary)
    if e.rights:
        _sub(entry, "rights", e.rights)
