"""`whereas review`, `whereas audit`, `whereas user add` and `whereas purge`: curation commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from whereas.cli.options import DbOption, open_store
from whereas.curation.accounts import ROLES, add_account, require_account
from whereas.curation.audit import audit_log
from whereas.curation.decisions import DecisionOutcome
from whereas.curation.queue import QueueFilter, review_queue
from whereas.curation.review import review_items, review_matching
from whereas.curation.takedown import hide_document, purge, unhide_document
from whereas.curation.values import parse_value_text
from whereas.errors import WhereasError

err = Console(stderr=True, highlight=False)
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]
UserOption = Annotated[
    str, typer.Option("--user", envvar="WHEREAS_USER", help="The account acting (or WHEREAS_USER).")
]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why (kept in the audit log).")]
KindOption = Annotated[
    str | None, typer.Option("--kind", help="Kind of value: link, link:repeats, person, split...")
]
CountryOption = Annotated[str | None, typer.Option("--country", help="Country name or code.")]
ProcedureOption = Annotated[str | None, typer.Option("--procedure", help="e.g. 2022/2505(RSP).")]
DocumentOption = Annotated[str | None, typer.Option("--document", help="A document id.")]
StateOption = Annotated[
    str, typer.Option("--state", help="suggested, confirmed, rejected, corrected or all.")
]
KeysArgument = Annotated[list[str] | None, typer.Argument(help="Item keys (from review list).")]
AllOption = Annotated[
    bool, typer.Option("--all", help="Every item the filters list (no cap: the count is shown).")
]

review_app = typer.Typer(help="Review machine values: list the queue, confirm, reject, correct.")
user_app = typer.Typer(help="Accounts of reviewers and admins.")


def register(app: typer.Typer) -> None:
    """Add the curation commands to the whereas CLI."""
    app.add_typer(review_app, name="review")
    app.add_typer(user_app, name="user")
    app.command(name="audit")(audit_command)
    app.command(name="purge")(purge_command)


@contextmanager
def _session(db: str | None) -> Iterator[Session]:
    store = open_store(db)
    try:
        with store.session() as session:
            yield session
    except (WhereasError, ValueError) as exc:
        err.print(f"whereas: {exc}", markup=False)
        raise typer.Exit(1) from exc
    finally:
        store.close()


@review_app.command("list")
def list_command(
    kind: KindOption = None,
    country: CountryOption = None,
    procedure: ProcedureOption = None,
    document: DocumentOption = None,
    state: StateOption = "suggested",
    limit: Annotated[int, typer.Option("--limit", help="Items shown (0: all).")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The review queue, lowest confidence first."""
    wanted = QueueFilter(kind, country, procedure, document, state)
    with _session(db) as session:
        found = review_queue(session, wanted)
        shown = found if limit <= 0 else found[:limit]
        rows = [r.as_json() for r in shown]
    if as_json:
        sys.stdout.write(json.dumps({"total": len(found), "items": rows}, ensure_ascii=False))
        sys.stdout.write("\n")
        return
    for row in rows:
        typer.echo(f"{row['confidence']:.2f}  {row['state']:<10} {row['key']}")
        typer.echo(f"      {row['subject']}")
    typer.echo(f"{len(rows)} of {len(found)} items shown")


def _decide(
    action: str,
    keys: list[str] | None,
    every: bool,
    wanted: QueueFilter,
    user: str,
    value: Any,
    reason: str | None,
    db: str | None,
) -> DecisionOutcome:
    if bool(keys) == every:
        err.print("whereas: name item keys, or give --all with filters (not both)")
        raise typer.Exit(2)
    with _session(db) as session:
        if every:
            return review_matching(session, wanted, action, user, value=value, reason=reason)
        return review_items(session, keys or [], action, user, value=value, reason=reason)


def _report(outcome: DecisionOutcome, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(outcome.as_json()) + "\n")
    else:
        typer.echo(
            f"{outcome.action}: {outcome.changed} changed, {outcome.unchanged} unchanged, "
            f"{len(outcome.unknown)} unknown"
        )
    for key in outcome.unknown:
        sys.stderr.write(f"whereas: no review item {key}\n")
    if outcome.unknown:
        raise typer.Exit(1)


def _action_command(action: str) -> Callable[..., None]:
    def command(
        keys: KeysArgument = None,
        every: AllOption = False,
        kind: KindOption = None,
        country: CountryOption = None,
        procedure: ProcedureOption = None,
        document: DocumentOption = None,
        state: StateOption = "suggested",
        user: UserOption = "",
        reason: ReasonOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        wanted = QueueFilter(kind, country, procedure, document, state)
        outcome = _decide(action, keys, every, wanted, user, None, reason, db)
        _report(outcome, as_json)

    command.__doc__ = f"{action.capitalize()} the machine's value of the items named (or --all)."
    return command


review_app.command("confirm")(_action_command("confirm"))
review_app.command("reject")(_action_command("reject"))


@review_app.command("correct")
def correct_command(
    keys: KeysArgument = None,
    value: Annotated[
        str, typer.Option("--value", help='The right value, as JSON (["a","b"], "label", null).')
    ] = "",
    every: AllOption = False,
    kind: KindOption = None,
    country: CountryOption = None,
    procedure: ProcedureOption = None,
    document: DocumentOption = None,
    state: StateOption = "suggested",
    user: UserOption = "",
    reason: ReasonOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Correct the machine's value of the items named (or --all): --value is kept beside it."""
    parsed = parse_value_text(value)
    wanted = QueueFilter(kind, country, procedure, document, state)
    _report(_decide("correct", keys, every, wanted, user, parsed, reason, db), as_json)


@review_app.command("hide")
def hide_command(
    document: Annotated[str, typer.Argument(help="The document id.")],
    user: UserOption = "",
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """Take a document off the public side (export, search); `review unhide` shows it again."""
    with _session(db) as session:
        require_account(session, user, "admin")
        done = hide_document(session, document, user, reason)
    typer.echo(f"hidden {document}" if done else f"{document} was hidden already")


@review_app.command("unhide")
def unhide_command(
    document: Annotated[str, typer.Argument(help="The document id.")],
    user: UserOption = "",
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """Show a hidden document again."""
    with _session(db) as session:
        require_account(session, user, "admin")
        done = unhide_document(session, document, user, reason)
    typer.echo(f"shown {document}" if done else f"{document} was not hidden")


def audit_command(
    limit: Annotated[int, typer.Option("--limit", help="Entries shown, newest first.")] = 100,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this account.")] = None,
    action: Annotated[str | None, typer.Option("--action", help="e.g. corrected, purge.")] = None,
    document: DocumentOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every human change: who, when, what and why (newest first)."""
    with _session(db) as session:
        page = audit_log(session, actor=actor, action=action, document_id=document, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps({"total": page.total, "entries": page.entries}) + "\n")
        return
    for e in page.entries:
        why = f"  ({e['reason']})" if e["reason"] else ""
        typer.echo(f"{e['at']}  {e['actor']:<12} {e['action']:<10} {e['target']}{why}")
    typer.echo(f"{len(page.entries)} of {page.total} entries shown")


def purge_command(
    document: Annotated[str, typer.Argument(help="The document id (sha256).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (required; no content kept).")],
    user: UserOption = "",
    db: DbOption = None,
) -> None:
    """Remove a document, its bytes, text and everything derived from it; record who/when/why."""
    store = open_store(db)
    try:
        with store.session() as session:
            require_account(session, user, "admin")
        report = purge(store, document, user, reason)
    except WhereasError as exc:
        err.print(f"whereas: {exc}", markup=False)
        raise typer.Exit(1) from exc
    finally:
        store.close()
    typer.echo(f"purged {document}: {report.clauses} clauses, {report.vectors} vectors")


@user_app.command("add")
def user_add_command(
    username: Annotated[str, typer.Argument(help="The user name.")],
    role: Annotated[str, typer.Option("--role", help=f"One of: {', '.join(ROLES)}.")],
    password: Annotated[
        str,
        typer.Option(
            "--password",
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar="WHEREAS_NEW_PASSWORD",
            help="Asked for when not given (or WHEREAS_NEW_PASSWORD).",
        ),
    ],
    db: DbOption = None,
) -> None:
    """Create an account; the first admin is made here (passwords are stored as argon2 hashes)."""
    with _session(db) as session:
        add_account(session, username, password, role)
    typer.echo(f"added {role} {username}")
