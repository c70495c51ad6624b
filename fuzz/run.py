"""Fuzz a target by hand: mutate real corpus documents for a while, save what fails.

    .venv/bin/python fuzz/run.py pipeline --seconds 300 --seed 1
    .venv/bin/python fuzz/run.py read:pdf --replay fuzz-failures/read_pdf-1-1234.bin
    .venv/bin/python fuzz/run.py --list

Every input is `mutate(seed + i, seed file)`: a failure prints its seed and is saved under
--out, so it can be replayed exactly.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.mutate import corpus_seeds, mutate_inside_zip, seeds_for_format
from fuzz.targets import FuzzFailure, Target, all_targets

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", default="pipeline")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--replay", type=Path, help="run the target on one saved input")
    parser.add_argument("--list", action="store_true", help="list the targets")
    return parser.parse_args()


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _run_one(target: Target, data: bytes) -> str | None:
    try:
        target(data)
    except FuzzFailure as exc:
        return str(exc)
    except Exception:
        return traceback.format_exc()
    return None


def fuzz(name: str, target: Target, args: argparse.Namespace) -> int:
    """Run `target` on mutated seeds until time is up; the number of failures."""
    seeds = [p.read_bytes() for p in corpus_seeds(args.corpus)]
    if name.startswith("read:"):
        seeds = seeds_for_format(name.split(":", 1)[1], seeds)
    deadline, runs, failures = time.monotonic() + args.seconds, 0, 0
    while time.monotonic() < deadline:
        seed = args.seed + runs
        data = mutate_inside_zip(seed, seeds[seed % len(seeds)], seeds)
        runs += 1
        problem = _run_one(target, data)
        if problem is None:
            continue
        failures += 1
        args.out.mkdir(parents=True, exist_ok=True)
        saved = args.out / f"{name.replace(':', '_')}-{seed}.bin"
        saved.write_bytes(data)
        _say(f"FAIL seed={seed} saved={saved}: {problem.splitlines()[-1][:300]}")
    _say(f"{name}: {runs} inputs in {args.seconds:.0f} s, {failures} failures")
    return failures


def main() -> int:
    """Entry point."""
    args = _arguments()
    targets = all_targets()
    if args.list:
        _say("\n".join(targets))
        return 0
    target = targets[args.target]
    if args.replay:
        problem = _run_one(target, args.replay.read_bytes())
        _say(problem or "ok")
        return 1 if problem else 0
    return 1 if fuzz(args.target, target, args) else 0


if __name__ == "__main__":
    sys.exit(main())
