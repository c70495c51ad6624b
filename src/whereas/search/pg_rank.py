"""How PostgreSQL ranks a query: ts_rank over every match, or over candidate pools when broad.

ts_rank reads and scores each matching tsvector: most of a broad query's time. Without length
normalisation (whereas passes none) it depends only on where the query's words stand in an
entry: a word's score grows with its occurrences, and an AND or a phrase scores each pair of
occurrences of two of its words, the nearer the more; equal scores go by entry id. So beyond
RANK_CANDIDATES matches a query is ranked among its RANK_CANDIDATES matches of lowest id (the
ties of entries holding each word once), its REPEATED_CANDIDATES that repeat one of its words
the most times, and its ALL_REPEATED_CANDIDATES of lowest id that repeat each of them, the
equivalent of SQLite's pools (whereas.search.fts_rank). Repeats are found through the GIN index:
the tsvector holds, for each word an entry has more than once, a marker lexeme with the count
(`repeat_lexemes`). Words more than COMMON_SHARE of the entries hold are left out of those
pools. The sizes are SQLite's (whereas.search.fts_rank), read when a query runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Select, any_, bindparam, cast, literal_column, or_
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from whereas.search import fts_rank
from whereas.search.backend import Ranked
from whereas.search.plan import Match, Terms, leaves
from whereas.search.tables import search_entries as e

REPEAT_MARK = "_"  # then the count (one digit) and the word: no label term starts with a digit
MAX_COUNT_MARK = 9  # "9" stands for nine or more
_TERMS: ColumnClause[Any] = literal_column("search_entries.terms")


def lexeme(term: str) -> str:
    """One quoted tsquery/tsvector lexeme: terms are taken as they are, never parsed again."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def repeat_lexemes(terms: Sequence[str]) -> list[str]:
    """The markers of the words an entry holds more than once: `_3child` for three times."""
    counts = Counter(terms)
    return [f"{REPEAT_MARK}{min(n, MAX_COUNT_MARK)}{t}" for t, n in counts.items() if n > 1]


def rank_pools(
    session: Session,
    matching: Select[Any],
    match: Match,
    score: Any,
    limit: int,
    common: frozenset[str],
) -> list[Ranked]:
    """The best `limit` entries of `matching` (the query and its filters) by `score`: over
    every match when there are at most RANK_CANDIDATES, else over the candidate pools."""
    size = max(fts_rank.RANK_CANDIDATES, limit)  # never fewer than the page and facets need
    ranked = matching.add_columns(score)
    cut = session.scalar(matching.order_by(e.c.id).offset(size).limit(1))
    if cut is not None:  # broad: its `size` matches of lowest id, and those that repeat words
        repeats = _repeating(session, matching, _pool_words(match, common))
        # One array parameter: thousands of bound ids cost more to compile than to rank.
        listed = e.c.id == any_(bindparam("repeats", sorted(repeats), type_=ARRAY(BigInteger)))
        ranked = ranked.where(or_(e.c.id < cut, listed))
    rows = session.execute(ranked.order_by(score.desc(), e.c.id).limit(limit))
    return [Ranked(int(row[0]), float(row[1])) for row in rows]


def _repeating(session: Session, matching: Select[Any], words: list[list[str]]) -> set[int]:
    """The matches that repeat one of the query's words the most times, and those of lowest id
    that repeat each of them (a single word or phrase gives both pools' room to the first)."""
    repeated, all_repeated = fts_rank.REPEATED_CANDIDATES, fts_rank.ALL_REPEATED_CANDIDATES
    if not words:  # only words nearly every entry holds
        return set()
    if len(words) == 1:
        return _most_repeated(session, matching, words, repeated + all_repeated)
    found = _most_repeated(session, matching, words, repeated)
    each = " & ".join(_marks(group, 2) for group in words)
    every = matching.where(_TERMS.op("@@")(cast(each, TSQUERY)))
    return found | set(session.scalars(every.order_by(e.c.id).limit(all_repeated)))


def _most_repeated(
    session: Session, matching: Select[Any], words: list[list[str]], budget: int
) -> set[int]:
    """Up to `budget` matches that hold a word of the query the most times: every entry of
    the counts above the one where the budget runs out, then those of lowest id at it."""
    found: set[int] = set()
    for count in range(MAX_COUNT_MARK, 1, -1):
        marks = " | ".join(_marks(group, count) for group in words)
        at_least = matching.where(_TERMS.op("@@")(cast(marks, TSQUERY)))
        ids = set(session.scalars(at_least.order_by(e.c.id).limit(budget)))
        if len(ids) >= budget:
            return found | ids
        found = ids
    return found


def _marks(variants: list[str], at_least: int) -> str:
    """The tsquery of the markers of any variant repeated at least `at_least` times."""
    marks = [
        lexeme(f"{REPEAT_MARK}{n}{v.rstrip('*')}") + (":*" if v.endswith("*") else "")
        for v in variants
        for n in range(at_least, MAX_COUNT_MARK + 1)
    ]
    return "(" + " | ".join(marks) + ")"


def _pool_words(match: Match, common: frozenset[str]) -> list[list[str]]:
    """The query's words as groups of variants (a prefix ends with `*`), common ones left out."""
    groups: list[list[str]] = []
    for leaf in leaves(match):
        if isinstance(leaf, Terms):
            kept = [] if set(leaf.variants) & common else list(leaf.variants)
            group = [v + "*" if leaf.prefix else v for v in kept]
        else:
            group = [w for variant in leaf.variants for w in variant if w not in common]
        if group and group not in groups:
            groups.append(list(dict.fromkeys(group)))
    return groups


def common_words(match: Match, share: Any) -> frozenset[str]:
    """The plain words and phrase words of the query that more than COMMON_SHARE of the entries
    hold (`share` gives a term's share)."""
    words = {v for leaf in leaves(match) if isinstance(leaf, Terms) and not leaf.prefix
             for v in leaf.variants}  # fmt: skip
    words |= {w for leaf in leaves(match) if not isinstance(leaf, Terms)
              for variant in leaf.variants for w in variant}  # fmt: skip
    return frozenset(w for w in words if share(w) > fts_rank.COMMON_SHARE)
