"""`whereas fetch ...` and `whereas update` on the command line, registered as cli/app.py will."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import respx
import typer
from typer.testing import CliRunner

from whereas.cli import fetch as fetch_cli
from whereas.sources.http import ManualClock
from whereas.sources.urls import doceo, odp_document, odp_procedure

Serve = Callable[[str, str], respx.Route]
runner = CliRunner()
PRESS = "https://www.europarl.europa.eu/news/en/press-room/20250204IPR26689/meps-georgia"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("WHEREAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(fetch_cli, "make_clock", lambda: ManualClock().as_clock())
    main = typer.Typer()

    @main.command()
    def version() -> None:
        """A second command, so that Typer keeps the command names."""

    fetch_cli.register(main)
    return main


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_fetch_procedure_reports_each_item_and_exits_1_on_failures(
    app: typer.Typer, db: str, serve: Serve, missing_elsewhere: Callable[[], respx.Route]
) -> None:
    serve(odp_procedure("2025/2691(RSP)"), "odp-procedure_2025-2691.json")
    serve(odp_document("RC-10-2025-0249"), "odp-document_rc-10-2025-0249.json")
    serve(doceo("RC-10-2025-0249", "en", "html"), "document_rc-10-2025-0249-en.html")
    missing_elsewhere()
    result = runner.invoke(app, ["fetch", "procedure", "2025/2691(RSP)", "--db", db, "--quiet"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 24
    assert sum(line.startswith("added\t") for line in lines) == 3
    assert "RC-B10-0249/2025 (en, html)" in result.stdout
    assert "whereas: failed https://" in result.stderr


def test_fetch_url_exit_0(
    app: typer.Typer, db: str, serve: Serve
) -> None:
    serve(PRESS, "press-release_20250204IPR26689.html")
    result = runner.invoke(app, ["fetch", "url", PRESS, "--db", db])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"added\t{PRESS}\t{PRESS}")


def test_dry_run_lists_and_stores_nothing(
    app: typer.Typer, db: str, ep: respx.MockRouter
) -> None:
    result = runner.invoke(app, ["fetch", "url", PRESS, "--dry-run", "--db", db])
    assert result.exit_code == 0
    assert result.stdout == f"planned\t{PRESS}\t{PRESS}\n"
    assert not ep.calls and not Path(db.removeprefix("sqlite:///")).exists()


@pytest.mark.parametrize("args", [
    ["fetch", "procedure", "B9-0065/2022"],
    ["fetch", "sitting", "20 January 2022"],
    ["fetch", "url", "www.europarl.europa.eu"],
    ["update", "--since", "yesterday"],
])
def test_usage_errors_exit_2(app: typer.Typer, db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", db, "--quiet"])
    assert result.exit_code == 2
