"""Which procedure a press release, news item, statement or summary reports on.

Explicit references first; otherwise the store is asked: the procedure's title words (country,
subject) must be in the source, and its vote day or its tally must agree with the source's. A
country alone never links a report to another year's procedure; unsure means no link, and why.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from whereas.store import schema

SECONDARY_KINDS = ("press_release", "news", "statement", "procedure_summary")
_GENERIC = {
    "situation",
    "resolution",
    "motion",
    "joint",
    "case",
    "cases",
    "human",
    "rights",
    "right",
    "the",
    "and",
    "for",
    "with",
    "from",
    "into",
    "against",
    "including",
    "particular",
    "european",
    "parliament",
    "union",
    "recent",
    "developments",
    "especially",
    "notably",
}


def fold(word: str) -> str:
    """A word without case, accents or transliteration quirks ("Kazachstánu" ~ "kazakhstanu")."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("kh", "ch").replace("ij", "i").replace("y", "i")


def words_of(text: str) -> set[str]:
    """The folded words of a text, four letters or more."""
    return {fold(w) for w in re.findall(r"[^\W\d_]{4,}", text)}


def title_words(title: str) -> set[str]:
    """The distinctive words of a procedure title (the country, the subject)."""
    return {w for w in words_of(title) if w not in _GENERIC}


@cache
def country_words() -> frozenset[str]:
    """Folded words of country names (the reference list's English labels)."""
    raw = json.loads(resources.files("whereas.data").joinpath("countries.json").read_text("utf-8"))
    return frozenset(w for c in raw for w in words_of(f"{c['label']} {c['alt_label']}"))


@dataclass(frozen=True)
class TextWords:
    """The folded words of a source, indexed by their first three letters for fuzzy lookup."""

    words: frozenset[str]
    by_start: dict[str, list[str]]

    @classmethod
    def of(cls, text: str) -> TextWords:
        """Index the words of `text`."""
        words = frozenset(words_of(text))
        index: dict[str, list[str]] = {}
        for word in words:
            index.setdefault(word[:3], []).append(word)
        return cls(words, index)

    def has(self, title_word: str) -> bool:
        """Whether the text has the word in some inflection or transliteration."""
        if title_word in self.words:
            return True
        return any(_similar(title_word, w) for w in self.by_start.get(title_word[:3], ()))


def _similar(title_word: str, word: str) -> bool:
    if len(title_word) < 5:
        return False
    if word.startswith(title_word[: max(6, len(title_word) - 2)]):
        return True
    stem = word[: len(title_word)]
    return SequenceMatcher(None, title_word, stem).ratio() >= 0.85


def subject_score(title: set[str], text: TextWords) -> float:
    """Share of a procedure's title words the text has; 0 when the title's country is missing.

    A title without a country needs two of its words in the text (one shared word is chance).
    """
    if not title:
        return 0.0
    found = {t for t in title if text.has(t)}
    countries = title & country_words()
    if countries and not countries & found:
        return 0.0
    if not countries and len(found) < 2:
        return 0.0
    return len(found) / len(title)


@dataclass
class ProcedureEvidence:
    """A procedure's title words, official votes and their days."""

    reference: str
    words: set[str] = field(default_factory=set)
    votes: list[schema.Vote] = field(default_factory=list)

    @property
    def days(self) -> set[date]:
        """The days the procedure was voted on."""
        return {v.date for v in self.votes if v.date is not None}


def procedure_references(session: Session, procedure: str) -> set[str]:
    """The identifiers of the texts of a procedure (motions, joint motion, text adopted)."""
    refs = set(
        session.scalars(
            select(schema.Document.reference).where(schema.Document.procedure == procedure)
        )
    )
    refs |= set(
        session.scalars(select(schema.Vote.reference).where(schema.Vote.procedure == procedure))
    )
    return {r for r in refs if r}


def official_votes(session: Session, procedure: str) -> list[schema.Vote]:
    """The official votes of a procedure: by its reference or by the texts it voted."""
    refs = procedure_references(session, procedure)
    condition = schema.Vote.procedure == procedure
    if refs:
        condition = or_(condition, schema.Vote.reference.in_(refs))
    rows = session.scalars(
        select(schema.Vote)
        .where(schema.Vote.official.is_(True), condition)
        .order_by(schema.Vote.id)
    )
    return list(rows)


def procedure_evidence(session: Session) -> list[ProcedureEvidence]:
    """Every stored procedure with what it can be recognised by."""
    out: list[ProcedureEvidence] = []
    for procedure in session.scalars(select(schema.Procedure).order_by(schema.Procedure.reference)):
        titles = [procedure.title or ""]
        titles += [
            t or ""
            for t in session.scalars(
                select(schema.Document.title).where(
                    schema.Document.procedure == procedure.reference
                )
            )
        ]
        words = set().union(*(title_words(t) for t in titles))
        out.append(
            ProcedureEvidence(
                procedure.reference, words, official_votes(session, procedure.reference)
            )
        )
    return out


def document_day(document: schema.Document) -> date | None:
    """The publication day of a stored document: its date, else the one its parser read."""
    if document.date is not None:
        return document.date
    written = (document.header or {}).get("date")
    try:
        return date.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        return None


def claimed_votes(session: Session, document_id: str) -> list[schema.Vote]:
    """The tallies a document claims (not official)."""
    return list(
        session.scalars(
            select(schema.Vote)
            .where(schema.Vote.document_id == document_id, schema.Vote.official.is_(False))
            .order_by(schema.Vote.position)
        )
    )


def same_tally(claim: schema.Vote, official: schema.Vote) -> bool:
    """Whether an official vote has the figures a claim states (unstated figures match any)."""
    pairs = (
        (claim.for_, official.for_),
        (claim.against, official.against),
        (claim.abstentions, official.abstentions),
    )
    return all(c is None or c == o for c, o in pairs) and any(c is not None for c, _ in pairs)


log = logging.getLogger(__name__)
REPORTS_ON = "reports_on"
REPORT_WINDOW = timedelta(days=14)  # a report of a vote appears the day of the vote or after
MIN_SUBJECT = 0.5
Method = Literal["existing", "explicit", "inferred", "none"]
_TEXT_KINDS = ("procedure", "text_adopted", "joint_motion", "motion", "report")


@dataclass(frozen=True)
class ReportLink:
    """The procedures one secondary document reports on, how they were found, and why."""

    document_id: str
    procedures: list[str]
    method: Method
    reason: str
    scores: dict[str, float] = field(default_factory=dict)


def _existing(session: Session, document_id: str) -> list[str]:
    return list(
        session.scalars(
            select(schema.DocumentReference.value).where(
                schema.DocumentReference.document_id == document_id,
                schema.DocumentReference.role == REPORTS_ON,
            )
        )
    )


def _procedure_of(session: Session, kind: str, value: str) -> str | None:
    """The procedure an identifier belongs to, as the store knows it."""
    if kind == "procedure":
        return value
    found = session.scalar(
        select(schema.Document.procedure).where(
            schema.Document.reference == value, schema.Document.procedure.is_not(None)
        )
    )
    return found or session.scalar(
        select(schema.Vote.procedure).where(
            schema.Vote.reference == value, schema.Vote.procedure.is_not(None)
        )
    )


def explicit_procedures(session: Session, document: schema.Document) -> list[str]:
    """Procedures the document names, directly or through the texts it cites."""
    found = [document.procedure] if document.procedure else []
    rows = session.execute(
        select(schema.DocumentReference.kind, schema.DocumentReference.value).where(
            schema.DocumentReference.document_id == document.id,
            schema.DocumentReference.kind.in_(_TEXT_KINDS),
        )
    )
    for kind, value in rows:
        procedure = _procedure_of(session, kind, value)
        if procedure:
            found.append(procedure)
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class _Candidate:
    reference: str
    subject: float
    tally: bool
    day: bool


def _day_agrees(evidence: ProcedureEvidence, published: date | None, claimed: set[date]) -> bool:
    """The source's vote day is a vote day of the procedure, or it appeared within a month after."""
    if claimed:
        return bool(claimed & evidence.days)
    if published is None:
        return False
    return any(day <= published <= day + REPORT_WINDOW for day in evidence.days)


def _candidates(
    session: Session, document: schema.Document, procedures: list[ProcedureEvidence]
) -> list[_Candidate]:
    text = TextWords.of(f"{document.title or ''} {document.body}")
    claims = claimed_votes(session, document.id)
    claimed_days = {c.date for c in claims if c.date is not None}
    published = document_day(document)
    out: list[_Candidate] = []
    for evidence in procedures:
        subject = subject_score(evidence.words, text)
        tally = any(same_tally(c, v) for c in claims for v in evidence.votes)
        # the exact tally of the procedure lets a few title words do (titles are translated)
        if subject < MIN_SUBJECT and not (tally and subject > 0):
            continue
        out.append(
            _Candidate(
                evidence.reference, subject, tally, _day_agrees(evidence, published, claimed_days)
            )
        )
    return out


def _choose(document_id: str, candidates: list[_Candidate]) -> ReportLink:
    """The procedure(s) the evidence points to, or none with the reason."""
    scores = {c.reference: c.subject for c in candidates}
    by_tally = [c for c in candidates if c.tally and (c.day or not any(x.day for x in candidates))]
    if by_tally:
        return ReportLink(
            document_id,
            [c.reference for c in by_tally],
            "inferred",
            "subject and tally agree",
            scores,
        )
    dated = sorted((c for c in candidates if c.day), key=lambda c: -c.subject)
    if not candidates:
        return ReportLink(document_id, [], "none", "no stored procedure on this subject", scores)
    if not dated:
        return ReportLink(
            document_id,
            [],
            "none",
            "procedures on this subject were not voted shortly before this "
            "source was published, nor with the tally it states",
            scores,
        )
    if len(dated) > 1 and dated[0].subject - dated[1].subject < 0.25:
        return ReportLink(
            document_id,
            [],
            "none",
            "ambiguous: " + ", ".join(c.reference for c in dated) + " fit equally",
            scores,
        )
    return ReportLink(
        document_id, [dated[0].reference], "inferred", "subject words and vote day agree", scores
    )


def _link_one(
    session: Session, document: schema.Document, procedures: list[ProcedureEvidence]
) -> ReportLink:
    existing = _existing(session, document.id)
    if existing:
        return ReportLink(document.id, existing, "existing", "linked before")
    explicit = explicit_procedures(session, document)
    if explicit:
        return ReportLink(document.id, explicit, "explicit", "the source names it")
    return _choose(document.id, _candidates(session, document, procedures))


def link_reports_to_procedures(session: Session) -> list[ReportLink]:
    """Give each secondary document its reports_on procedures; return what was decided and why."""
    procedures = procedure_evidence(session)
    documents = session.scalars(
        select(schema.Document)
        .where(schema.Document.kind.in_(SECONDARY_KINDS))
        .order_by(schema.Document.id)
    )
    results: list[ReportLink] = []
    for document in documents:
        link = _link_one(session, document, procedures)
        if link.method in ("explicit", "inferred"):
            for procedure in link.procedures:
                session.add(
                    schema.DocumentReference(
                        document_id=document.id, kind="procedure", value=procedure, role=REPORTS_ON
                    )
                )
        else:
            log.info("%s: %s", document.id[:12], link.reason)
        results.append(link)
    session.flush()
    return results
