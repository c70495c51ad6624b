"""The country dossier page: link.thread's dossier, demands by theme and year, title coverage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from whereas.errors import UnknownCountry
from whereas.link.thread.demands import Demand
from whereas.link.thread.dossier import Dossier, country_dossier
from whereas.views.countries import CountryCoverage, title_coverage
from whereas.vocabularies.countries import Country

NO_THEME = "(no theme)"
CHART_THEMES = 12  # the themes most often demanded; the table below the chart has them all


@dataclass(frozen=True)
class ThemeYears:
    """How many demands touch each theme in each year: the data of the dossier's chart."""

    years: list[int]
    themes: list[str]
    counts: dict[tuple[str, int], int]

    @property
    def highest(self) -> int:
        """The largest count in one cell (1 when empty)."""
        return max(self.counts.values(), default=1)

    def count(self, theme: str, year: int) -> int:
        """Demands on `theme` in `year`."""
        return self.counts.get((theme, year), 0)

    def total(self, theme: str) -> int:
        """Demands on `theme` over every year."""
        return sum(n for (t, _), n in self.counts.items() if t == theme)


@dataclass
class DossierView:
    """Everything the country page shows."""

    country: Country
    dossier: Dossier
    coverage: CountryCoverage
    demands: list[Demand] = field(default_factory=list)
    chart: ThemeYears = field(default_factory=lambda: ThemeYears([], [], {}))


def distinct_demands(dossier: Dossier) -> list[Demand]:
    """Every demand of the dossier once, oldest first, in text order."""
    found = {(d.document_id, d.position): d for g in dossier.groups for d in g.demands}
    return sorted(found.values(), key=lambda d: (d.day or date.min, d.document_id, d.position))


def themes_by_year(demands: list[Demand], limit: int = CHART_THEMES) -> ThemeYears:
    """Demands counted by theme and year (undated demands are left out)."""
    counts: Counter[tuple[str, int]] = Counter()
    for d in demands:
        if d.day is None:
            continue
        for theme in d.themes or (NO_THEME,):
            counts[(theme, d.day.year)] += 1
    years = sorted({year for _, year in counts})
    if years:
        years = list(range(years[0], years[-1] + 1))  # empty years show as gaps in time
    totals: Counter[str] = Counter()
    for (theme, _), n in counts.items():
        totals[theme] += n
    themes = sorted(totals, key=lambda t: (t == NO_THEME, -totals[t], t))[:limit]
    return ThemeYears(years, themes, dict(counts))


def dossier_view(session: Session, found: Country) -> DossierView:
    """The dossier of `found`: procedures with texts, demands, repeats, and title coverage."""
    try:
        dossier = country_dossier(session, found.code)
    except UnknownCountry:  # a country without an alpha-2 code has no authorities to address
        dossier = Dossier(found.code.lower(), found.label)
    demands = distinct_demands(dossier)
    return DossierView(
        country=found,
        dossier=dossier,
        coverage=title_coverage(session, found),
        demands=demands,
        chart=themes_by_year(demands),
    )
