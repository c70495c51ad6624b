"""`whereas fetch ...` and `whereas update`: live fetching from the EP, one line per item on stdout.

Register with `whereas.cli.fetch.register(app)`. Exit 0 when every item was fetched, 1 when some
item failed (the rest is stored), 2 on a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from whereas.cli.options import DbOption, open_store
from whereas.errors import InvalidReference
from whereas.sources import (
    Clock,
    FetchOptions,
    FetchOutcome,
    FetchRun,
    PoliteClient,
    fetch_country,
    fetch_procedure,
    fetch_sitting,
    fetch_url,
    load_fetch_settings,
    update,
)
from whereas.store import Store

fetch_app = typer.Typer(
    name="fetch",
    help="Fetch from the European Parliament's services into the store.",
    no_args_is_help=True,
)
err = Console(stderr=True, highlight=False)
make_clock: Callable[[], Clock] = Clock  # tests replace it: nobody sleeps for real in the suite

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="List what would be fetched; store nothing.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
LanguageOption = Annotated[
    str | None,
    typer.Option("--language", help="Document language (default WHEREAS_FETCH_LANGUAGE or en)."),
]
FormatOption = Annotated[
    list[str] | None,
    typer.Option("--format", help="html, pdf or docx; repeat for several (default html)."),
]
CacheOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Raw response cache (default WHEREAS_CACHE_DIR)."),
]


def _open_store(db: str | None, dry_run: bool) -> Store | None:
    return None if dry_run else open_store(db)


def _line(outcome: FetchOutcome) -> str:
    detail = outcome.reason or outcome.reference or outcome.kind or ""
    fields = [outcome.status, outcome.item.what, outcome.item.url, " ".join(detail.split())]
    return "\t".join(fields).rstrip("\t")


@contextmanager
def _run(
    db: str | None,
    dry_run: bool,
    quiet: bool,
    language: str | None,
    formats: list[str] | None,
    cache_dir: Path | None = None,
    revalidate: bool = False,
) -> Iterator[FetchRun]:
    """A fetch run wired to the store, the cache and the console; exits 1 if an item failed."""
    settings = load_fetch_settings()
    if cache_dir is not None:
        settings = replace(settings, cache_dir=cache_dir)
    options = FetchOptions(
        language=(language or settings.language).lower(),
        formats=tuple(f.lower() for f in formats) if formats else settings.formats,
        dry_run=dry_run,
        revalidate=revalidate,
    )
    store = _open_store(db, dry_run)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("fetch {task.completed} items"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet,
    )
    task = progress.add_task("", total=None)

    def report(outcome: FetchOutcome) -> None:
        sys.stdout.write(_line(outcome) + "\n")
        if outcome.failed:
            sys.stderr.write(f"whereas: {outcome.status} {outcome.item.url}: {outcome.reason}\n")
        progress.update(task, advance=1, description=outcome.item.what[:60])

    with PoliteClient(settings, clock=make_clock()) as client, progress:
        run = FetchRun(client, store, options, on_outcome=report)
        try:
            yield run
        except InvalidReference as exc:
            err.print(f"whereas: {exc}")
            raise typer.Exit(2) from exc
    if run.failed:
        raise typer.Exit(1)


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        err.print(f"whereas: not a date (YYYY-MM-DD): {value!r}")
        raise typer.Exit(2) from exc


@fetch_app.command("procedure")
def fetch_procedure_command(
    reference: Annotated[str, typer.Argument(help="2022/2505(RSP), eli/dl/proc/2022-2505, ...")],
    db: DbOption = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    language: LanguageOption = None,
    formats: FormatOption = None,
    cache_dir: CacheOption = None,
) -> None:
    """Everything about one procedure: ODP record, motions, joint motion, text adopted, votes."""
    with _run(db, dry_run, quiet, language, formats, cache_dir) as run:
        fetch_procedure(run, reference)


@fetch_app.command("sitting")
def fetch_sitting_command(
    day: Annotated[str, typer.Argument(help="The sitting date, YYYY-MM-DD.")],
    db: DbOption = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    language: LanguageOption = None,
    cache_dir: CacheOption = None,
) -> None:
    """The votes of one sitting: ODP record and vote results, minutes, VOT and RCV lists."""
    sitting = _parse_day(day)
    with _run(db, dry_run, quiet, language, None, cache_dir) as run:
        fetch_sitting(run, sitting)


@fetch_app.command("url")
def fetch_url_command(
    url: Annotated[str, typer.Argument(help="Any page: a press release, an article, a file.")],
    db: DbOption = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    cache_dir: CacheOption = None,
) -> None:
    """One page of any kind."""
    if not url.startswith(("http://", "https://")):
        err.print(f"whereas: not an http(s) URL: {url!r}")
        raise typer.Exit(2)
    with _run(db, dry_run, quiet, None, None, cache_dir) as run:
        fetch_url(run, url)


@fetch_app.command("country")
def fetch_country_command(
    name: Annotated[str, typer.Argument(help="A country as written in titles: Kazakhstan.")],
    since: Annotated[
        int | None, typer.Option("--since", help="First year (default: this one).")
    ] = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    language: LanguageOption = None,
    formats: FormatOption = None,
    cache_dir: CacheOption = None,
) -> None:
    """Every procedure whose text adopted since a year has the country in its title."""
    with _run(db, dry_run, quiet, language, formats, cache_dir) as run:
        fetch_country(run, name, since or date.today().year)


def update_command(
    since: Annotated[
        str | None, typer.Option("--since", help="YYYY-MM-DD (default: a week ago).")
    ] = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    language: LanguageOption = None,
    formats: FormatOption = None,
    cache_dir: CacheOption = None,
) -> None:
    """New and changed resolutions since a date (conditional requests; old versions are kept)."""
    start = _parse_day(since) if since else date.today() - timedelta(days=7)
    with _run(db, dry_run, quiet, language, formats, cache_dir, revalidate=True) as run:
        update(run, start)


def register(app: typer.Typer) -> None:
    """Add `whereas fetch ...` and `whereas update` to the main application."""
    app.add_typer(fetch_app, name="fetch")
    app.command("update")(update_command)
