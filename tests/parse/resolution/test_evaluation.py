"""The evaluation against the hand annotations (eval/) stays at its targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[3] / "eval" / "resolutions.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_resolutions", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_annotated_file_meets_the_targets(corpus: Path) -> None:
    evaluation = _load()
    rows = evaluation.evaluate(corpus)
    assert len(rows) >= 6
    total = evaluation.Score()
    for _, _, result in rows:
        total.add(result)
    figures = total.figures()
    assert figures["all_precision"] == figures["all_recall"] == 1.0
    assert figures["labels_accuracy"] == 1.0
    assert figures["verbs_accuracy"] >= 0.95
    assert figures["addressees_accuracy"] >= 0.95
