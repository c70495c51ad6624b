"""A deterministic embedder for tests: words of any language mapped to a few shared concepts."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from whereas.search.vectors import Floats

CONCEPTS = {
    "captivity": ("captives", "prisoners", "prisonniers", "détenus", "detained", "detention"),
    "torture": ("torture", "tortured", "torturé"),
    "childhood": ("child", "children", "enfants"),
    "sanction": ("sanctions", "sanction"),
    "armenia": ("armenian", "arméniens", "bakou", "baku"),
}
_WORD = re.compile(r"\w+")


class ConceptEmbedder:
    """One dimension per concept; texts naming none of them get the last, shared dimension."""

    model = "test-concepts-v1"
    dim = len(CONCEPTS) + 1

    def embed(self, texts: Sequence[str]) -> Floats:
        """Concept counts, L2-normalised."""
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = _WORD.findall(text.lower())
            for column, forms in enumerate(CONCEPTS.values()):
                rows[row, column] = sum(words.count(form) for form in forms)
            if not rows[row].any():
                rows[row, -1] = 1.0
        return np.asarray(rows / np.linalg.norm(rows, axis=1, keepdims=True), dtype=np.float32)

    def queries(self, texts: Sequence[str]) -> Floats:
        """As embed (a symmetric model)."""
        return self.embed(texts)

    def passages(self, texts: Sequence[str]) -> Floats:
        """As embed (a symmetric model)."""
        return self.embed(texts)
