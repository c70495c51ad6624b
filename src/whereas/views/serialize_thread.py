"""JSON-ready values of the thread views: a country dossier, the lineage of texts."""

from __future__ import annotations

from typing import Any

from whereas.link.thread.demands import Demand
from whereas.link.thread.summary import ProcedureLineage
from whereas.views.dossier import DossierView
from whereas.views.lineage import DocumentLineage, Origin, Redline
from whereas.views.serialize import document_summary, iso, procedure_summary


def demand(d: Demand) -> dict[str, Any]:
    """One demand: the operative paragraph or point, where and when it was made."""
    return {
        "date": iso(d.day),
        "procedure": d.procedure,
        "document": d.document_id,
        "position": d.position,
        "label": d.label,
        "verbs": list(d.verbs),
        "addressees": list(d.addressees),
        "themes": list(d.themes),
        "text": d.text,
    }


def dossier(view: DossierView) -> dict[str, Any]:
    """The country dossier, as the API answers it and the page's JSON download gives it."""
    found = view.dossier
    return {
        "code": view.country.code,
        "alpha_2": view.country.alpha_2,
        "name": view.country.label,
        "timeline": [
            {
                "procedure": p.procedure,
                "date": iso(p.day),
                "reference": p.reference,
                "kind": p.kind,
                "title": p.title,
                "demands": p.demands,
            }
            for p in found.procedures
        ],
        "themes_by_year": [
            {"theme": theme, "year": year, "demands": view.chart.count(theme, year)}
            for theme in view.chart.themes
            for year in view.chart.years
        ],
        "demands": [
            {
                "theme": g.theme,
                "addressee": g.addressee,
                "count": len(g.demands),
                "first": iso(g.first.day),
                "latest": iso(g.latest.day),
            }
            for g in found.groups
        ],
        "repeated": [
            {
                "first": iso(r.demands[0].day),
                "latest": iso(r.demands[-1].day),
                "labels": r.labels,
                "demands": [demand(d) for d in r.demands],
            }
            for r in found.repeated
        ],
        "procedures": [procedure_summary(p) for p in view.coverage.procedures],
        "documents": [document_summary(d) for d in view.coverage.documents],
    }


def dossier_rows(view: DossierView) -> list[dict[str, Any]]:
    """The dossier's demands as CSV rows, oldest first."""
    return [demand(d) for d in view.demands]


def origin(o: Origin) -> dict[str, Any]:
    """Where a clause came from in one earlier text."""
    return {
        "document": o.document.id,
        "reference": o.document.reference,
        "kind": o.document.kind,
        "groups": list(o.document.groups or []),
        "clauses": [{"position": c.position, "label": c.label} for c in o.clauses],
        "change": o.change,
        "score": o.score,
    }


def lineage(found: DocumentLineage, redlines: dict[int, Redline] | None = None) -> dict[str, Any]:
    """A document's lineage: per clause, its origins (nearest first) and the redline if asked."""
    items = []
    for position in sorted(found.origins):
        item: dict[str, Any] = {
            "position": position,
            "origins": [origin(o) for o in found.origins[position]],
        }
        if redlines is not None and position in redlines:
            item["redline"] = [{"op": op, "text": text} for op, text in redlines[position].runs]
        items.append(item)
    return {
        "computed_on": found.source_id,
        "earlier": [document_summary(d) for d in found.earlier],
        "changes": dict(found.changes),
        "clauses": items,
    }


def procedure_lineage(summary: ProcedureLineage) -> dict[str, Any] | None:
    """Each group motion's share of the final text and the clauses added in plenary."""
    if summary.final is None or not summary.pairs:
        return None
    final = summary.final.document
    return {
        "final": {"document": final.id, "reference": final.reference, "kind": final.kind},
        "motions": [
            {
                "document": m.document_id,
                "reference": m.reference,
                "groups": m.groups,
                "clauses": m.clauses,
                "kept": m.survived,
                "share": round(m.share, 4),
            }
            for m in summary.motions
        ],
        "added_in_plenary": [
            {
                "position": a.position,
                "label": a.label,
                "kind": a.kind,
                "after": a.after,
                "vote": a.vote.id if a.vote is not None else None,
                "subject": a.vote.subject if a.vote is not None else None,
            }
            for a in summary.additions
        ],
    }
