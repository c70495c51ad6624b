"""`whereas search QUERY`: ranked clauses and documents, with filters and facets."""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from whereas.cli.options import open_store
from whereas.search import SearchResults, search
from whereas.search.results import Mode

_MARK = re.compile(r"</?mark>")


def register(app: typer.Typer) -> None:
    """Add the `search` command to the whereas CLI."""
    app.command(name="search")(search_command)


def search_command(
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND/OR/NOT, -word, prefix*.')],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: WHEREAS_DATABASE_URL)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Document kind (joint_motion...) or clause kind (recital...)."),
    ] = None,
    language: Annotated[
        list[str] | None, typer.Option("--language", help="Language code (en, fr, cs...).")
    ] = None,
    year: Annotated[list[int] | None, typer.Option("--year", help="Year of the document.")] = None,
    date_from: Annotated[
        datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="Dated on or after.")
    ] = None,
    date_to: Annotated[
        datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Dated on or before.")
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", help="Country it is about (kz, Kazakhstan).")
    ] = None,
    group: Annotated[list[str] | None, typer.Option("--group", help="Tabling group.")] = None,
    verb: Annotated[list[str] | None, typer.Option("--verb", help="Verb of a clause.")] = None,
    addressee: Annotated[
        list[str] | None, typer.Option("--addressee", help="Addressee of a clause.")
    ] = None,
    theme: Annotated[list[str] | None, typer.Option("--theme", help="Theme of a clause.")] = None,
    procedure_type: Annotated[
        list[str] | None, typer.Option("--procedure-type", help="RSP, INI, ...")
    ] = None,
    mode: Annotated[
        Mode, typer.Option("--mode", help="lexical, hybrid (with vectors) or semantic.")
    ] = "lexical",
    like: Annotated[
        int | None, typer.Option("--like", help="Clauses like this clause id (QUERY ignored).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Results.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip results.")] = 0,
) -> None:
    """Search clauses and documents; a reference in any form goes straight to its record."""
    store = open_store(db)
    try:
        with store.session() as session:
            results = search(
                session,
                query,
                kind=kind or (),
                language=language or (),
                year=year or (),
                date_from=date_from.date() if date_from else None,
                date_to=date_to.date() if date_to else None,
                country=country or (),
                group=group or (),
                verb=verb or (),
                addressee=addressee or (),
                theme=theme or (),
                procedure_type=procedure_type or (),
                mode=mode,
                like=like,
                limit=limit,
                offset=offset,
            )
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(results.as_json(), ensure_ascii=False) + "\n")
    else:
        render_results(Console(highlight=False, soft_wrap=True), results)


def render_results(out: Console, results: SearchResults) -> None:
    """Direct hits, then one block per hit with its snippet's matches in bold."""
    for direct in results.direct:
        label = "" if direct.exact else " (partial)"
        out.print(f"→ {escape(direct.reference)} [{direct.kind}]{label}: ", end="")
        out.print(", ".join(d[:12] for d in direct.document_ids), markup=False)
    shown = f"{results.offset + 1}-{results.offset + len(results.hits)}" if results.hits else "0"
    floor = "" if results.total_exact else "+"
    out.print(f"{results.total}{floor} results ({shown} shown)")
    for hit in results.hits:
        where = hit.reference or hit.document_id[:12]
        label = f" {hit.clause_kind} {hit.label or ''}".rstrip() if hit.entry == "clause" else ""
        date = hit.date.isoformat() if hit.date else "-"
        out.print(
            f"[bold]{escape(where)}[/bold]{escape(label)} · {hit.kind} · {date} · "
            f"{escape(hit.procedure or '-')} · {hit.score:.3f}"
        )
        out.print("  " + _bold_marks(hit.snippet))
    if results.total:
        facets = results.facets
        for name, counts in (("kind", facets.kind), ("language", facets.language)):
            out.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), markup=False)
        out.print("year: " + ", ".join(f"{k} {v}" for k, v in facets.year.items()), markup=False)
        for name in ("country", "group", "procedure_type"):
            counts = getattr(facets, name)
            if counts:
                line = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:10])
                out.print(f"{name}: {line}", markup=False)


def _bold_marks(snippet: str) -> str:
    import html

    parts = _MARK.split(snippet)
    # Even parts are outside <mark>, odd parts inside (the snippet never nests marks).
    plain = [escape(html.unescape(p)) for p in parts]
    return "".join(f"[bold yellow]{p}[/bold yellow]" if i % 2 else p for i, p in enumerate(plain))
