"""A country dossier: its procedures in time, its demands by theme and addressee, its repeats."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.errors import UnknownCountry
from whereas.link.thread.countries import country_key
from whereas.link.thread.demands import Demand
from whereas.link.thread.repeats import demands_of
from whereas.link.thread.texts import StoredText, chunks, iter_resolution_texts
from whereas.store import schema
from whereas.vocabularies.countries import country, country_code


@dataclass(frozen=True)
class DossierProcedure:
    """One procedure about the country: its final text and when it was adopted or tabled."""

    procedure: str
    title: str | None
    day: date | None
    reference: str | None
    kind: str
    demands: int


@dataclass
class DemandGroup:
    """The demands on one theme made of one addressee, first and latest."""

    theme: str
    addressee: str
    demands: list[Demand] = field(default_factory=list)

    @property
    def first(self) -> Demand:
        """The earliest demand of the group."""
        return min(self.demands, key=lambda d: (d.day or date.min, d.position))

    @property
    def latest(self) -> Demand:
        """The latest demand of the group."""
        return max(self.demands, key=lambda d: (d.day or date.min, d.position))


@dataclass
class RepeatedDemand:
    """A demand made again and again: a chain of repeats links, oldest first."""

    demands: list[Demand]
    labels: list[str]


@dataclass
class Dossier:
    """Everything the store says Parliament asked about one country."""

    country: str
    name: str
    procedures: list[DossierProcedure] = field(default_factory=list)
    groups: list[DemandGroup] = field(default_factory=list)
    repeated: list[RepeatedDemand] = field(default_factory=list)


def _country(name: str) -> tuple[str, str]:
    key = country_key(name)
    code = country_code(name)
    found = country(code) if code else None
    if key is None or found is None:
        raise UnknownCountry(f"no country is called {name!r}")
    return key, found.label


def _grouped(demands: list[Demand]) -> list[DemandGroup]:
    groups: dict[tuple[str, str], DemandGroup] = {}
    for d in demands:
        for theme in d.themes or ("(no theme)",):
            for addressee in d.addressees or ("(no addressee)",):
                key = (theme, addressee)
                groups.setdefault(key, DemandGroup(theme, addressee)).demands.append(d)
    return sorted(groups.values(), key=lambda g: (-len(g.demands), g.theme, g.addressee))


_Key = tuple[str, int]


def _follow(
    by_key: dict[_Key, Demand],
    back: dict[_Key, tuple[_Key, str]],
    later: _Key,
    earlier: _Key,
    label: str | None,
) -> None:
    """Keep, for each later demand, the latest earlier demand it repeats."""
    if later in by_key and earlier in by_key:
        best = back.get(later)
        day = by_key[earlier].day or date.min
        if best is None or day > (by_key[best[0]].day or date.min):
            back[later] = (earlier, label or "repeated")


def _repeated(session: Session, demands: list[Demand]) -> list[RepeatedDemand]:
    """Chains of repeats links among the demands, each chain from its latest demand back."""
    by_key = {(d.document_id, d.position): d for d in demands}
    back: dict[_Key, tuple[_Key, str]] = {}
    link = schema.Link
    columns = (link.from_document, link.from_clause, link.to_document, link.to_clause, link.label)
    query = select(*columns).where(link.type == "repeats").order_by(link.id)
    documents = sorted({d.document_id for d in demands})
    for part in chunks(documents):  # the links of this country's demands, not of the store
        for row in session.execute(query.where(link.from_document.in_(part))):
            later, earlier = (row[0], row[1] or 0), (row[2], row[3] or 0)
            _follow(by_key, back, later, earlier, row.label)
    heads = set(back) - {e for e, _ in back.values()}

    chains = []
    for head in sorted(heads):
        chain, labels, key = [by_key[head]], [], head
        while key in back and len(chain) < 50:
            key, label = back[key]
            chain.append(by_key[key])
            labels.append(label)
        chains.append(RepeatedDemand(chain[::-1], labels[::-1]))
    return sorted(chains, key=lambda c: (-len(c.demands), c.demands[0].day or date.min))


def country_dossier(session: Session, name: str) -> Dossier:
    """The dossier of the country `name` (English name or ISO code); UnknownCountry otherwise."""
    key, label = _country(name)
    dossier = Dossier(key, label)
    demands: list[Demand] = []
    about: list[tuple[str, StoredText, list[Demand]]] = []
    for procedure, texts in iter_resolution_texts(session):  # a batch of procedures at a time
        final = max(texts, key=lambda t: t.stage)
        found = demands_of(final)
        if any(key in d.countries for d in found):
            about.append((procedure, final, found))
    for procedure, final, found in sorted(about, key=lambda item: item[0]):
        doc = final.document
        dossier.procedures.append(
            DossierProcedure(procedure, doc.title, doc.date, doc.reference, doc.kind, len(found))
        )
        demands.extend(found)
    dossier.procedures.sort(key=lambda p: (p.day or date.min, p.procedure))
    dossier.groups = _grouped(demands)
    dossier.repeated = _repeated(session, demands)
    return dossier
