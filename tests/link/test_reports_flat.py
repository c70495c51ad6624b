"""A source naming no procedure costs the same whatever the number of procedures stored: only the
procedures voted on its day or with its tally are read and compared with it (issue 10: every
procedure's title words and votes were read, and each source compared with every procedure of
its country)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from tests.plans import query_plan

from whereas.link import reports
from whereas.link.evidence import procedures_voted
from whereas.link.reports import link_reports_to_procedures
from whereas.link.words import subject_score
from whereas.store import Store

from .test_reports_and_claims import (
    PRESS_RELEASE,
    VENEZUELA_JULY,
    OfficialVote,
    add_procedure,
    add_secondary,
)

SMALL, LARGE = 20, 80


def _store(url: str, corpus: Path, others: int) -> Store:
    """The press release, its procedure, and `others` procedures on Venezuela voted in other
    years with other tallies (each one a candidate by subject, none by day or tally)."""
    store = Store.open(url)
    with store.session() as session:
        add_procedure(session, VENEZUELA_JULY)
        for n in range(others):
            add_procedure(
                session,
                OfficialVote(
                    f"2010/{2000 + n}(RSP)",
                    "Situation in Venezuela",
                    date(2010, 1, 7) + timedelta(weeks=n),
                    (300 + n, 200, 10),
                    f"P7_TA(2010){n:04d}",
                ),
            )
        add_secondary(session, corpus / PRESS_RELEASE, "press_release")
    return store


def _linked(store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, int, int, list[str]]:
    """What report linking decides, the statements it sends, the procedures it compares with
    the source, and the SQL of its statements on votes."""
    compared = 0

    def counted(*args: Any) -> float:
        nonlocal compared
        compared += 1
        return subject_score(*args)

    statements: list[str] = []

    def seen(_c: Any, _cu: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    monkeypatch.setattr(reports, "subject_score", counted)
    with store.session() as session:
        event.listen(store.engine, "before_cursor_execute", seen)
        decided = [(d.procedures, d.method) for d in link_reports_to_procedures(session)]
        event.remove(store.engine, "before_cursor_execute", seen)
        session.rollback()
    return decided, len(statements), compared, [s for s in statements if "FROM votes" in s]


def test_a_source_costs_the_same_with_four_times_the_procedures(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _store(f"sqlite:///{tmp_path / 'small.db'}", corpus, SMALL)
    large = _store(f"sqlite:///{tmp_path / 'large.db'}", corpus, LARGE)
    decided, sent, compared, _ = _linked(small, monkeypatch)
    assert decided == [(["2019/2730(RSP)"], "inferred")]
    assert _linked(large, monkeypatch)[:3] == (decided, sent, compared)
    assert compared == 1  # the procedure voted with the source's tally, not every Venezuela
    small.close()
    large.close()


def _assert_no_scan_of_votes(store: Store, statements: list[str]) -> None:
    """Each statement reads votes through an index (SQLite's plan, parameters as NULL)."""
    with store.engine.connect() as connection:
        for statement in statements:
            plan = query_plan(connection, statement, (None,) * statement.count("?"))
            assert "SCAN votes" not in plan, (statement, plan)


def test_votes_are_found_by_day_and_tally_through_an_index(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(f"sqlite:///{tmp_path / 'store.db'}", corpus, SMALL)
    *_, on_votes = _linked(store, monkeypatch)
    _assert_no_scan_of_votes(store, on_votes)
    store.close()


@dataclass(frozen=True)
class _Claimed:
    for_: int | None
    against: int | None
    abstentions: int | None


@pytest.mark.parametrize(
    "claimed",
    [_Claimed(None, 320, 30), _Claimed(None, None, 30), _Claimed(320, None, None)],
    ids=["against and abstentions", "abstentions alone", "for alone"],
)
def test_a_tally_stated_in_part_is_found_through_an_index(
    tmp_path: Path, corpus: Path, claimed: _Claimed
) -> None:
    """ "Rejected with 320 votes against and 30 abstentions": a source may state any figure
    alone, and each is read through an index (helper-49's review: only "for" had one)."""
    store = _store(f"sqlite:///{tmp_path / 'store.db'}", corpus, SMALL)
    statements: list[str] = []

    def seen(_c: Any, _cu: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    with store.session() as session:
        event.listen(store.engine, "before_cursor_execute", seen)
        procedures_voted(session, set(), [claimed])
        event.remove(store.engine, "before_cursor_execute", seen)
    on_votes = [s for s in statements if "FROM votes" in s]
    assert on_votes
    _assert_no_scan_of_votes(store, on_votes)
    store.close()
