"""One MEP across sources: the person named in a motion, a roll call and an MEP list.

Ids first: a roll call's voting id (MepId) becomes the EP's MEP id through a list giving both.
Then names, compared without diacritics, case or word order ("AALTOLA Mika" is "Mika Aaltola");
a name with letters lost to "?" (the ODP CSV) matches with "?" standing for one letter. A name
that matches several MEPs, or none, is reported (person_name_issues), never guessed. Names of one
word (roll calls print surnames only) are not matched by name.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from whereas.parse.people.names import LOSSY_NAME
from whereas.parse.votes.members import VOTING_ID
from whereas.store import schema

NameKey = tuple[str, ...]


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
        for person in session.scalars(select(schema.Person)):
            index.add(person.id, person.name, LOSSY_NAME in (person.flags or []))
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


@dataclass
class PeopleReport:
    """What linking people did."""

    voting_ids: int = 0
    authors: int = 0
    members: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def link_people(session: Session) -> PeopleReport:
    """Fill Author.person_id and MemberVote.person_id from ids, then names; report the rest."""
    report = PeopleReport(voting_ids=resolve_voting_ids(session))
    index = PeopleIndex.of(session)
    session.execute(delete(schema.PersonNameIssue))
    issues: dict[tuple[str, str, str], list[str]] = {}
    # Rows, not ORM objects: every unmatched author of the store is read on every run, and
    # holding them as objects made link_store's memory grow with the store.
    authors = session.execute(
        select(schema.Author.id, schema.Author.name, schema.Author.document_id).where(
            schema.Author.person_id.is_(None)
        )
    )
    resolved: list[dict[str, object]] = []
    for author_id, name, document_id in authors:
        found = index.candidates(name)
        if len(found) == 1:
            resolved.append({"id": author_id, "person_id": found[0]})
        else:
            issues[(document_id, "author", name)] = found
    if resolved:
        session.execute(update(schema.Author), resolved)
    report.authors = len(resolved)
    report.members = _members_by_name(session, index, issues)
    _save_issues(session, issues, report)
    session.flush()
    return report


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
    session: Session, index: PeopleIndex, issues: dict[tuple[str, str, str], list[str]]
) -> int:
    rows = session.execute(
        select(schema.MemberVote.id, schema.MemberVote.name, schema.Vote.document_id)
        .join(schema.Vote, schema.Vote.id == schema.MemberVote.vote_id)
        .where(schema.MemberVote.person_id.startswith(VOTING_ID))
    ).all()
    resolved: list[dict[str, object]] = []
    for member_id, name, document_id in rows:
        found = index.candidates(name)
        if len(found) == 1:
            resolved.append({"id": member_id, "person_id": found[0]})
        elif len(name.split()) > 1:
            issues[(document_id, "member_vote", name)] = found
    if resolved:
        session.execute(update(schema.MemberVote), resolved)
    return len(resolved)


def _save_issues(
    session: Session, issues: dict[tuple[str, str, str], list[str]], report: PeopleReport
) -> None:
    rows = [
        {
            "document_id": doc,
            "role": role,
            "name": name,
            "reason": "ambiguous" if found else "unknown",
            "candidates": found,
        }
        for (doc, role, name), found in sorted(issues.items())
    ]
    if rows:
        session.execute(insert(schema.PersonNameIssue), rows)
    report.ambiguous = [(n, f) for (_, _, n), f in sorted(issues.items()) if f]
    report.unknown = sorted({n for (_, _, n), f in issues.items() if not f})
