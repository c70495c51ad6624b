"""`whereas user add`, `review list|confirm|reject|correct` and `audit` on both databases."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from whereas.cli import app
from whereas.store import Store

from .conftest import PASSWORD, ingest_subset

runner = CliRunner()


def _run(*args: str, user: str | None = None) -> tuple[int, str, str]:
    env = {"WHEREAS_USER": user} if user else {}
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _items(db: str, *filters: str) -> list[dict[str, object]]:
    code, out, _ = _run("review", "list", "--db", db, "--json", "--limit", "0", *filters)
    assert code == 0
    items: list[dict[str, object]] = json.loads(out)["items"]
    return items


def test_review_from_the_command_line(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    ingest_subset(store, corpus)
    store.close()
    db = database_url
    code, out, _ = _run("user", "add", "ada", "--role", "admin", "--password", PASSWORD, "--db", db)
    assert (code, out.strip()) == (0, "added admin ada")
    code, _, err = _run("user", "add", "ada", "--role", "admin", "--password", PASSWORD, "--db", db)
    assert code == 1 and "exists already" in err

    verbs = _items(db, "--kind", "classification:verbs")
    code, out, _ = _run(
        "review",
        "correct",
        str(verbs[0]["key"]),
        "--value",
        '["urges"]',
        "--reason",
        "misread",
        "--db",
        db,
        user="ada",
    )
    assert code == 0 and "1 changed" in out
    splits = _items(db, "--kind", "split")
    code, out, _ = _run("review", "confirm", "--all", "--kind", "split", "--db", db, user="ada")
    assert code == 0 and f"confirm: {len(splits)} changed, 0 unchanged, 0 unknown" in out
    assert _items(db, "--kind", "split") == []
    reports = _items(db, "--kind", "link:reports_on")
    code, out, _ = _run("review", "reject", str(reports[0]["key"]), "--db", db, user="ada")
    assert code == 0 and "1 changed" in out

    code, _, err = _run("review", "confirm", str(verbs[1]["key"]), "--db", db, user="nobody")
    assert code == 1 and "no active account" in err
    code, _, _ = _run("review", "confirm", "--db", db, user="ada")
    assert code == 2  # neither keys nor --all

    code, out, _ = _run("audit", "--db", db, "--json")
    entries = json.loads(out)["entries"]
    actions = [e["action"] for e in entries]
    assert actions[:2] == ["rejected", "confirmed"] and "corrected" in actions
    assert next(e for e in entries if e["action"] == "corrected")["reason"] == "misread"
    code, out, _ = _run("audit", "--db", db)
    assert code == 0 and "ada" in out
