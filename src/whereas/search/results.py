"""What a search answers: ranked hits, facet counts, and direct hits for typed references."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Entry = Literal["clause", "document"]
Mode = Literal["lexical", "hybrid", "semantic"]


@dataclass(frozen=True)
class SearchHit:
    """A clause or a document that matched, with where it comes from and a highlighted snippet."""

    entry: Entry
    document_id: str
    clause_id: int | None
    kind: str  # the document's kind
    clause_kind: str | None
    label: str | None
    reference: str | None
    procedure: str | None
    title: str | None
    date: date | None
    language: str | None
    snippet: str  # HTML: escaped text, <mark> around the matched words
    score: float  # the ranker's: higher is better; not comparable across databases


@dataclass(frozen=True)
class DirectHit:
    """A typed reference that names a record: go straight to it."""

    reference: str
    kind: str  # procedure, motion, joint_motion, text_adopted, ... as recognised
    document_ids: list[str]
    exact: bool  # False for a record found from part of its reference


@dataclass
class Facets:
    """How many of the best entries fall in each bucket (all of them when `exact`)."""

    kind: dict[str, int] = field(default_factory=dict)
    language: dict[str, int] = field(default_factory=dict)
    year: dict[str, int] = field(default_factory=dict)
    entry: dict[str, int] = field(default_factory=dict)
    country: dict[str, int] = field(default_factory=dict)
    group: dict[str, int] = field(default_factory=dict)
    verb: dict[str, int] = field(default_factory=dict)
    addressee: dict[str, int] = field(default_factory=dict)
    theme: dict[str, int] = field(default_factory=dict)
    procedure_type: dict[str, int] = field(default_factory=dict)
    counted: int = 0  # the entries counted: the best FACET_TOP of the ranking
    exact: bool = True  # False when more entries matched than were counted


@dataclass
class SearchResults:
    """One page of results for one query."""

    query: str
    hits: list[SearchHit]
    total: int
    facets: Facets
    direct: list[DirectHit]
    limit: int
    offset: int
    total_exact: bool = True  # False: `total` is a floor (counting stopped at MAX_COUNT)
    mode: Mode = "lexical"

    def as_json(self) -> dict[str, Any]:
        """The results as JSON-ready values (dates as ISO strings)."""
        data = asdict(self)
        for hit in data["hits"]:
            hit["date"] = hit["date"].isoformat() if hit["date"] else None
        return data
