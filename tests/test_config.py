"""config.py is the one place that reads WHEREAS_* variables, and what it reads of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from whereas.config import lexical_embedder, load_fetch_settings

PACKAGE = Path(__file__).parents[1] / "src" / "whereas"


def _reads(tree: ast.AST) -> list[tuple[int, ast.expr | None]]:
    """(line, name asked for) of each os.environ.get / os.environ[...] / getenv in `tree`;
    the name is None where it is not an argument (os.environ passed on whole, say)."""
    found: list[tuple[int, ast.expr | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            on_environ = isinstance(func, ast.Attribute) and _is_environ(func.value)
            if name == "getenv" or (on_environ and name in {"get", "pop", "setdefault"}):
                found.append((node.lineno, node.args[0] if node.args else None))
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            found.append((node.lineno, node.slice))
    return found


def _is_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr in {"environ", "environb"}) or (
        isinstance(node, ast.Name) and node.id in {"environ", "environb"}
    )


def _names_whereas(arg: ast.expr | None) -> bool:
    """Whether a variable read may be a WHEREAS_ one: named so, or named by an expression."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value.startswith("WHEREAS_")
    return arg is not None  # a name made at run time: it could be any


def test_only_config_reads_whereas_variables() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "config.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, arg in _reads(tree):
            if _names_whereas(arg):
                offenders.append(f"{path.relative_to(PACKAGE)}:{line}")
    assert offenders == [], "read WHEREAS_* variables in whereas.config instead"


def test_the_scan_sees_each_form_of_reading() -> None:
    source = """
import os
from os import environ, getenv
a = os.environ.get("WHEREAS_X", "")
b = os.environ["WHEREAS_Y"]
c = getenv("WHEREAS_Z")
d = environ.get(name)
e = os.environ.get("HOME")
f = {**os.environ}
"""
    reads = [(line, arg) for line, arg in _reads(ast.parse(source)) if _names_whereas(arg)]
    assert [line for line, _ in reads] == [4, 5, 6, 7]


def test_fetch_settings_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in {
        "WHEREAS_FETCH_USER_AGENT": " bot-1 ",
        "WHEREAS_FETCH_CONTACT": "ops@example.org",
        "WHEREAS_FETCH_RATE": "0.5",
        "WHEREAS_FETCH_TIMEOUT": "12",
        "WHEREAS_FETCH_MAX_ATTEMPTS": "3",
        "WHEREAS_FETCH_BACKOFF": "1.5",
        "WHEREAS_FETCH_MAX_BACKOFF": "9",
        "WHEREAS_FETCH_LANGUAGE": " FR ",
        "WHEREAS_FETCH_FORMATS": "HTML, pdf,,",
        "WHEREAS_CACHE_DIR": str(tmp_path),
    }.items():
        monkeypatch.setenv(name, value)
    settings = load_fetch_settings()
    assert settings.user_agent == "bot-1 contact: ops@example.org"
    assert (settings.requests_per_second, settings.timeout_seconds) == (0.5, 12.0)
    assert (settings.max_attempts, settings.backoff_seconds) == (3, 1.5)
    assert settings.max_backoff_seconds == 9.0
    assert (settings.language, settings.formats) == ("fr", ("html", "pdf"))
    assert settings.cache_dir == tmp_path


def test_fetch_settings_default_when_unset_or_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WHEREAS_FETCH_USER_AGENT", "WHEREAS_FETCH_CONTACT", "WHEREAS_FETCH_FORMATS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WHEREAS_FETCH_RATE", " ")
    monkeypatch.setenv("WHEREAS_CACHE_DIR", "")
    settings = load_fetch_settings()
    assert settings.user_agent.startswith("whereas-prd-") and "contact:" not in settings.user_agent
    assert (settings.requests_per_second, settings.formats) == (1.0, ("html",))
    assert settings.cache_dir == Path(".whereas-cache")


@pytest.mark.parametrize(
    ("value", "lexical"), [("lexical", True), (" Lexical ", True), ("e5", False), ("", False)]
)
def test_whereas_embedder(monkeypatch: pytest.MonkeyPatch, value: str, lexical: bool) -> None:
    monkeypatch.setenv("WHEREAS_EMBEDDER", value)
    assert lexical_embedder() is lexical
