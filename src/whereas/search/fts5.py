"""The FTS5 tables whereas keeps on SQLite, what a row holds, and the MATCH expressions it runs.

A row of search_fts is one entry: `terms`, its words as index terms (whereas.search.text), and
`labels`, weighted 0 in BM25, which holds the entry's label terms (whereas.search.label_terms),
then once each word the entry holds more than once (marked: "rchild", a short list of its own),
then the filler token up to as many tokens as `terms`. FTS5's BM25 measures a row over all its
columns: filled this way every row is twice as long as its words, and BM25 ranks exactly as if
the labels column were not there (unless an entry has more labels than words). The repeated
words let a broad query find its best candidates (whereas.search.fts_rank). The rowid, which is
the entry's id, is the row's length in tokens shifted left by BAND_SHIFT, plus a sequence
number: shorter entries come first.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, Text, literal_column, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from whereas.search.label_terms import LabelMatch
from whereas.search.plan import AnyOf, Match, PhraseTerms, Terms, leaves

BAND_SHIFT = 40  # an entry id (= FTS5 rowid) is its length band << 40 | a sequence number
MAX_BAND = 1023  # rows this long or longer share the last band
FILLER = "z"
REPEATED = "r"  # no label term starts with it (whereas.search.label_terms)

_meta = MetaData()
search_fts = Table(
    "search_fts",
    _meta,
    Column("rowid", Integer),
    Column("terms", Text),
    Column("labels", Text),
)
search_state = Table(
    "search_state", _meta, Column("name", Text, primary_key=True), Column("value", Integer)
)
search_references = Table("search_references", _meta, Column("value", Text))
# The distinct values search_references indexes (migration 0014): its content, by value.
search_reference_values = Table(
    "search_reference_values",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("value", Text, nullable=False, unique=True),
)
FTS: ColumnClause[Any] = literal_column("search_fts")


_AVERAGES = text("SELECT block FROM search_fts_data WHERE id = 1")


def indexed_entries(session: Session) -> int:
    """How many rows search_fts holds: the first varint of FTS5's averages record, which FTS5
    writes as each writing transaction ends (counting the entries took 40 ms at a million)."""
    block = session.scalar(_AVERAGES)
    return _varint(bytes(block)) if block else 0


def _varint(data: bytes) -> int:
    """SQLite's variable-length integer at the start of `data` (big-endian, 7 bits a byte,
    the ninth byte whole)."""
    value = 0
    for position, byte in enumerate(data[:9]):
        if position == 8:
            return value << 8 | byte
        value = value << 7 | byte & 0x7F
        if byte < 0x80:
            break
    return value


def labels_column(terms: list[str], labels: list[str]) -> str:
    """The labels column of a row: label terms, repeated words, filler up to len(terms)."""
    room = max(0, len(terms) - len(labels))
    repeated = [REPEATED + t for t, n in Counter(terms).items() if n > 1][:room]
    return " ".join([*labels, *repeated, *[FILLER] * (room - len(repeated))])


def entry_id(sequence: int, terms: int, labels: int) -> int:
    """The id of an entry: shorter rows (as BM25 counts a row's length) sort first."""
    return min(terms + max(terms, labels), MAX_BAND) << BAND_SHIFT | sequence


def quote(term: str) -> str:
    """One FTS5 string: user text never reaches MATCH unquoted."""
    return '"' + term.replace('"', '""') + '"'


def compile_match(match: Match) -> str:
    """The FTS5 MATCH expression of a plan, every term quoted, every group parenthesised."""
    if isinstance(match, Terms):
        star = "*" if match.prefix else ""
        return _any([quote(v) + star for v in match.variants])
    if isinstance(match, PhraseTerms):
        return _any([quote(" ".join(words)) for words in match.variants])
    if isinstance(match, AnyOf):
        return _any([compile_match(c) for c in match.children])
    positives = " AND ".join(compile_match(p) for p in match.positives)
    if not match.negatives:
        return f"({positives})"
    negatives = _any([compile_match(n) for n in match.negatives])
    return f"(({positives}) NOT {negatives})"


def fts_match(match: Match, labels: LabelMatch) -> str:
    """The query's words in the terms column and the filters' label terms in the labels column."""
    expression = f"terms : {compile_match(match)}"
    if not labels.groups:
        return expression
    groups = " AND ".join(_any([quote(t) for t in group]) for group in labels.groups)
    return f"{expression} AND labels : ({groups})"


def repeated_match(
    match: Match, every: bool = False, common: frozenset[str] = frozenset()
) -> str | None:
    """Entries holding one of the query's words at least twice (in the labels column), or with
    `every`, each of them. Words in `common` are left out (most entries repeat "the"); None when
    nothing is left, or with `every` when a single word or phrase is (the same entries)."""
    groups: dict[str, None] = {}
    for leaf in leaves(match):
        if isinstance(leaf, Terms):
            star = "*" if leaf.prefix else ""
            kept = [] if set(leaf.variants) & common else list(leaf.variants)
            words = [quote(REPEATED + v) + star for v in kept]
        else:
            kept = [w for variant in leaf.variants for w in variant if w not in common]
            words = [quote(REPEATED + w) for w in kept]
        if words:
            groups[_any(list(dict.fromkeys(words)))] = None
    if not groups or (every and len(groups) < 2):
        return None
    return f"labels : ({(' AND ' if every else ' OR ').join(groups)})"


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
