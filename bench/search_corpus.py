"""The store bench/search.py times: clauses recombined from real resolution text and prose.

Source texts are the corpus's real clauses and the body paragraphs of its English resolutions,
reports, procedure summaries, press releases and news (never datasets, vote lists or page chrome).
Each bench clause is the head, a middle and the tail of three different source texts, so a word
matches about the share of clauses it would match in the source texts. The labels that filters
and facets read (countries, groups, verbs, addressees, themes, kinds, dates) are drawn per
document and per clause with skewed weights, as in the real store: a few countries, verbs and
themes are common, most are rare.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from whereas.embed import text_hash
from whereas.ingest import ingest_paths
from whereas.search.backend import EntryRow, lexical_index
from whereas.search.labels import encode
from whereas.search.text import index_terms
from whereas.store import Store, schema

PROSE_KINDS = (
    "joint_motion",
    "motion",
    "text_adopted",
    "report",
    "procedure_summary",
    "press_release",
    "news",
    "statement",
    "debate",
)
SAMPLE = 3000  # source texts at most (a seeded sample when the corpus has more)
PER_DOCUMENT = 40
CHUNK = 20_000

COUNTRIES = ["ua", "ru", "by", "ir", "cn", "ge", "az", "ve", "af", "mm", "ni", "tr", "sy", "kz",
             "eg", "sa", "cu", "er", "ye", "pk", "in", "kh", "vn", "tj", "bd", "rw", "cd", "et",
             "ml", "bi"]  # fmt: skip
GROUPS = ["EPP", "SD", "RENEW", "GREEN_EFA", "ECR", "GUE_NGL", "PFE", "ESN"]
VERBS = ["calls on", "calls for", "urges", "condemns", "stresses", "demands", "strongly condemns",
         "welcomes", "recalls", "expresses its concern", "reiterates", "deplores", "notes",
         "underlines", "insists", "encourages", "requests", "regrets", "supports",
         "emphasises", "instructs", "denounces", "highlights", "reaffirms", "invites",
         "is deeply concerned", "asks", "rejects", "expects", "warns"]  # fmt: skip
ACTORS = ["council", "commission", "member_states", "vp_hr", "eeas", "eu", "eu_delegation",
          "international_community", "un", "osce", "council_of_europe", "icc", "un_hrc",
          "ohchr", "unicef", "icrc"]  # fmt: skip
THEMES = ["accountability", "arbitrary_detention", "political_prisoners", "human_rights_defenders",
          "freedom_of_expression", "media_freedom", "torture", "children", "sanctions",
          "elections", "freedom_of_assembly", "fair_trial", "war_crimes", "minorities",
          "death_penalty", "womens_rights", "rule_of_law", "refugees", "humanitarian_access",
          "enforced_disappearance", "civil_society", "freedom_of_religion", "lgbtiq_rights",
          "internet_shutdown", "forced_displacement", "transnational_repression",
          "extrajudicial_killings", "hostages", "forced_labour", "cultural_rights"]  # fmt: skip
CLAUSE_KINDS = (["citation", "recital", "paragraph", "point"], [0.2, 0.35, 0.4, 0.05])
DOCUMENT_KINDS = (["text_adopted", "joint_motion", "motion"], [0.5, 0.3, 0.2])

Made = tuple[str, tuple[int, int, int]]
Floats = npt.NDArray[np.float32]


def real_texts(corpus: Path, folder: Path) -> list[str]:
    """Distinct English clause texts and prose paragraphs of the corpus, ingested once."""
    store = Store.open(f"sqlite:///{folder / 'corpus.db'}")
    ingest_paths(store, [corpus])
    texts: set[str] = set()
    with store.session() as session:
        english = select(schema.Document.id).where(schema.Document.language == "en")
        clauses = select(schema.Clause.text).where(schema.Clause.document_id.in_(english))
        texts.update(_unlabelled(t) for t in session.scalars(clauses))
        bodies = select(schema.Document.body).where(
            schema.Document.kind.in_(PROSE_KINDS), schema.Document.language == "en"
        )
        for body in session.scalars(bodies):
            texts.update(_unlabelled(p) for p in body.split("\n"))
    store.close()
    return sorted(t for t in texts if is_prose(t))


def _unlabelled(text: str) -> str:
    """A passage without its list marker or clause label ("6. ", "A. ", "- ", "(a) ")."""
    return _LABEL.sub("", text.strip())


_LABEL = re.compile(r"^(?:[-–•]\s*|\(?[0-9]{1,2}[.)]\s+|\(?[A-Z]{1,2}[.)]\s+|\([a-z]\)\s+)+")
_OPENINGS = ("whereas", "having regard", "pursuant")


def is_prose(text: str) -> bool:
    """A sentence or more of running text: not a list of names, a table row or page chrome."""
    words = text.split()
    if not 60 <= len(text) <= 1200 or len(words) < 8 or "|" in text:
        return False
    if text[0].islower() and not text.startswith(_OPENINGS):
        return False  # the rest of a line broken in the middle of a sentence
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 0.5 * len(words) and len(re.findall(r"\d", text)) < 0.2 * len(text)


def sample_texts(texts: list[str], rng: random.Random) -> list[str]:
    """A seeded sample of SAMPLE texts (all of them when there are fewer)."""
    return sorted(rng.sample(texts, min(SAMPLE, len(texts))))


def head_middle_tail(
    words: Sequence[list[str]], rng: random.Random
) -> tuple[list[str], tuple[int, int, int]]:
    """The head, a middle and the tail of three different texts (given as words), and which."""
    a, b, c = rng.sample(range(len(words)), 3)
    parents = (a, b, c)
    parts: list[str] = []
    for part, index in enumerate(parents):
        w = words[index]
        third = max(1, len(w) // 3)
        start = rng.randrange(0, max(1, len(w) - third)) if part == 1 else part * third
        parts.extend(w[start : start + third + rng.randrange(0, 4)])
    return parts, parents


def recombine(texts: Sequence[str], count: int, rng: random.Random) -> list[Made]:
    """`count` distinct clauses, each the head, middle and tail of three different real ones."""
    words = [t.split() for t in texts]
    seen: set[int] = set()
    made: list[Made] = []
    while len(made) < count:
        parts, parents = head_middle_tail(words, rng)
        text = " ".join(parts)
        key = hash(text)
        if key not in seen:
            seen.add(key)
            made.append((text, parents))
    return made


def _skewed(values: Sequence[str], rng: random.Random, count: int, offset: float = 1) -> list[str]:
    """`count` distinct values, the first ones of the list more often (weights 1/(rank+offset))."""
    weights = [1 / (rank + offset) for rank in range(len(values))]
    chosen: list[str] = []
    while len(chosen) < min(count, len(values)):
        value = rng.choices(values, weights)[0]
        if value not in chosen:
            chosen.append(value)
    return chosen


@dataclass(frozen=True)
class DocumentLabels:
    """What the document of 40 bench clauses is: kind, date, procedure, countries, groups."""

    kind: str
    day: date
    procedure: str
    countries: list[str]
    groups: list[str]


def document_labels(number: int, rng: random.Random) -> DocumentLabels:
    """Labels of one bench document: one country mostly, groups that tabled it, 2015-2025."""
    kind = rng.choices(*DOCUMENT_KINDS)[0]
    how_many = rng.choices([0, 1, 2], [0.15, 0.7, 0.15])[0]
    countries = _skewed(COUNTRIES, rng, how_many, offset=3)
    tabled = {"joint_motion": rng.randint(3, 6), "motion": 1}.get(kind, 0)
    groups = _skewed(GROUPS, rng, tabled, offset=2)
    year = 2015 + number % 11
    day = date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
    kind_of_procedure = rng.choices(["RSP", "INI"], [0.85, 0.15])[0]
    procedure = f"{year}/{2000 + number % 7000:04d}({kind_of_procedure})"
    return DocumentLabels(kind, day, procedure, countries, groups)


def clause_labels(about: DocumentLabels, rng: random.Random) -> dict[str, Any]:
    """Kind, verbs, addressees and themes of one clause (verbs and addressees: paragraphs)."""
    kind = rng.choices(*CLAUSE_KINDS)[0]
    themes = _skewed(THEMES, rng, rng.choices([0, 1, 2, 3], [0.35, 0.35, 0.2, 0.1])[0], 2)
    verbs: list[str] = []
    addressees: list[str] = []
    if kind in ("paragraph", "point"):
        verbs = _skewed(VERBS, rng, rng.choices([1, 2], [0.75, 0.25])[0], offset=2)
        addressees = _skewed(ACTORS, rng, rng.choices([0, 1, 2, 3], [0.3, 0.4, 0.2, 0.1])[0])
        if about.countries and rng.random() < 0.3:
            addressees.append(f"authorities:{about.countries[0]}")
    return {"kind": kind, "verbs": verbs, "addressees": addressees, "themes": themes}


def build(store: Store, made: list[Made], real: Floats, model: str, rng: random.Random) -> float:
    """Documents, clauses, vectors and the index, committed per chunk; the index's seconds."""
    noise = np.random.default_rng(1)
    index_seconds = 0.0
    documents: dict[int, DocumentLabels] = {}
    for start in range(0, len(made), CHUNK):
        with store.session() as session:
            chunk = made[start : start + CHUNK]
            index_seconds += _write_chunk(session, chunk, start, real, model, noise, rng, documents)
            session.commit()
    return index_seconds


def _write_chunk(
    session: Session,
    chunk: list[Made],
    start: int,
    real: Floats,
    model: str,
    noise: np.random.Generator,
    rng: random.Random,
    documents: dict[int, DocumentLabels],
) -> float:
    new_documents: list[int] = []
    clauses: list[dict[str, Any]] = []
    vectors: list[dict[str, Any]] = []
    for i, (text, parents) in enumerate(chunk):
        n = start + i
        number = n // PER_DOCUMENT
        if number not in documents:
            documents[number] = document_labels(number, rng)
            new_documents.append(number)
        mix = real[list(parents)].sum(axis=0) + noise.normal(0, 0.03, real.shape[1])
        vector = (mix / np.linalg.norm(mix)).astype(np.float32).tobytes()
        vectors.append({"text_hash": text_hash(text), "model": model, "dim": real.shape[1],
                        "vector": vector})  # fmt: skip
        labels = clause_labels(documents[number], rng)
        clauses.append({"id": n + 1, "document_id": _doc_id(number), "position": n % PER_DOCUMENT,
                        "label": str(n % PER_DOCUMENT), "text": text, **labels})  # fmt: skip
    _write_documents(session, [(_doc_id(d), documents[d]) for d in new_documents])
    session.execute(insert(schema.Clause), clauses)
    session.execute(insert(schema.ClauseVector), vectors)
    began = time.perf_counter()
    rows = [_entry(c, documents[(int(c["id"]) - 1) // PER_DOCUMENT]) for c in clauses]
    lexical_index(session).write(session, rows)  # FTS5 on SQLite, the tsvector on PostgreSQL
    return time.perf_counter() - began


def _doc_id(number: int) -> str:
    return f"{number:064d}"


def _write_documents(session: Session, documents: list[tuple[str, DocumentLabels]]) -> None:
    now = datetime.now(UTC)
    blobs = [{"sha256": d, "size": 0, "data": b""} for d, _ in documents]
    session.execute(insert(schema.Blob), blobs)
    rows = [
        {"id": d, "kind": about.kind, "format": "text", "version_key": d, "read_at": now,
         "title": "on the situation", "date": about.day, "language": "en",
         "procedure": about.procedure, "groups": about.groups}
        for d, about in documents
    ]  # fmt: skip
    session.execute(insert(schema.Document), rows)


def _entry(clause: dict[str, Any], about: DocumentLabels) -> EntryRow:
    labels = {  # countries are the document's, as whereas.search.index makes them
        "procedure_type": about.procedure[-4:-1],
        "countries": encode(about.countries),
        "groups": encode(about.groups),
        "verbs": encode(clause["verbs"]),
        "addressees": encode(clause["addressees"]),
        "themes": encode(clause["themes"]),
    }
    text = str(clause["text"])
    return EntryRow(str(clause["document_id"]), int(clause["id"]), "clause", about.kind,
                    clause["kind"], "en", about.day, index_terms(text, "en"), labels,
                    text_hash(text))  # fmt: skip
