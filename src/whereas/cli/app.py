"""Typer commands. Results go to stdout, diagnostics to stderr; exit 0 ok, 1 rejected, 2 usage."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from sqlalchemy.exc import ProgrammingError

from whereas.cli.options import DbOption, JsonOption, QuietOption, err, open_store, out
from whereas.config import Limits, load_settings
from whereas.errors import UnknownReference
from whereas.ingest import IngestResult, expand_paths, ingest_stream, link_store
from whereas.store import Store

app = typer.Typer(
    name="whereas",
    help="Track parliamentary resolutions on human rights: ingest, link, search and export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


WARNINGS_SHOWN = 5


def _report(result: IngestResult, quiet: bool) -> None:
    # One line per file, never wrapped: scripts grep these.
    if result.status == "rejected":
        sys.stderr.write(f"whereas: rejected {result.path}: {_one_line(result.reason)}\n")
    elif not quiet:
        # A dataset can carry a warning per malformed row: show a few, count the rest.
        shown = result.warnings[:WARNINGS_SHOWN]
        for warning in shown:
            sys.stderr.write(f"whereas: warning {result.path}: {_one_line(warning)}\n")
        if len(result.warnings) > len(shown):
            more = len(result.warnings) - len(shown)
            sys.stderr.write(
                f"whereas: warning {result.path}: ... and {more} more warnings, "
                "stored with the document\n"
            )


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


TimeoutOption = Annotated[
    float | None,
    typer.Option(
        min=0.1, help="Seconds to read and parse one file (default: WHEREAS_MAX_SECONDS, 60)."
    ),
]
MemoryOption = Annotated[
    int | None,
    typer.Option(
        "--memory",
        min=16,
        help="MB of memory to read and parse one file (default: WHEREAS_MAX_MEMORY_MB, 2048).",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=0, help="Worker processes (default: WHEREAS_INGEST_WORKERS, up to 2); 0: no limits."
    ),
]


def _ingest_limits(
    db: str | None, timeout: float | None, memory: int | None, workers: int | None
) -> Limits:
    """The limits of WHEREAS_* variables, with those given as options instead."""
    limits = load_settings(db).limits
    return dataclasses.replace(
        limits,
        max_seconds=limits.max_seconds if timeout is None else timeout,
        max_memory_mb=limits.max_memory_mb if memory is None else memory,
        workers=limits.workers if workers is None else workers,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    timeout: TimeoutOption = None,
    memory: MemoryOption = None,
    workers: WorkersOption = None,
) -> None:
    """Read files of any supported format into the store (idempotent: same bytes, one document)."""
    limits = _ingest_limits(db, timeout, memory, workers)
    store = open_store(db)
    progress = _ingest_progress(quiet, as_json)
    summary = _IngestSummary(as_json)
    try:
        try:
            with progress, _FileCount(progress, paths) as task:
                for result in ingest_stream(store, paths, limits=limits):
                    summary.add(result)
                    _report(result, quiet)
                    progress.update(task, description=Path(result.path).name, advance=1)
        except BaseException:
            summary.close(interrupted=True)  # the JSON document stays whole
            if summary.counts["added"]:
                err.print(
                    f"{summary.counts['added']} documents were stored but not linked: "
                    "run `whereas link` (or this ingest again, then `whereas link`)"
                )
            raise
        summary.close()
        if summary.counts["added"]:
            _link(store)
    finally:
        store.close()
    if summary.counts["rejected"]:
        raise typer.Exit(1)


class _FileCount:
    """The bar's task, its total found by a walk over the paths in a thread of its own (keeping
    no path): ingesting starts at once, the bar has no total until the walk is done."""

    def __init__(self, progress: Progress, paths: list[Path]) -> None:
        self._progress = progress
        self._paths = paths
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TaskID:
        self._task = self._progress.add_task("", total=None)
        if not self._progress.disable:
            self._thread = threading.Thread(target=self._count, name="whereas-count", daemon=True)
            self._thread.start()
        return self._task

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # a walk still going (the run stopped early) ends at its next file
        if self._thread is not None:
            self._thread.join()

    def _count(self) -> None:
        total = 0
        try:
            for _ in expand_paths(self._paths):
                if self._stop.is_set():
                    return
                total += 1
        except Exception:  # the ingest's own walk reports it; the bar stays without a total
            return
        self._progress.update(self._task, total=total)


def _ingest_progress(quiet: bool, as_json: bool) -> Progress:
    # JSON entries stream to stdout: a bar on the same terminal would be drawn over them.
    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal or (as_json and out.is_terminal),
        redirect_stdout=False,  # the JSON summary goes to stdout, not through the bar's stderr
    )


class _IngestSummary:
    """The counts of an ingest's results and, with --json, each file's entry written to stdout
    as it is stored (`{"files": [...], "added": n, "unchanged": n, "rejected": n}`), so that no
    result is kept."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.counts = dict.fromkeys(("added", "unchanged", "rejected"), 0)
        if as_json:
            self._write('{"files": [')

    def _write(self, text: str) -> None:
        """Write to stdout; once its reader has gone (`| head`), the ingest goes on unwritten."""
        if not self.as_json:
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            self.as_json = False
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nor may the exit's flush fail

    def add(self, result: IngestResult) -> None:
        """Count one result; with --json, write its entry."""
        if self.as_json:
            entry = {
                "path": result.path,
                "status": result.status,
                "reason": result.reason,
                "id": result.document_id,
                "kind": result.kind,
                "reference": result.reference,
                "version": result.version,
                "warnings": result.warnings,
            }
            first = sum(self.counts.values()) == 0
            self._write(("\n" if first else ",\n") + json.dumps(entry, ensure_ascii=False))
        self.counts[result.status] += 1

    def close(self, interrupted: bool = False) -> None:
        """The counts: the end of the JSON document (`"interrupted": true` when the run
        stopped before its last file), or one line."""
        if self.as_json:
            counts = ", ".join(f'"{status}": {n}' for status, n in self.counts.items())
            stopped = ', "interrupted": true' if interrupted else ""
            self._write(f"\n], {counts}{stopped}}}\n")
        elif not interrupted:
            n = self.counts
            out.print(
                f"{sum(n.values())} files: {n['added']} added, {n['unchanged']} unchanged, "
                f"{n['rejected']} rejected"
            )


@app.command()
def export(
    format_: Annotated[
        str, typer.Option("--format", "-f", help="Export format: json, csv, akn, popolo, atom.")
    ] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    indent: Annotated[int | None, typer.Option(help="Indent the JSON.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Atom: only records about this country (name or code).")
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Atom: only records on this theme id.")] = None,
    db: DbOption = None,
) -> None:
    """Write the whole store as one document (schema whereas.export/1) or in another format."""
    from whereas.export.formats import FORMATS, ExportOptions, write_format

    if format_ not in FORMATS:
        err.print(f"whereas: unknown export format {format_!r} (known: {', '.join(FORMATS)})")
        raise typer.Exit(2)
    if output is None and FORMATS[format_].binary:
        err.print(f"whereas: --format {format_} writes a zip or a folder: give -o PATH")
        raise typer.Exit(2)
    options = ExportOptions(indent=indent, country=country, theme=theme)
    store = open_store(db)
    try:
        with store.session() as session:
            write_format(session, format_, output, sys.stdout, options)
    except ValueError as exc:  # a filter naming no country or theme
        err.print(f"whereas: {exc}", markup=False)
        raise typer.Exit(2) from exc
    finally:
        store.close()


@app.command()
def show(
    reference: Annotated[str, typer.Argument(help="A procedure, a document reference or id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one procedure or document, clause by clause."""
    from whereas.cli.render import record_as_json, render_record
    from whereas.cli.render_tallies import render_tallies, tallies_json, tally_rows
    from whereas.store.lookup import ProcedureRecord, find_record

    store = open_store(db)
    try:
        with store.session() as session:
            try:
                record = find_record(session, reference)
            except UnknownReference as exc:
                err.print(f"whereas: {exc}", markup=False)
                raise typer.Exit(1) from exc
            rows = tally_rows(session, record) if isinstance(record, ProcedureRecord) else []
            if as_json:
                value = record_as_json(record)
                if isinstance(record, ProcedureRecord):
                    value["tallies"] = tallies_json(rows)
                sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
            else:
                render_record(out, record)
                render_tallies(out, rows)
    finally:
        store.close()


@app.command()
def link(db: DbOption = None) -> None:
    """Link what the store holds (procedures, texts, reports, claims, votes, the thread), as
    `whereas ingest` does after adding documents: for a run that stopped before it could."""
    store = open_store(db)
    try:
        _link(store)
    finally:
        store.close()


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE


def _link(store: Store) -> None:
    """link_store; says which privilege is missing when PostgreSQL refuses its temporary tables."""
    try:
        link_store(store)
    except ProgrammingError as exc:
        orig = exc.orig
        if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE or "temporary" not in str(
            orig
        ):
            raise
        err.print(
            "whereas: linking needs the TEMP privilege on the database (it keeps its working sets "
            f"in temporary tables): GRANT TEMP ON DATABASE ... TO ... ({_one_line(str(orig))})"
        )
        raise typer.Exit(2) from exc


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Count what the store holds."""
    from whereas.store.stats import store_stats

    store = open_store(db)
    try:
        with store.session() as session:
            counts = store_stats(session)
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(counts) + "\n")
        return
    for name, value in counts.items():
        if isinstance(value, dict):
            for kind, n in value.items():
                out.print(f"  {kind:<20} {n:>8}")
        else:
            out.print(f"{name:<22} {value:>8}")


def _register_subcommands() -> None:
    from whereas.cli.backup import register as register_backup
    from whereas.cli.dossier import register as register_dossier
    from whereas.cli.embed import register as register_embed
    from whereas.cli.fetch import register as register_fetch
    from whereas.cli.importer import register as register_import
    from whereas.cli.review import register as register_review
    from whereas.cli.search import register as register_search
    from whereas.cli.serve import register as register_serve

    register_backup(app)
    register_dossier(app)
    register_embed(app)
    register_fetch(app)
    register_import(app)
    register_review(app)
    register_search(app)
    register_serve(app)


_register_subcommands()


def main() -> None:
    """Entry point of the `whereas` command."""
    app()
