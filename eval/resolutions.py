"""Evaluate the resolution parser against the hand annotations in eval/annotations/.

For every annotated file of the corpus: clause precision and recall by kind, label accuracy, and
verb and addressee accuracy of the operative paragraphs; then the totals. Run from the project
root: `.venv/bin/python eval/resolutions.py [--corpus ../shared/corpus] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from whereas.parse.records import Clause
from whereas.parse.resolution import parse_clauses, parse_report, parse_resolution
from whereas.read import read_path
from whereas.recognize import recognize

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = Path(__file__).resolve().parent / "annotations"
KINDS = ("citation", "recital", "paragraph", "point")


@dataclass
class Score:
    """Counts from which the figures are computed; scores add up across documents."""

    expected: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    labels: list[int] = field(default_factory=lambda: [0, 0])
    verbs: list[int] = field(default_factory=lambda: [0, 0])
    addressees: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, other: Score) -> None:
        """Add the counts of `other`."""
        self.expected += other.expected
        self.predicted += other.predicted
        self.matched += other.matched
        for mine, theirs in ((self.labels, other.labels), (self.verbs, other.verbs),
                             (self.addressees, other.addressees)):
            mine[0] += theirs[0]
            mine[1] += theirs[1]

    def figures(self) -> dict[str, float | None]:
        """Precision and recall by kind and overall, and the accuracies, as fractions."""
        out: dict[str, float | None] = {}
        for kind in (*KINDS, "all"):
            exp = sum(self.expected.values()) if kind == "all" else self.expected[kind]
            pred = sum(self.predicted.values()) if kind == "all" else self.predicted[kind]
            hit = sum(self.matched.values()) if kind == "all" else self.matched[kind]
            out[f"{kind}_precision"] = hit / pred if pred else None
            out[f"{kind}_recall"] = hit / exp if exp else None
        for name in ("labels", "verbs", "addressees"):
            right, total = getattr(self, name)
            out[f"{name}_accuracy"] = right / total if total else None
        return out


def score(expected: list[dict[str, Any]], predicted: list[Clause]) -> Score:
    """Align predicted clauses on expected ones by kind, in order, and count."""
    result = Score(Counter(e["kind"] for e in expected), Counter(c.kind for c in predicted))
    matcher = SequenceMatcher(None, [e["kind"] for e in expected], [c.kind for c in predicted],
                              autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            want, got = expected[block.a + offset], predicted[block.b + offset]
            result.matched[got.kind] += 1
            result.labels[1] += 1
            result.labels[0] += want.get("label") == got.label
            if "verbs" in want:
                result.verbs[1] += 1
                result.verbs[0] += want["verbs"] == got.verbs
            if "addressees" in want:
                result.addressees[1] += 1
                result.addressees[0] += set(want["addressees"]) == set(got.addressees)
    # Annotated paragraphs the parser missed count as wrong verbs and addressees.
    result.verbs[1] += sum("verbs" in e for e in expected) - result.verbs[1]
    result.addressees[1] += sum("addressees" in e for e in expected) - result.addressees[1]
    return result


def clauses_of(path: Path, mode: str, language: str | None) -> list[Clause]:
    """Parse one file the way ingest would (a document) or as a quoted fragment."""
    _, document = read_path(path)
    if mode == "fragment":
        return parse_clauses(document.blocks, language).clauses
    recognition = recognize(document)
    parser = parse_report if recognition.kind == "report" else parse_resolution
    return parser(document, recognition).clauses


def evaluate(corpus: Path) -> list[tuple[str, str, Score]]:
    """Score every annotated file that is in the corpus."""
    rows = []
    for annotation in sorted(ANNOTATIONS.glob("*.yaml")):
        spec = yaml.safe_load(annotation.read_text("utf-8"))
        for name in spec["files"]:
            path = corpus / name
            if not path.is_file():
                print(f"skipped (not in the corpus): {name}", file=sys.stderr)
                continue
            predicted = clauses_of(path, spec.get("mode", "document"), spec.get("language"))
            rows.append((spec["document"], name, score(spec["clauses"], predicted)))
    return rows


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


COLUMNS = [
    ("clauses P", "all_precision"), ("R", "all_recall"),
    ("cit P/R", "citation"), ("rec P/R", "recital"), ("par P/R", "paragraph"),
    ("label", "labels_accuracy"), ("verbs", "verbs_accuracy"), ("addr.", "addressees_accuracy"),
]


def _cells(figures: dict[str, float | None]) -> list[str]:
    cells = []
    for _, key in COLUMNS:
        if key in KINDS:
            cells.append(f"{_percent(figures[key + '_precision'])}/"
                         f"{_percent(figures[key + '_recall'])}")
        else:
            cells.append(_percent(figures[key]))
    return cells


def table(rows: list[tuple[str, str, Score]]) -> str:
    """The per-file and total figures as a Markdown table (percentages)."""
    total = Score()
    lines = ["| file | n | " + " | ".join(c for c, _ in COLUMNS) + " |",
             "|---|---|" + "---|" * len(COLUMNS)]
    for _, name, result in rows:
        total.add(result)
        count = sum(result.expected.values())
        lines.append(f"| {Path(name).name} | {count} | " + " | ".join(_cells(result.figures()))
                     + " |")
    count = sum(total.expected.values())
    lines.append(f"| **total** | {count} | " + " | ".join(_cells(total.figures())) + " |")
    return "\n".join(lines)


def main() -> int:
    """Print the evaluation table (or JSON) and return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    rows = evaluate(args.corpus)
    if args.json:
        total = Score()
        for _, _, result in rows:
            total.add(result)
        out = {name: result.figures() for _, name, result in rows}
        print(json.dumps({"files": out, "total": total.figures()}, indent=2))
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
