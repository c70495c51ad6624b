"""The evaluation sets of eval/lineage.py, assembled at run time from corpus files.

Texts are read from the corpus; the changes named in lineage_annotations.yaml are made here in
code (reword, strengthen, drop, join, halve, move), so no clause text is stored in the project.
The only text written here is a handful of invented bilingual paragraphs for the cross-language
pairs (about an imaginary country situation, written for this project).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from whereas.link.thread.alignment import Piece
from whereas.link.thread.demands import Demand
from whereas.parse.records import Clause
from whereas.parse.resolution import parse_clauses, parse_resolution
from whereas.read import read_bytes, read_path
from whereas.recognize import recognize

_ONCE_AGAIN = {"en": "once again", "fr": "une nouvelle fois"}
_STRONG = {"en": ("Demands", "without delay"), "fr": ("Exige", "sans délai")}
_WHEREAS = re.compile(r"^(?:whereas|considérant que|considérant qu[’'])\s*", re.IGNORECASE)

# Invented for this project (not from any document): (English, French) versions of one demand.
BILINGUAL = [
    (
        "Calls on the authorities of Kazakhstan to release all peaceful protesters detained in "
        "January and to drop the charges against them.",
        "Demande aux autorités du Kazakhstan de libérer tous les manifestants pacifiques "
        "détenus en janvier et d'abandonner les poursuites engagées contre eux.",
    ),
    (
        "Calls on the authorities of Kazakhstan to open an independent investigation into the "
        "deaths of protesters and to bring those responsible to justice.",
        "Demande aux autorités du Kazakhstan d'ouvrir une enquête indépendante sur la mort de "
        "manifestants et de traduire les responsables en justice.",
    ),
    (
        "Urges the authorities of Kazakhstan to restore full access to the internet and to stop "
        "blocking independent news websites.",
        "Exhorte les autorités du Kazakhstan à rétablir l'accès complet à internet et à cesser de "
        "bloquer les sites d'information indépendants.",
    ),
    (
        "Calls on the authorities of Kazakhstan to amend the law on peaceful assemblies so that "
        "demonstrations no longer need prior permission.",
        "Demande aux autorités du Kazakhstan de modifier la loi sur les rassemblements pacifiques "
        "afin que les manifestations ne nécessitent plus d'autorisation préalable.",
    ),
    (
        "Calls on the Commission and the Member States to support independent journalists and "
        "human rights defenders in Kazakhstan.",
        "Demande à la Commission et aux États membres de soutenir les journalistes indépendants et "
        "les défenseurs des droits de l'homme au Kazakhstan.",
    ),
    (
        "Calls on the Council to consider targeted sanctions against the officials responsible for "
        "the torture of detainees in Kazakhstan.",
        "Demande au Conseil d'envisager des sanctions ciblées contre les responsables de la "
        "torture de détenus au Kazakhstan.",
    ),
    (
        "Urges the authorities of Kazakhstan to allow international observers to visit all places "
        "of detention without restriction.",
        "Exhorte les autorités du Kazakhstan à permettre aux observateurs internationaux de "
        "visiter sans restriction tous les lieux de détention.",
    ),
    (
        "Calls on the authorities of Kazakhstan to register opposition parties and to hold free "
        "and fair parliamentary elections.",
        "Demande aux autorités du Kazakhstan d'enregistrer les partis d'opposition et d'organiser "
        "des élections législatives libres et équitables.",
    ),
]


def clauses_of(corpus: Path, spec: dict[str, Any]) -> list[Clause]:
    """The clauses of one corpus file, as a document or as a quoted fragment."""
    _, document = read_path(corpus / spec["file"])
    if spec.get("mode") == "fragment":
        return parse_clauses(document.blocks, spec.get("language")).clauses
    return parse_resolution(document, recognize(document)).clauses


def find(clauses: list[Clause], ident: str) -> Clause:
    """A clause by printed label, or "#n": the n-th operative paragraph."""
    if ident.startswith("#"):
        return [c for c in clauses if c.kind == "paragraph"][int(ident[1:]) - 1]
    return next(c for c in clauses if c.label == ident)


def reword(text: str, language: str) -> str:
    """The same demand in other words: "once again" after the verb, the last part cut."""
    first, _, rest = text.partition(" ")
    words = f"{first} {_ONCE_AGAIN[language]} {rest}".rstrip(" .;,")
    cut = max(words.rfind(", "), words.rfind(" and "), words.rfind(" et "))
    if cut > len(words) * 0.6:
        words = words[:cut]
    return words + "."


def strengthen(text: str, language: str) -> str:
    """A stronger demand: the opening verb made "demands", a deadline added."""
    verb, deadline = _STRONG[language]
    _, _, rest = text.partition(" ")
    return f"{verb} {rest.rstrip(' .;,')}, {deadline}."


def paragraph(text: str, language: str) -> Clause:
    """Parse one paragraph the way a resolution's paragraphs are parsed (verbs, addressees)."""
    read = read_bytes(f"1. {text}".encode(), name="paragraph.txt")
    found = parse_clauses(read.blocks, language).clauses
    return found[0] if found else Clause(kind="paragraph", label="1", position=1, text=text)


def demand(clause: Clause, doc: str, day: int) -> Demand:
    """A clause as a Demand (dates only order the two sides of a pair)."""
    from datetime import date

    return Demand(
        doc,
        clause.position,
        clause.label,
        clause.text,
        tuple(clause.verbs),
        tuple(clause.addressees),
        tuple(clause.themes),
        date(2020 + day, 1, 1),
        doc,
    )


@dataclass
class Pair:
    """One annotated pair: earlier and later demand, and the truth."""

    earlier: Demand
    later: Demand
    same: bool
    label: str | None
    note: str


@dataclass
class LineageCase:
    """An earlier text, a later text and the expected derivation of each later clause."""

    name: str
    earlier: list[Piece]
    later: list[Piece]
    expected: dict[int, tuple[frozenset[int], str]] = field(default_factory=dict)
    extra: set[int] = field(default_factory=set)


def _as_paragraph(recital: str) -> str:
    return "Stresses that " + _WHEREAS.sub("", recital)


def _renumber(pieces: list[Piece]) -> list[Piece]:
    out, counts = [], {"recital": 0, "paragraph": 0}
    for index, p in enumerate(pieces, start=1):
        label = p.label
        if p.kind in counts:
            counts[p.kind] += 1
            n = counts[p.kind]
            label = str(n) if p.kind == "paragraph" else chr(ord("A") + n - 1)
        out.append(replace(p, position=index, label=label))
    return out


def _halves(text: str) -> tuple[str, str]:
    words = text.split()
    commas = [i for i, w in enumerate(words[:-1]) if w.endswith(",")]
    middle = min(commas, key=lambda i: abs(i - len(words) / 2)) + 1 if commas else len(words) // 2
    return " ".join(words[:middle]).rstrip(",") + ".", " ".join(words[middle:])


def motion_case(base: list[Clause], spec: dict[str, Any]) -> LineageCase:
    """A group motion made from the joint motion `base` as `spec` says; the RC is the later text."""
    rc = [Piece(c.position, c.kind, c.label, c.text) for c in base]
    by_label = {p.label: p for p in rc if p.label}
    joined = {pair[0]: pair for pair in spec.get("joined", [])}
    joined_second = {pair[1] for pair in spec.get("joined", [])}
    made: list[tuple[Piece, frozenset[int]]] = []
    for p in rc:
        label = p.label or ""
        if label in spec.get("drop", []) or label in spec.get("move_first", []):
            continue
        if label in joined:
            other = by_label[joined[label][1]]
            made.append(
                (replace(p, text=f"{p.text} {other.text}"), frozenset({p.position, other.position}))
            )
        elif label in joined_second:
            continue
        elif label in spec.get("halved", []):
            first, second = _halves(p.text)
            made += [
                (replace(p, text=first), frozenset({p.position})),
                (replace(p, text=second), frozenset({p.position})),
            ]
        elif label in spec.get("reword", []):
            made.append((replace(p, text=reword(p.text, "en")), frozenset({p.position})))
        else:
            made.append((p, frozenset({p.position})))
    closing = max(i for i, (p, _) in enumerate(made) if p.kind == "paragraph")
    extras = [
        (Piece(0, "paragraph", None, _as_paragraph(by_label[r].text)), frozenset[int]())
        for r in spec.get("extra", [])
    ]
    made[closing:closing] = extras
    first = min(i for i, (p, _) in enumerate(made) if p.kind == "paragraph")
    made[first:first] = [
        (by_label[m], frozenset({by_label[m].position})) for m in spec.get("move_first", [])
    ]
    pieces = _renumber([p for p, _ in made])
    return LineageCase(
        spec["name"],
        pieces,
        rc,
        _expected(spec, rc, pieces, made),
        {pieces[i].position for i, (_, o) in enumerate(made) if not o},
    )


def _expected(
    spec: dict[str, Any],
    rc: list[Piece],
    pieces: list[Piece],
    made: list[tuple[Piece, frozenset[int]]],
) -> dict[int, tuple[frozenset[int], str]]:
    sources: dict[int, set[int]] = {p.position: set() for p in rc}
    for piece, (_, origins) in zip(pieces, made, strict=True):
        for origin in origins:
            sources[origin].add(piece.position)
    joined = {label for pair in spec.get("joined", []) for label in pair}
    out = {}
    for p in rc:
        label = p.label or ""
        found = frozenset(sources[p.position])
        if not found:
            change = "new"
        elif label in spec.get("halved", []):
            change = "merged"
        elif label in joined:
            change = "split"
        elif label in spec.get("reword", []):
            change = "reworded"
        else:
            change = "identical"
        out[p.position] = (found, change)
    return out


def adopted_case(base: list[Clause], spec: dict[str, Any]) -> LineageCase:
    """The joint motion (earlier) and a text adopted with paragraphs added in plenary."""
    rc = [Piece(c.position, c.kind, c.label, c.text) for c in base]
    by_label = {p.label: p for p in rc if p.label}
    made: list[tuple[Piece, frozenset[int]]] = []
    for p in rc:
        made.append((p, frozenset({p.position})))
        if p.kind == "paragraph" and p.label in spec["insert_after"]:
            text = _as_paragraph(by_label[spec["insert_after"][p.label]].text)
            made.append((Piece(0, "paragraph", None, text), frozenset()))
    pieces = _renumber([p for p, _ in made])
    expected = {
        piece.position: (origins, "identical" if origins else "new")
        for piece, (_, origins) in zip(pieces, made, strict=True)
    }
    return LineageCase("text adopted", rc, pieces, expected)


def repeat_pairs(corpus: Path, spec: dict[str, Any]) -> list[Pair]:
    """The annotated positive and hard negative pairs, the later side made at run time."""
    sources = {name: (clauses_of(corpus, s), s["language"]) for name, s in spec["sources"].items()}
    makers = {"reword": reword, "strengthen": strengthen}
    pairs = []
    for item in spec["positives"]:
        clauses, language = sources[item["source"]]
        old = find(clauses, item["clause"])
        new = paragraph(makers[item["make"]](old.text, language), language)
        pairs.append(
            Pair(
                demand(old, item["source"], 0),
                demand(new, "later", 1),
                True,
                item["label"],
                f"{item['source']} {item['clause']} {item['make']}",
            )
        )
    for item in spec["negatives"]:
        clauses, language = sources[item["source"]]
        old, other = find(clauses, item["clause"]), find(clauses, item["other"])
        new = paragraph(makers[item["make"]](other.text, language), language)
        pairs.append(
            Pair(
                demand(old, item["source"], 0),
                demand(new, "later", 1),
                False,
                None,
                f"{item['source']} {item['clause']} vs {item['other']}",
            )
        )
    if spec.get("bilingual"):
        pairs += bilingual_pairs()
    return pairs


def bilingual_pairs() -> list[Pair]:
    """English against French: each paragraph's translation, and the others sharing a theme."""
    english = [paragraph(en, "en") for en, _ in BILINGUAL]
    french = [paragraph(fr, "fr") for _, fr in BILINGUAL]
    pairs = []
    for i, en in enumerate(english):
        for j, fr in enumerate(french):
            shared = set(en.themes) & set(fr.themes) or set(en.addressees) & set(fr.addressees)
            if i == j or shared:
                pairs.append(
                    Pair(
                        demand(en, "en", 0),
                        demand(fr, "fr", 1),
                        i == j,
                        "repeated" if i == j else None,
                        f"bilingual {i + 1}/{j + 1}",
                    )
                )
    return pairs
