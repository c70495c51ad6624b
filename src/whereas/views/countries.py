"""Countries: the reference list, and the procedures and documents whose title names one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from whereas.store import schema
from whereas.views.procedures import ProcedureSummary
from whereas.views.titles import procedure_titles
from whereas.vocabularies.countries import Country, all_countries, country, country_code

DOSSIER_LIMIT = 500


@dataclass
class CountryCoverage:
    """Procedures and documents whose title names a country (press and news included)."""

    procedures: list[ProcedureSummary]
    documents: list[schema.Document]


def find_country(name_or_code: str) -> Country | None:
    """A country by ISO code (alpha-2 or alpha-3) or English name."""
    code = country_code(name_or_code)
    return country(code) if code else None


def countries() -> tuple[Country, ...]:
    """Every country of the reference list."""
    return all_countries()


def _names(found: Country) -> list[str]:
    names = {found.label, *(n.strip() for n in found.alt_label.split(";") if n.strip())}
    return sorted(n for n in names if len(n) >= 4)


def title_coverage(session: Session, found: Country) -> CountryCoverage:
    """Procedures whose title (or a document's or vote's title) names the country."""
    names = _names(found)
    patterns = [f"%{n}%" for n in names]
    by_title = select(schema.Procedure.reference).where(
        or_(*(schema.Procedure.title.ilike(p) for p in patterns))
    )
    by_document = select(schema.Document.procedure).where(
        or_(*(schema.Document.title.ilike(p) for p in patterns))
    )
    by_vote = select(schema.Vote.procedure).where(
        or_(*(schema.Vote.text.ilike(p) for p in patterns))
    )
    refs = (
        set(session.scalars(by_title))
        | set(session.scalars(by_document))
        | set(session.scalars(by_vote))
    )
    rows = list(
        session.scalars(
            select(schema.Procedure)
            .where(schema.Procedure.reference.in_(sorted(r for r in refs if r)))
            .order_by(schema.Procedure.reference)
            .limit(DOSSIER_LIMIT)
        )
    )
    titles = procedure_titles(session, rows)
    documents = session.scalars(
        select(schema.Document)
        .where(or_(*(schema.Document.title.ilike(p) for p in patterns)))
        .order_by(schema.Document.date, schema.Document.id)
        .limit(DOSSIER_LIMIT)
    )
    procedures = [ProcedureSummary(p.reference, p.type, titles.get(p.reference)) for p in rows]
    return CountryCoverage(procedures, list(documents))
