"""One MEP across sources: the person named in a motion, a roll call and an MEP list.

Ids first: a roll call's voting id (MepId) becomes the EP's MEP id through a list giving both.
Then names, compared without diacritics, case or word order ("AALTOLA Mika" is "Mika Aaltola");
a name with letters lost to "?" (the ODP CSV) matches with "?" standing for one letter. A name
that matches several MEPs, or none, is reported (person_name_issues), never guessed. Names of one
word (roll calls print surnames only) are not matched by name.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from whereas.link.batched import row_pages
from whereas.parse.people.names import LOSSY_NAME
from whereas.parse.votes.members import VOTING_ID
from whereas.store import schema

NameKey = tuple[str, ...]
IssueKey = tuple[str, str, str]  # document, role (author | member_vote), name as written
PAGE = 100  # documents read at a time


def name_key(name: str) -> NameKey:
    """A name's words without diacritics, case, punctuation or order."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return tuple(sorted(re.findall(r"[\w?]+", plain.replace("ß", "ss"))))


def _lossy_matches(pattern: NameKey, key: NameKey) -> bool:
    """Whether a name whose "?" stand for lost letters can be `key`, in some word order."""
    if len(pattern) != len(key) or len(key) > 6:
        return False
    words = [re.compile(re.escape(w).replace(r"\?", r"\w") + "$") for w in pattern]
    orders = itertools.permutations(key)
    return any(all(w.match(k) for w, k in zip(words, p, strict=True)) for p in orders)


@dataclass
class PeopleIndex:
    """The MEPs of the store by name key; lossy names kept apart."""

    by_key: dict[NameKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    lossy: list[tuple[NameKey, str]] = field(default_factory=list)

    @classmethod
    def of(cls, session: Session) -> PeopleIndex:
        """The index of every person in the store."""
        index = cls()
        rows = session.execute(select(schema.Person.id, schema.Person.name, schema.Person.flags))
        for person_id, name, flags in rows:
            index.add(person_id, name, LOSSY_NAME in (flags or []))
        return index

    def add(self, person_id: str, name: str, lossy: bool = False) -> None:
        """Index one name of a person."""
        key = name_key(name)
        if lossy or any("?" in w for w in key):
            self.lossy.append((key, person_id))
        elif key:
            self.by_key[key].add(person_id)

    def candidates(self, name: str) -> list[str]:
        """Every person the name can be, sorted (one: a match; several: ambiguous)."""
        key = name_key(name)
        if len(key) < 2:
            return []
        found = set(self.by_key.get(key, set()))
        found |= {pid for pattern, pid in self.lossy if _lossy_matches(pattern, key)}
        return sorted(found)


class NameMatcher:
    """`PeopleIndex.candidates` remembered per name (a store names the same MEPs thousands of
    times); at most `size` names are remembered."""

    def __init__(self, index: PeopleIndex, size: int = 50_000) -> None:
        self._index = index
        self._size = size
        self._known: dict[str, list[str]] = {}

    def candidates(self, name: str) -> list[str]:
        """Every person the name can be, sorted."""
        found = self._known.get(name)
        if found is None:
            if len(self._known) >= self._size:
                self._known.clear()
            found = self._known[name] = self._index.candidates(name)
        return found


@dataclass
class PeopleReport:
    """What linking people did."""

    voting_ids: int = 0
    authors: int = 0
    members: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # each name once
    unknown: list[str] = field(default_factory=list)


def link_people(session: Session) -> PeopleReport:
    """Fill Author.person_id and MemberVote.person_id from ids, then names; report the rest.

    The store is read a page of documents at a time (flat memory). The name issues of a page are
    computed in full and only the difference with those stored is written: a run over an
    unchanged store writes nothing, and the issues are those a full rewrite would leave.
    """
    report = PeopleReport(voting_ids=resolve_voting_ids(session))
    names = NameMatcher(PeopleIndex.of(session))
    # Names, not issues: a name is reported once however many documents write it.
    unknown: set[str] = set()
    ambiguous: dict[str, list[str]] = {}
    for rows in row_pages(session, select(schema.Document.id), schema.Document.id, PAGE):
        page = [doc for (doc,) in rows]
        issues = _page_issues(session, page, names, report)
        _write_issues(session, page, issues)
        for (_, _, name), found in issues.items():
            if found:
                ambiguous[name] = found
            else:
                unknown.add(name)
    report.ambiguous = sorted(ambiguous.items())
    report.unknown = sorted(unknown)
    session.flush()
    return report


def _page_issues(
    session: Session, page: list[str], names: NameMatcher, report: PeopleReport
) -> dict[IssueKey, list[str]]:
    """Match the unmatched authors and positions of some documents; their name issues."""
    issues: dict[IssueKey, list[str]] = {}
    query = select(schema.Author.id, schema.Author.name, schema.Author.document_id).where(
        schema.Author.person_id.is_(None), schema.Author.document_id.in_(page)
    )
    for rows in row_pages(session, query, schema.Author.id):
        resolved: list[dict[str, object]] = []
        for author_id, name, document_id in rows:
            found = names.candidates(name)
            if len(found) == 1:
                resolved.append({"id": author_id, "person_id": found[0]})
            else:
                issues[(document_id, "author", name)] = found
        if resolved:
            session.execute(update(schema.Author), resolved)
        report.authors += len(resolved)
    report.members += _members_by_name(session, page, names, issues)
    return issues


def resolve_voting_ids(session: Session) -> int:
    """Positions known by voting id given the MEP id of the person with that voting id."""
    match = select(schema.Person.id).where(
        schema.MemberVote.person_id == VOTING_ID + schema.Person.mep_id
    )
    result = session.execute(
        update(schema.MemberVote)
        .where(schema.MemberVote.person_id.startswith(VOTING_ID), exists(match))
        .values(person_id=match.scalar_subquery())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _members_by_name(
    session: Session, page: list[str], names: NameMatcher, issues: dict[IssueKey, list[str]]
) -> int:
    query = (
        select(schema.MemberVote.id, schema.MemberVote.name, schema.Vote.document_id)
        .join(schema.Vote, schema.Vote.id == schema.MemberVote.vote_id)
        .where(schema.MemberVote.person_id.startswith(VOTING_ID), schema.Vote.document_id.in_(page))
    )
    matched = 0
    for rows in row_pages(session, query, schema.MemberVote.id):
        resolved: list[dict[str, object]] = []
        for member_id, name, document_id in rows:
            found = names.candidates(name)
            if len(found) == 1:
                resolved.append({"id": member_id, "person_id": found[0]})
            elif len(name.split()) > 1:
                issues[(document_id, "member_vote", name)] = found
        if resolved:
            session.execute(update(schema.MemberVote), resolved)
        matched += len(resolved)
    return matched


def _write_issues(session: Session, page: list[str], issues: dict[IssueKey, list[str]]) -> None:
    """Make the stored issues of the page's documents these: stale ones go, new ones come."""
    issue = schema.PersonNameIssue
    wanted = {(*key, tuple(found)) for key, found in issues.items()}
    stale: list[int] = []
    rows = session.execute(
        select(issue.id, issue.document_id, issue.role, issue.name, issue.candidates, issue.reason)
        .where(issue.document_id.in_(page))
        .order_by(issue.id)
    )
    for issue_id, doc, role, name, candidates, reason in rows:
        found = tuple(candidates or ())
        key = (doc, role, name, found)
        if key in wanted and reason == ("ambiguous" if found else "unknown"):
            wanted.discard(key)  # kept as stored (a second copy would be stale)
        else:
            stale.append(issue_id)
    for start in range(0, len(stale), PAGE):
        session.execute(delete(issue).where(issue.id.in_(stale[start : start + PAGE])))
    new = [
        {
            "document_id": doc,
            "role": role,
            "name": name,
            "reason": "ambiguous" if found else "unknown",
            "candidates": list(found),
        }
        for doc, role, name, found in sorted(wanted)
    ]
    if new:
        _insert_issues(session, new)


def _insert_issues(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert new issues: by COPY on PostgreSQL (psycopg 3), else one executemany.

    psycopg 3 runs an executemany as one statement a row (85,000 of them at 1,000 scale
    documents), and SQLAlchemy's multi-row VALUES costs more to compile than that; COPY sends
    the rows as one stream (20,000 rows: 5.3-6.2 s wall, 0.6 s client CPU -> 0.4-1.3 s, 0.1-0.2 s).
    """
    issue = schema.PersonNameIssue
    connection = session.connection()
    if connection.dialect.name != "postgresql" or connection.dialect.driver != "psycopg":
        session.execute(insert(issue), rows)
        return
    columns = ("document_id", "role", "name", "reason", "candidates")
    copy_from = f"COPY {issue.__tablename__} ({', '.join(columns)}) FROM STDIN"
    driver: Any = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(copy_from) as copy:
        for row in rows:
            copy.write_row([*(row[c] for c in columns[:-1]), json.dumps(row["candidates"])])
