"""Accounts of the people who may write: reviewers and admins, passwords hashed with argon2id."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from whereas.curation.audit import record
from whereas.errors import AccountExists, InsufficientRole, InvalidCredentials
from whereas.store import schema

ROLES = ("reviewer", "admin")
_RANK = {"reviewer": 1, "admin": 2}
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
MIN_PASSWORD = 8
_HASHER = PasswordHasher()
# Verifying against this when the user does not exist takes as long as a real check.
_DUMMY = _HASHER.hash("no such account")


def add_account(
    session: Session, username: str, password: str, role: str, *, by: str = "cli"
) -> schema.Account:
    """Create an account (recorded in the audit log); its password is kept only as a hash."""
    if not _USERNAME.match(username):
        raise ValueError("a user name is 2-64 letters, digits or . _ @ -")
    if role not in ROLES:
        raise ValueError(f"the role is one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password has at least {MIN_PASSWORD} characters")
    if session.get(schema.Account, username) is not None:
        raise AccountExists(f"an account {username!r} exists already")
    account = schema.Account(
        username=username,
        password_hash=_HASHER.hash(password),
        role=role,
        created_at=datetime.now(UTC),
        active=True,
    )
    session.add(account)
    record(session, by, "account_add", username, detail={"role": role})
    return account


def authenticate(session: Session, username: str, password: str) -> schema.Account:
    """The active account with this name and password, else InvalidCredentials."""
    account = session.get(schema.Account, username)
    stored = account.password_hash if account is not None and account.active else _DUMMY
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError) as exc:
        raise InvalidCredentials("wrong user name or password") from exc
    if account is None or not account.active:
        raise InvalidCredentials("wrong user name or password")
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
    return account


def has_role(account: schema.Account, role: str) -> bool:
    """Whether the account may do what `role` may (an admin may do what a reviewer may)."""
    return account.active and _RANK.get(account.role, 0) >= _RANK[role]


def require_account(session: Session, username: str, role: str) -> schema.Account:
    """The active account `username` with at least `role`, else InsufficientRole."""
    account = session.get(schema.Account, username)
    if account is None or not account.active:
        raise InsufficientRole(f"no active account {username!r}")
    if not has_role(account, role):
        raise InsufficientRole(f"{username!r} is a {account.role}: this needs the {role} role")
    return account
