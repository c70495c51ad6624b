"""Bench: embed the clauses of the corpus (clauses per second, memory), model and fallback.

Every file of the corpus is read and parsed the way ingest does; the distinct clause texts are
embedded in batches by each embedder. Run from the project root:
`.venv/bin/python bench/embed.py [--corpus ../shared/corpus] [--repeat N]`.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from whereas.embed import E5Embedder, Embedder, LexicalEmbedder
from whereas.parse import parse_document
from whereas.read import read_path
from whereas.recognize import recognize

ROOT = Path(__file__).resolve().parent.parent


def corpus_clauses(corpus: Path) -> list[str]:
    """The distinct clause texts of every parsable file of the corpus."""
    texts: dict[str, None] = {}
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        try:
            _, document = read_path(path)
            parsed = parse_document(document, recognize(document))
        except Exception:  # a file the readers reject has no clauses to embed
            continue
        for clause in parsed.clauses:
            texts.setdefault(clause.text)
    return list(texts)


def bench(embedder: Embedder, texts: list[str]) -> tuple[float, float]:
    """Seconds and clauses per second for one pass over `texts`."""
    start = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - start
    return seconds, len(texts) / seconds if seconds else float("inf")


def main() -> int:
    """Print one line per embedder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=4, help="times each text is embedded")
    args = parser.parse_args()
    texts = corpus_clauses(args.corpus)
    batch = [f"{t} ({i})" for i in range(args.repeat) for t in texts]  # distinct, as if new
    print(f"{len(texts)} distinct clause texts in the corpus; {len(batch)} embedded per run")
    for embedder in (E5Embedder(), LexicalEmbedder()):
        seconds, rate = bench(embedder, batch)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{embedder.model}: {seconds:.2f} s, {rate:.0f} clauses/s, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
