"""One corpus-subset store for the API and browser tests, built once per run under a file lock.

The xdist workers share pytest's base temporary folder: the first to take the lock builds the
store, the others find it done. Tests that write (ingest) work on their own copy.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tests.link.thread_data import PROCEDURE, Made, add_text, joint_motion, renumbered

from whereas.ingest import ingest_file, link_store
from whereas.store import Store

TOKEN = "test-token-1234"
PARTS = [
    "howtheyvote",
    "press-and-news",
    "votes-export/main-votes-term10.csv",
    "mepwatch/cards/139038.json",
    "mepwatch/cards/139038.csv",
    "mepwatch/meps-term9.csv",
]
# News items written for these tests: a script, an event handler and a javascript: link.
HOSTILE = {
    "hostile-news.md": """---
title: "<script>alert('title')</script> Parliament resolution"
date: 2025-03-14
---
# <img src=x onerror=alert(1)> Parliament condemns

The resolution was adopted by 500 votes to 10, with 20 abstentions.
<script>document.title='owned'</script>
[read more](javascript:alert('link'))
""",
    "hostile-title.md": """---
title: "<script>alert('x')</script> Resolution on Kazakhstan"
date: 2022-01-21
---
Adopted by 589 votes to 35, with 47 abstentions. <a href="javascript:alert(1)">more</a>
""",
}
LATER_PROCEDURE = "2026/2001(RSP)"
MOTION = "B10-0250/2025"
ADOPTED = "P10_TA(2025)0096"


def _motion(clauses: list[Made]) -> list[Made]:
    """The S&D motion: § 5 missing, § 2 cut short, a paragraph the joint motion did not keep."""
    out = []
    for c in clauses:
        if c.kind == "paragraph" and c.label == "5":
            continue
        if c.kind == "paragraph" and c.label == "2":
            c = replace(c, text=c.text.split(" and ")[0] + ".")
        out.append(c)
    extra = Made("paragraph", None, "Welcomes the appointment of a special envoy for culture.")
    return renumbered([*out[:-1], extra, out[-1]])


def _adopted(clauses: list[Made]) -> list[Made]:
    """The text adopted: a paragraph inserted after § 4 (Am 1 was adopted in plenary)."""
    added = Made("paragraph", None, "Calls on the Commission to fund family tracing services.")
    at = next(i for i, c in enumerate(clauses) if c.label == "4") + 1
    return renumbered([*clauses[:at], added, *clauses[at:]])


def _later(clauses: list[Made]) -> list[Made]:
    """A resolution a year later: § 6 strengthened with a deadline, the rest repeated."""
    out = []
    for c in clauses:
        if c.kind == "paragraph" and c.label == "6":
            c = replace(c, text=c.text.rstrip(".") + ", without delay.")
        out.append(c)
    return out


def add_lineage_texts(store: Store) -> None:
    """A group motion, a text adopted and a later resolution, made from the real joint motion."""
    with store.session() as session:
        _, rc = joint_motion(session)
        texts = [
            ("motion", MOTION, PROCEDURE, date(2025, 5, 5), _motion(rc), ["SD"]),
            ("text_adopted", ADOPTED, PROCEDURE, date(2025, 5, 8), _adopted(rc), []),
            ("text_adopted", "P10_TA(2026)0010", LATER_PROCEDURE, date(2026, 5, 7), _later(rc), []),
        ]
        for kind, reference, procedure, day, clauses, groups in texts:
            title = "on the return of Ukrainian children deported by Russia"
            add_text(
                session,
                kind=kind,
                reference=reference,
                procedure=procedure,
                title=title,
                day=day,
                clauses=clauses,
                groups=groups,
            )


def build_site_store(url: str, corpus: Path, extras: list[Path]) -> None:
    """Ingest the parts of the corpus and the extra files, add the lineage texts, then link."""
    store = Store.open(url)
    try:
        paths = [corpus / part for part in PARTS]
        files = [
            p for path in paths for p in (sorted(path.rglob("*")) if path.is_dir() else [path])
        ]
        for path in [*files, *extras]:
            if path.is_file():
                ingest_file(store, path)
        add_lineage_texts(store)
        link_store(store)
    finally:
        store.close()


def shared_site_db(corpus: Path, factory: pytest.TempPathFactory) -> Path:
    """The path of the shared store's SQLite file, built by the first process that asks."""
    import fasteners

    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # a worker: the base folder is shared
        root = root.parent
    folder = root / "site-store"
    db = folder / "site.db"
    with fasteners.InterProcessLock(str(root / "site-store.lock")):
        if not (folder / "done").exists():
            folder.mkdir(exist_ok=True)
            extras = []
            for name, text in HOSTILE.items():
                (folder / name).write_text(text, encoding="utf-8")
                extras.append(folder / name)
            db.unlink(missing_ok=True)
            build_site_store(f"sqlite:///{db}", corpus, extras)
            (folder / "done").touch()
    return db


def copy_of(db: Path, target: Path) -> str:
    """A private copy of the shared store (for tests that write); its URL."""
    with sqlite3.connect(db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"
