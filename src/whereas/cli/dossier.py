"""`whereas dossier COUNTRY`: every procedure about a country and the demands it made."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from whereas.errors import UnknownCountry
from whereas.link.thread.demands import Demand
from whereas.link.thread.dossier import Dossier, country_dossier


def _demand_json(d: Demand) -> dict[str, Any]:
    return {
        "document": d.document_id,
        "position": d.position,
        "label": d.label,
        "date": d.day.isoformat() if d.day else None,
        "procedure": d.procedure,
        "verbs": list(d.verbs),
        "text": d.text,
    }


def dossier_as_json(dossier: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON values."""
    return {
        "country": dossier.country,
        "name": dossier.name,
        "procedures": [
            {
                "procedure": p.procedure,
                "title": p.title,
                "reference": p.reference,
                "kind": p.kind,
                "date": p.day.isoformat() if p.day else None,
                "demands": p.demands,
            }
            for p in dossier.procedures
        ],
        "demands": [
            {
                "theme": g.theme,
                "addressee": g.addressee,
                "count": len(g.demands),
                "first": _demand_json(g.first),
                "latest": _demand_json(g.latest),
            }
            for g in dossier.groups
        ],
        "repeated": [
            {"labels": r.labels, "demands": [_demand_json(d) for d in r.demands]}
            for r in dossier.repeated
        ],
    }


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def render_dossier(console: Console, dossier: Dossier) -> None:
    """Print the dossier: timeline, demands by theme and addressee, repeated demands."""
    console.print(f"[bold]{dossier.name}[/bold] ({len(dossier.procedures)} procedures)")
    for p in dossier.procedures:
        day = p.day.isoformat() if p.day else "          "
        console.print(
            f"  {day}  {p.procedure:<16} {p.reference or '-':<20} {p.title or ''}", markup=False
        )
    console.print("\n[bold]demands by theme and addressee[/bold]")
    for g in dossier.groups:
        first, latest = g.first.day, g.latest.day
        span = f"{first or '?'} .. {latest or '?'}"
        console.print(
            f"  {g.theme:<28} {g.addressee:<24} x{len(g.demands):<3} {span}", markup=False
        )
    console.print(f"\n[bold]demands made again[/bold] ({len(dossier.repeated)})")
    for r in dossier.repeated:
        days = " -> ".join(str(d.day or "?") for d in r.demands)
        console.print(
            f"  {days}  [{', '.join(r.labels)}]  {_short(r.demands[-1].text)}", markup=False
        )


def register(app: typer.Typer) -> None:
    """Add `whereas dossier` to the application."""

    @app.command()
    def dossier(
        country: Annotated[str, typer.Argument(help="A country: English name or ISO code.")],
        db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
    ) -> None:
        """Every procedure about a country, its demands by theme and addressee, and repeats."""
        from whereas.cli.options import err, open_store, out

        store = open_store(db)
        try:
            with store.session() as session:
                try:
                    found = country_dossier(session, country)
                except UnknownCountry as exc:
                    err.print(f"whereas: {exc}", markup=False)
                    raise typer.Exit(2) from exc
                if as_json:
                    text = json.dumps(dossier_as_json(found), ensure_ascii=False)
                    sys.stdout.write(text + "\n")
                else:
                    render_dossier(out, found)
        finally:
            store.close()
