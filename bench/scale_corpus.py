"""A scale corpus of distinct resolutions recombined from the real texts of ../shared/corpus.

    .venv/bin/python bench/scale_corpus.py --check 100000     # references unique? (no files)
    .venv/bin/python bench/scale_corpus.py --generate 10000   # fill the cache up to 10,000

Each resolution is the real joint motion RC-B10-0249/2025 (its HTML, so it reads, recognises and
parses like the real one) with:
- every identifier renumbered: its joint motion and the five motions it replaces, the text
  adopted, the procedure, the sitting (minutes and debates) and its dates, so that each copy is
  a resolution of its own procedure that refers to nothing another copy refers to;
- the country it is about swapped for one of COUNTRIES (name and adjective, everywhere);
- every citation, recital and paragraph replaced by a recombination of real texts: the head,
  middle and tail of three different real sentences of that kind (the corpus's clauses, and the
  sentences of its press releases, news, summaries and reports), so that no two clauses repeat
  and the vocabulary is the corpus's. A paragraph keeps a real operative verb at its start, a
  recital its "whereas", a citation its "having regard to".

References are term-consistent: copy n is numbered in one of the 56 (term, year) pairs from
1979 to 2025 (the ten terms of the Parliament, both terms in an election year, dated inside the
term's part of that year), n % 56, in a block of five consecutive numbers, n // 56: numbers
0005-9999 give 1,999 blocks a pair, so references are unique up to 111,944 copies (`--check`).
Copy n depends only on (seed, n) and the real texts, never on how many copies are made: the
first 1,000 of the 100,000 are the 1,000. So one cached folder serves every size
(`cached_corpus`), filled as far as the largest size asked for, one file at a time, keyed by
GENERATOR_VERSION, the seed, the template and the real sentences.

The result is realistic in size, structure and vocabulary; it is not a text anyone wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lxml import etree, html

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # run as a script: `bench` is a package beside src
    sys.path.insert(0, str(PROJECT))

from bench.search_corpus import head_middle_tail  # noqa: E402

from whereas.recognize.terms import TERM_STARTS  # noqa: E402

GENERATOR_VERSION = 2  # 1: renumbered in 27 years, one shared random stream (until a201366)
SEED = 11
CORPUS = PROJECT.parent / "shared" / "corpus"
TEMPLATE = "howtheyvote/document_rc-10-2025-0249-en.html"
CACHE = Path(os.environ.get("WHEREAS_BENCH_CACHE", Path.home() / ".cache" / "whereas-bench"))
PROSE = (
    "howtheyvote/press-release_*.html",
    "howtheyvote/oeil-document-summary_*.html",
    "howtheyvote/document_a-9-2024-0163-en.html",
    "press-and-news/*-en-*.md",
    "text-dumps/*.txt",
)
COUNTRIES = (
    ("Belarus", "Belarusian"), ("Georgia", "Georgian"), ("Iran", "Iranian"),
    ("Azerbaijan", "Azerbaijani"), ("Venezuela", "Venezuelan"), ("Nicaragua", "Nicaraguan"),
    ("China", "Chinese"), ("Kazakhstan", "Kazakh"), ("Egypt", "Egyptian"),
    ("Türkiye", "Turkish"), ("Afghanistan", "Afghan"), ("Myanmar", "Myanmar"),
    ("Eritrea", "Eritrean"), ("Cuba", "Cuban"), ("Tajikistan", "Tajik"),
    ("Saudi Arabia", "Saudi"), ("Rwanda", "Rwandan"), ("Ukraine", "Ukrainian"),
    ("Armenia", "Armenian"), ("Vietnam", "Vietnamese"),
)  # fmt: skip
VERBS = (
    "Calls on", "Urges", "Condemns", "Demands", "Calls for", "Deplores", "Insists", "Welcomes",
    "Reiterates", "Stresses", "Expresses", "Strongly condemns", "Encourages", "Instructs",
)  # fmt: skip
# The template's identifiers; a hyphen may be U+2010 or U+2011 (as the page writes some).
_HYPHEN = rb"(?:-|\xe2\x80\x90|\xe2\x80\x91)"
_MOTIONS = (249, 250, 252, 255, 258)  # the joint motion's number is its first motion's
_REFERENCE = re.compile(rb"(RC-B|B)10" + _HYPHEN + rb"0(249|250|252|255|258)/2025")
_DOCUMENT_ID = re.compile(rb"(RC|B)-10-2025-0(249|250|252|255|258)")
_ADOPTED = re.compile(rb"P10_TA\(2025\)0096")
_ADOPTED_ID = re.compile(rb"TA-10-2025-0096")
_SITTING_ID = re.compile(rb"(PV|CRE)-10-2025-05-08")
_SITTING_DAY = re.compile(rb"08/05/2025")
_DAY_DASHES = re.compile(rb"07-05-2025")
_PROCEDURE = re.compile(rb"2025/2691\(RSP\)")
_DAY_WORDS = re.compile(rb"7 May 2025")
_DAY_DIGITS = re.compile(rb"7\.5\.2025")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z\u201c\"])")
_LABEL = re.compile(r"^(?:[A-Z]{1,2}|\d{1,3})\.$|^[\u2013\u2014-]$")


def _term_years() -> list[tuple[int, int, date, date]]:
    """(term, year, first day, last day) of each year of each term up to 2025; the last day
    leaves a day for the sitting after it, in the same term."""
    pairs = []
    for term, start in sorted(TERM_STARTS.items()):
        after = TERM_STARTS.get(term + 1, date(2026, 1, 1))
        for year in range(start.year, min(after.year, 2025) + 1):
            first = max(date(year, 1, 8), start)
            last = min(date(year, 12, 18), after - timedelta(days=2))
            if first <= last:
                pairs.append((term, year, first, last))
    return pairs


TERM_YEARS = _term_years()
BLOCKS = 1999  # blocks of five numbers a (term, year): 0005-0009, ..., 9995-9999
CAPACITY = len(TERM_YEARS) * BLOCKS


@dataclass(frozen=True)
class Numbering:
    """The identifiers of copy n: term, year, first motion number (the joint motion's), day of
    the motion, the sitting after it, the text adopted's number and the procedure."""

    term: int
    year: int
    number: int
    day: date
    sitting: date
    adopted: int
    procedure: str

    def references(self) -> list[str]:
        """Its identifiers as whereas normalises them (what must not repeat across copies)."""
        t, y = self.term, self.year
        motions = [f"B{t}-{self.number + i:04d}/{y}" for i in range(len(_MOTIONS))]
        return [f"RC-B{t}-{self.number:04d}/{y}", *motions, f"P{t}_TA({y}){self.adopted:04d}",
                self.procedure]  # fmt: skip


def numbering(n: int, seed: int = SEED) -> Numbering:
    """Copy n's identifiers: pair n % 56, block n // 56; its day drawn inside the pair's days."""
    if not 0 <= n < CAPACITY:
        raise ValueError(f"copy {n}: references are unique for 0 <= n < {CAPACITY:,}")
    pair, block = n % len(TERM_YEARS), n // len(TERM_YEARS)
    term, year, first, last = TERM_YEARS[pair]
    # Election years hold two pairs (two terms): slot 0 or 1 keeps procedures apart.
    slot = sum(1 for t, y, _, _ in TERM_YEARS[:pair] if y == year)
    days = random.Random(f"{seed}:{n}:day").randrange((last - first).days + 1)
    day = first + timedelta(days=days)
    procedure = f"{year}/{1 + 2 * block + slot:04d}(RSP)"
    return Numbering(term, year, 5 + 5 * block, day, day + timedelta(days=1), block + 1,
                     procedure)  # fmt: skip


def real_sentences(corpus: Path = CORPUS) -> list[str]:
    """Sentences of 8 to 80 words from the template's clauses and the corpus's prose."""
    from whereas.read import read_path

    found: dict[str, None] = {}
    paths = [corpus / TEMPLATE, *sorted(p for g in PROSE for p in corpus.glob(g))]
    for path in paths:
        try:
            text = read_path(path)[1].text
        except Exception:  # a file this bench cannot read is not a source of sentences
            continue
        for line in text.splitlines():
            for sentence in _SENTENCE.split(line.strip()):
                words = sentence.split()
                prose = sum(w[:1].islower() for w in words) >= 0.7 * len(words)
                if 8 <= len(words) <= 80 and prose and not sentence.startswith(("http", "|")):
                    found[" ".join(words)] = None
    return list(found)


def _clause(kind: str, words: list[list[str]], rng: random.Random) -> str:
    body = " ".join(head_middle_tail(words, rng)[0]).rstrip(".;,:")
    body = body[:1].lower() + body[1:]
    if kind == "citation":
        return f"having regard to {body},"
    if kind == "recital":
        return f"whereas {body};"
    return f"{rng.choice(VERBS)} {body};"


def _text(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _kind(label: str, text: str) -> str | None:
    if not _LABEL.match(label.strip()):
        return None
    if text.lstrip().lower().startswith("having regard"):
        return "citation"
    return "recital" if label.strip()[:1].isalpha() else "paragraph"


class Generator:
    """Makes copy n from the template and the real sentences (read once)."""

    def __init__(self, seed: int = SEED) -> None:
        self.seed = seed
        self.template = (CORPUS / TEMPLATE).read_bytes()
        sentences = real_sentences()
        self.words = [s.split() for s in sentences]
        digest = hashlib.sha256(b"%d:%d:" % (GENERATOR_VERSION, seed))
        digest.update(self.template)
        digest.update("\n".join(sentences).encode())
        self.key = f"v{GENERATOR_VERSION}-seed{seed}-{digest.hexdigest()[:12]}"

    def document(self, n: int) -> bytes:
        """Copy n, the same bytes every time."""
        rng = random.Random(f"{self.seed}:{n}")
        numbers = numbering(n, self.seed)
        tree = html.fromstring(self.template)
        for p in tree.iter("p"):
            spans = p.findall("span")
            if len(spans) < 3:
                continue
            text = _text(spans[-1])
            kind = _kind(_text(spans[0]), text)
            if kind is not None and not text.lstrip().startswith("Instructs its President"):
                for child in list(spans[-1]):
                    spans[-1].remove(child)
                spans[-1].text = _clause(kind, self.words, rng)
        data = html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")
        return _renumbered(data, numbers, COUNTRIES[rng.randrange(len(COUNTRIES))])


def _renumbered(data: bytes, at: Numbering, country: tuple[str, str]) -> bytes:
    name, adjective = country
    data = data.replace(b"Ukrainian", adjective.encode()).replace(b"Ukraine", name.encode())
    t, y = at.term, at.year

    def reference(found: re.Match[bytes]) -> bytes:  # keeps the page's hyphen
        offset = _MOTIONS.index(int(found.group(2)))
        head = found.group(0)[: -len(b"0249/2025")].replace(b"10", str(t).encode(), 1)
        return head + b"%04d/%d" % (at.number + offset, y)

    def document_id(found: re.Match[bytes]) -> bytes:
        offset = _MOTIONS.index(int(found.group(2)))
        return b"%s-%d-%d-%04d" % (found.group(1), t, y, at.number + offset)

    sitting, day = at.sitting, at.day
    data = _REFERENCE.sub(reference, data)
    data = _DOCUMENT_ID.sub(document_id, data)
    data = _ADOPTED.sub(b"P%d_TA(%d)%04d" % (t, y, at.adopted), data)
    data = _ADOPTED_ID.sub(b"TA-%d-%d-%04d" % (t, y, at.adopted), data)
    data = _SITTING_ID.sub(rb"\g<1>-" + f"{t}-{sitting.isoformat()}".encode(), data)
    data = _SITTING_DAY.sub(f"{sitting:%d/%m/%Y}".encode(), data)
    data = _DAY_DASHES.sub(f"{day:%d-%m-%Y}".encode(), data)
    data = _PROCEDURE.sub(at.procedure.encode(), data)
    data = _DAY_WORDS.sub(f"{day.day} {day:%B %Y}".encode(), data)
    return _DAY_DIGITS.sub(f"{day.day}.{day.month}.{day.year}".encode(), data)


def file_name(n: int) -> str:
    """Copy n's file name in a folder of copies."""
    return f"rc-{n:06d}.html"


def scale_corpus(folder: Path, count: int, *, seed: int = SEED) -> list[Path]:
    """Copies 0 ... count - 1 written into `folder`; their paths."""
    generator = Generator(seed)
    paths = []
    for n in range(count):
        path = folder / file_name(n)
        path.write_bytes(generator.document(n))
        paths.append(path)
    return paths


def cached_corpus(count: int, *, seed: int = SEED, root: Path = CACHE, quiet: bool = True) -> Path:
    """The cached folder holding at least copies 0 ... count - 1, generated as far as needed,
    one file at a time (each written under a temporary name, then renamed)."""
    generator = Generator(seed)
    folder = root / generator.key
    folder.mkdir(parents=True, exist_ok=True)
    done_file = folder / ".complete"
    done = int(done_file.read_text()) if done_file.exists() else 0
    started = time.perf_counter()
    for n in range(done, count):
        path = folder / file_name(n)
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(generator.document(n))
        partial.replace(path)
        if (n + 1) % 1000 == 0 or n + 1 == count:
            done_file.write_text(str(n + 1))
            if not quiet:
                rate = (n + 1 - done) / (time.perf_counter() - started)
                print(f"generated {n + 1:,} of {count:,} ({rate:.0f}/s)", file=sys.stderr)
    return folder


def corpus_paths(folder: Path, count: int) -> Iterator[Path]:
    """Copies 0 ... count - 1 of a folder of copies, lazily (no list of 100,000 paths)."""
    return (folder / file_name(n) for n in range(count))


def check_unique(count: int) -> str:
    """Every identifier of copies 0 ... count - 1, checked distinct and term-consistent with
    whereas's own rules (the recognizer's term years, the sitting's term); no files written."""
    from whereas.recognize.terms import term_of_date, year_fits_term

    seen: set[str] = set()
    for n in range(count):
        at = numbering(n)
        assert year_fits_term(at.year, at.term), (n, at)
        assert term_of_date(at.day) == at.term == term_of_date(at.sitting), (n, at)
        assert at.day.year == at.year == at.sitting.year, (n, at)
        for value in at.references():
            if value in seen:
                raise AssertionError(f"copy {n}: {value} repeats an earlier copy's")
            seen.add(value)
    return (
        f"{count:,} copies: {len(seen):,} identifiers, all distinct and term-consistent "
        f"({len(TERM_YEARS)} term-years x {BLOCKS:,} blocks = {CAPACITY:,} copies at most)"
    )


def main() -> None:
    """--check N: references of N copies distinct; --generate N: fill the cache to N."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", type=int, help="check the references of N copies")
    parser.add_argument("--generate", type=int, help="fill the cached folder to N copies")
    args = parser.parse_args()
    if args.check:
        print(check_unique(args.check))
    if args.generate:
        print(cached_corpus(args.generate, quiet=False))


if __name__ == "__main__":
    main()
