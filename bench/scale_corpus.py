"""A scale corpus of distinct resolutions recombined from the real texts of ../shared/corpus.

Each resolution is the real joint motion RC-B10-0249/2025 (its HTML, so it reads, recognises and
parses like the real one) with:
- its references, procedure and date renumbered: a resolution of its own procedure, a day apart;
- the country it is about swapped for one of COUNTRIES (name and adjective, everywhere);
- every citation, recital and paragraph replaced by a recombination of real texts: the head,
  middle and tail of three different real sentences of that kind (the corpus's clauses, and the
  sentences of its press releases, news, summaries and reports), so that no two clauses repeat
  and the vocabulary is the corpus's. A paragraph keeps a real operative verb at its start, a
  recital its "whereas", a citation its "having regard to".

The result is realistic in size, structure and vocabulary; it is not a text anyone wrote.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from bench.search_corpus import head_middle_tail
from lxml import etree, html

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
TEMPLATE = "howtheyvote/document_rc-10-2025-0249-en.html"
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
_REFERENCE = re.compile(rb"(RC-B10-|B10-)0(249|250|252|255|258)/2025")
_DOCUMENT_ID = re.compile(rb"(RC-10-|B-10-)2025-0(249|250|252|255|258)")
_PROCEDURE = re.compile(rb"2025/2691\(RSP\)")
_DAY_WORDS = re.compile(rb"7 May 2025")
_DAY_DIGITS = re.compile(rb"7\.5\.2025")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z\u201c\"])")
_LABEL = re.compile(r"^(?:[A-Z]{1,2}|\d{1,3})\.$|^[\u2013\u2014-]$")


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


def scale_corpus(folder: Path, count: int, *, seed: int = 11) -> list[Path]:
    """`count` distinct recombined resolutions written into `folder`; their paths."""
    rng = random.Random(seed)
    words = [s.split() for s in real_sentences()]
    template = (CORPUS / TEMPLATE).read_bytes()
    paths = []
    for n in range(count):
        tree = html.fromstring(template)
        for p in tree.iter("p"):
            spans = p.findall("span")
            if len(spans) < 3:
                continue
            text = _text(spans[-1])
            kind = _kind(_text(spans[0]), text)
            if kind is not None and not text.lstrip().startswith("Instructs its President"):
                for child in list(spans[-1]):
                    spans[-1].remove(child)
                spans[-1].text = _clause(kind, words, rng)
        data = html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")
        paths.append(_renumbered(folder, n, data))
    return paths


# Each year of the sixth to the tenth term, with its term: references B<term>-<number>/<year>.
_YEARS = [(5 + max(0, min(5, (y - 1999) // 5)), y) for y in range(2025, 1998, -1)]
_PER_YEAR = 999  # numbers 0010 ... 9990, ten apart (the five motions of a copy take +0 ... +9)


def _renumbered(folder: Path, n: int, data: bytes) -> Path:
    """References unique up to 26,973 copies (999 numbers x 27 years), dated in their year."""
    name, adjective = COUNTRIES[n % len(COUNTRIES)]
    data = data.replace(b"Ukrainian", adjective.encode()).replace(b"Ukraine", name.encode())
    term, year = _YEARS[(n // _PER_YEAR) % len(_YEARS)]
    number = 10 + (n % _PER_YEAR) * 10

    def reference(found: re.Match[bytes]) -> bytes:
        prefix = b"RC-B" if found.group(1).startswith(b"RC") else b"B"
        offset = int(found.group(2)) - 249
        return b"%s%d-%04d/%d" % (prefix, term, number + offset, year)

    def document_id(found: re.Match[bytes]) -> bytes:
        prefix = b"RC" if found.group(1).startswith(b"RC") else b"B"
        offset = int(found.group(2)) - 249
        return b"%s-%d-%d-%04d" % (prefix, term, year, number + offset)

    data = _REFERENCE.sub(reference, data)
    data = _DOCUMENT_ID.sub(document_id, data)
    data = _PROCEDURE.sub(b"%d/%04d(RSP)" % (year, 2000 + n % _PER_YEAR), data)
    day = date(year, 1, 8) + timedelta(days=(n % _PER_YEAR) * 350 // _PER_YEAR)
    data = _DAY_WORDS.sub(f"{day.day} {day:%B %Y}".encode(), data)
    data = _DAY_DIGITS.sub(f"{day.day}.{day.month}.{day.year}".encode(), data)
    path = folder / f"rc-{n:06d}.html"
    path.write_bytes(data)
    return path
