"""The whole-store link as it was before linking streamed (commit a332419), kept as an oracle.

Every linker here loads what it needs of the whole store at once, as link_store did: the
streaming linkers must write the same rows. Only orchestration is copied (what is read, in what
order, how it is grouped and written); the rules it applies (name keys, subject words, tallies,
alignment, demand scores and labels) are imported, so that the comparison is about streaming.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from whereas.embed import Embedder
from whereas.link.claims import ClaimCheck, _check
from whereas.link.evidence import same_tally
from whereas.link.people import PeopleIndex, resolve_voting_ids
from whereas.link.reports import (
    MIN_SUBJECT,
    REPORT_WINDOW,
    REPORTS_ON,
    SECONDARY_KINDS,
    ReportLink,
    _Candidate,
    _choose,
    document_day,
)
from whereas.link.thread.alignment import Piece, align
from whereas.link.thread.countries import countries_addressed, countries_in_title
from whereas.link.thread.demands import (
    Demand,
    change_label,
    is_demand,
    same_addressee,
    threshold_for,
)
from whereas.link.thread.lineage import DERIVES_FROM, METHOD
from whereas.link.thread.repeat_links import METHOD_PREFIX, TOP_K
from whereas.link.thread.repeats import PairScorer
from whereas.link.thread.texts import STAGES
from whereas.link.words import TextWords, subject_score, title_words
from whereas.parse.votes.members import VOTING_ID
from whereas.store import schema

# --- people ---------------------------------------------------------------------------------


def link_people(session: Session) -> None:
    """Every unmatched author and position of the store matched, every name issue rewritten."""
    resolve_voting_ids(session)
    index = PeopleIndex.of(session)
    session.execute(delete(schema.PersonNameIssue))
    issues: dict[tuple[str, str, str], list[str]] = {}
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
    rows = session.execute(
        select(schema.MemberVote.id, schema.MemberVote.name, schema.Vote.document_id)
        .join(schema.Vote, schema.Vote.id == schema.MemberVote.vote_id)
        .where(schema.MemberVote.person_id.startswith(VOTING_ID))
    ).all()
    members: list[dict[str, object]] = []
    for member_id, name, document_id in rows:
        found = index.candidates(name)
        if len(found) == 1:
            members.append({"id": member_id, "person_id": found[0]})
        elif len(name.split()) > 1:
            issues[(document_id, "member_vote", name)] = found
    if members:
        session.execute(update(schema.MemberVote), members)
    issue_rows = [
        {
            "document_id": doc,
            "role": role,
            "name": name,
            "reason": "ambiguous" if found else "unknown",
            "candidates": found,
        }
        for (doc, role, name), found in sorted(issues.items())
    ]
    if issue_rows:
        session.execute(insert(schema.PersonNameIssue), issue_rows)
    session.flush()


# --- reports and claims -----------------------------------------------------------------------

_TEXT_KINDS = ("procedure", "text_adopted", "joint_motion", "motion", "report")


@dataclass
class Evidence:
    """A procedure's title words and official votes (ORM objects)."""

    reference: str
    words: set[str]
    votes: list[schema.Vote]

    @property
    def days(self) -> set[date]:
        return {v.date for v in self.votes if v.date is not None}


def _day_agrees(evidence: Evidence, published: date | None, claimed: set[date]) -> bool:
    if claimed:
        return bool(claimed & evidence.days)
    if published is None:
        return False
    return any(day <= published <= day + REPORT_WINDOW for day in evidence.days)


def _official_votes(session: Session, procedure: str) -> list[schema.Vote]:
    refs = set(
        session.scalars(
            select(schema.Document.reference).where(schema.Document.procedure == procedure)
        )
    )
    refs |= set(
        session.scalars(select(schema.Vote.reference).where(schema.Vote.procedure == procedure))
    )
    refs = {r for r in refs if r}
    condition = schema.Vote.procedure == procedure
    if refs:
        condition = or_(condition, schema.Vote.reference.in_(refs))
    rows = session.scalars(
        select(schema.Vote)
        .where(schema.Vote.official.is_(True), condition)
        .order_by(schema.Vote.id)
    )
    return list(rows)


def _evidence(session: Session) -> list[Evidence]:
    out: list[Evidence] = []
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
        votes = _official_votes(session, procedure.reference)
        out.append(Evidence(procedure.reference, words, votes))
    return out


def _claimed_votes(session: Session, document_id: str) -> list[schema.Vote]:
    return list(
        session.scalars(
            select(schema.Vote)
            .where(schema.Vote.document_id == document_id, schema.Vote.official.is_(False))
            .order_by(schema.Vote.position)
        )
    )


def _procedure_of(session: Session, kind: str, value: str) -> str | None:
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


def _explicit(session: Session, document: schema.Document) -> list[str]:
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


def _candidates(
    session: Session, document: schema.Document, procedures: list[Evidence]
) -> list[_Candidate]:
    text = TextWords.of(f"{document.title or ''} {document.body}")
    claims = _claimed_votes(session, document.id)
    claimed_days = {c.date for c in claims if c.date is not None}
    published = document_day(document)
    out: list[_Candidate] = []
    for evidence in procedures:
        subject = subject_score(evidence.words, text)
        tally = any(same_tally(c, v) for c in claims for v in evidence.votes)
        if subject < MIN_SUBJECT and not (tally and subject > 0):
            continue
        day = _day_agrees(evidence, published, claimed_days)
        if tally or day:  # only a procedure voted on the day or with the tally can be chosen
            out.append(_Candidate(evidence.reference, subject, tally, day))
    return out


def link_reports(session: Session) -> list[ReportLink]:
    """Every secondary document of the store given its reports_on procedures."""
    procedures = _evidence(session)
    documents = session.scalars(
        select(schema.Document)
        .where(schema.Document.kind.in_(SECONDARY_KINDS))
        .order_by(schema.Document.id)
    ).all()
    results: list[ReportLink] = []
    for document in documents:
        existing = list(
            session.scalars(
                select(schema.DocumentReference.value).where(
                    schema.DocumentReference.document_id == document.id,
                    schema.DocumentReference.role == REPORTS_ON,
                )
            )
        )
        if existing:
            results.append(ReportLink(document.id, existing, "existing", "linked before"))
            continue
        explicit = _explicit(session, document)
        if explicit:
            link = ReportLink(document.id, explicit, "explicit", "the source names it")
        else:
            link = _choose(document.id, _candidates(session, document, procedures))
        if link.method in ("explicit", "inferred"):
            for procedure in link.procedures:
                session.add(
                    schema.DocumentReference(
                        document_id=document.id, kind="procedure", value=procedure, role=REPORTS_ON
                    )
                )
        results.append(link)
    session.flush()
    return results


def check_claims(session: Session) -> list[ClaimCheck]:
    """Every claimed tally of every source with reports_on procedures checked, links written."""
    documents = session.scalars(
        select(schema.DocumentReference.document_id)
        .where(schema.DocumentReference.role == REPORTS_ON)
        .distinct()
    )
    checks: list[ClaimCheck] = []
    for document_id in sorted(set(documents)):
        reported = session.scalars(
            select(schema.DocumentReference.value)
            .where(
                schema.DocumentReference.document_id == document_id,
                schema.DocumentReference.role == REPORTS_ON,
            )
            .order_by(schema.DocumentReference.id)
        )
        official = {p: _official_votes(session, p) for p in reported}
        for claim in _claimed_votes(session, document_id):
            check = _check(claim, official)  # type: ignore[arg-type]
            _save_check(session, check)
            checks.append(check)
    session.flush()
    return checks


def _save_check(session: Session, check: ClaimCheck) -> None:
    if check.official_vote_id is None or check.verdict == "unchecked":
        return
    official = session.get(schema.Vote, check.official_vote_id)
    if official is None:
        return
    method = f"tally:{check.claim_vote_id}->{check.official_vote_id}"
    exists = session.scalar(
        select(schema.Link.id).where(
            schema.Link.from_document == check.document_id,
            schema.Link.method == method,
            schema.Link.type == check.verdict,
        )
    )
    if exists is None:
        session.add(
            schema.Link(
                type=check.verdict,
                label=None,
                from_document=check.document_id,
                to_document=official.document_id,
                score=1.0 if check.verdict == "corroborates" else 0.0,
                method=method,
            )
        )


# --- thread: lineage and repeats ------------------------------------------------------------

_FORMAT_RANK = {"html": 0, "xml": 1, "docx": 2, "json": 3, "pdf": 4, "text": 5}


@dataclass
class Text:
    """A resolution text as an ORM document and ORM clauses."""

    document: schema.Document
    clauses: list[schema.Clause] = field(default_factory=list)

    @property
    def stage(self) -> int:
        return STAGES.index(self.document.kind)


def resolution_texts(session: Session) -> dict[str, list[Text]]:
    """Per procedure, its texts with clauses, the whole store at once."""
    query = select(schema.Document).where(
        schema.Document.kind.in_(STAGES), schema.Document.procedure.is_not(None)
    )
    docs = list(session.scalars(query))
    counts: dict[str, int] = defaultdict(int)
    for doc_id in session.scalars(
        select(schema.Clause.document_id).where(schema.Clause.document_id.in_([d.id for d in docs]))
    ):
        counts[doc_id] += 1
    by_ref: dict[tuple[str, str], list[schema.Document]] = defaultdict(list)
    for d in docs:
        if counts.get(d.id):
            by_ref[(d.procedure or "", d.reference or d.id)].append(d)
    out: dict[str, list[Text]] = defaultdict(list)
    for (procedure, _), group in sorted(by_ref.items()):
        chosen = min(
            group,
            key=lambda d: (-counts[d.id], _FORMAT_RANK.get(d.format, 9), -d.version, d.id),
        )
        clauses = session.scalars(
            select(schema.Clause)
            .where(schema.Clause.document_id == chosen.id)
            .order_by(schema.Clause.position)
        )
        out[procedure].append(Text(chosen, list(clauses)))
    for texts in out.values():
        texts.sort(key=lambda t: (t.stage, t.document.reference or "", t.document.id))
    return dict(out)


def link_lineage(session: Session) -> None:
    """Every pair of stages of every procedure aligned, links written as ORM objects."""
    session.execute(delete(schema.Link).where(schema.Link.method == METHOD))
    for texts in resolution_texts(session).values():
        for earlier in texts:
            for later in texts:
                if later.stage <= earlier.stage:
                    continue
                pieces = [
                    [Piece(c.position, c.kind, c.label, c.text) for c in t.clauses]
                    for t in (earlier, later)
                ]
                for d in align(*pieces):
                    for target in d.earlier or (None,):
                        session.add(
                            schema.Link(
                                type=DERIVES_FROM,
                                label=d.change,
                                from_document=later.document.id,
                                from_clause=d.later,
                                to_document=earlier.document.id,
                                to_clause=target,
                                score=d.score,
                                method=METHOD,
                            )
                        )
    session.flush()


def _demands_of(text: Text) -> list[Demand]:
    doc = text.document
    chosen = [c for c in text.clauses if is_demand(c.kind, c.verbs)]
    countries = countries_in_title(doc.title, doc.language)
    if not countries:
        countries = countries_addressed(a for c in chosen for a in c.addressees)
    return [
        Demand(
            doc.id,
            c.position,
            c.label,
            c.text,
            tuple(c.verbs),
            tuple(c.addressees),
            tuple(c.themes),
            doc.date,
            doc.procedure,
            frozenset(countries),
        )
        for c in chosen
    ]


def candidates(
    demands: list[Demand], max_candidates: int, max_scanned: int
) -> dict[int, list[int]]:
    """All-pairs-free candidates as the linker computed them over the whole store."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, d in enumerate(demands):
        if d.day is not None:
            for country in d.countries:
                buckets[country].append(index)
    out: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        ordered = sorted(members, key=lambda i: (demands[i].day, i))
        firsts: list[int] = []
        for position, i in enumerate(ordered):
            same = position > 0 and demands[ordered[position - 1]].day == demands[i].day
            firsts.append(firsts[-1] if same else position)
        for position, i in enumerate(ordered):
            a, end, found = demands[i], firsts[position], []
            for back in range(end - 1, max(-1, end - 1 - max_scanned), -1):
                b = demands[ordered[back]]
                if b.procedure == a.procedure:
                    continue
                if set(a.addressees) & set(b.addressees) or set(a.themes) & set(b.themes):
                    found.append(ordered[back])
                    if len(found) >= max_candidates:
                        break
            out[i].update(found)
    return {i: sorted(js) for i, js in out.items() if js}


def link_repeats(
    session: Session, embedder: Embedder, max_candidates: int, max_scanned: int
) -> None:
    """Every final demand of the store scored against its candidates, all at once."""
    session.execute(delete(schema.Link).where(schema.Link.method.like(f"{METHOD_PREFIX}%")))
    demands = [
        d
        for texts in resolution_texts(session).values()
        for d in _demands_of(max(texts, key=lambda t: t.stage))
    ]
    found = candidates(demands, max_candidates, max_scanned)
    if not found:
        return
    scorer = PairScorer(session, [d.text for d in demands], embedder)
    threshold = threshold_for(scorer.model)
    rows = []
    for i, js in sorted(found.items()):
        later = demands[i]
        kept = [j for j in js if same_addressee(later, demands[j])]
        if not kept:
            continue
        scores = scorer.scores(later.text, [demands[j].text for j in kept])
        for score, j in sorted(zip(scores, kept, strict=True), reverse=True)[:TOP_K]:
            if score >= threshold:
                rows.append(
                    {
                        "type": "repeats",
                        "label": change_label(demands[j], later),
                        "from_document": later.document_id,
                        "from_clause": later.position,
                        "to_document": demands[j].document_id,
                        "to_clause": demands[j].position,
                        "score": round(score, 4),
                        "method": f"{METHOD_PREFIX}:{scorer.model}",
                    }
                )
    if rows:
        session.execute(insert(schema.Link), rows)
    session.flush()
