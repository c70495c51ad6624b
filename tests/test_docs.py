"""Every command and option of the CLI is documented in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import typer

from whereas.cli import app

CLI_DOC = (Path(__file__).parents[1] / "docs" / "cli.md").read_text()


def test_every_command_and_option_is_documented() -> None:
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    for name, sub in command.commands.items():
        assert f"## whereas {name}" in CLI_DOC, name
        for param in sub.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in CLI_DOC, (name, opt)
