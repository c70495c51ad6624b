"""What an operative paragraph asks and of whom: verbs, addressees (actor ids) and themes.

The addressees of a paragraph are the actors its addressing verbs name: "calls on X to ...",
"urges X to ...", "demands that X ...", and the recipients of the closing paragraph ("instructs
its President to forward this resolution to X, Y"). Actors merely mentioned are not addressees.
"""

from __future__ import annotations

import re

from whereas.parse.records import Clause
from whereas.parse.resolution.verbs import VerbHit, verbs_of
from whereas.vocabularies.lexicon import LanguagePack, verb_senses

Mention = tuple[int, int, str]
# "demands that the Kazakh authorities ...": the subject of the clause that follows the verb
# comes within a few words ("that the", "que les", "dass die"); actors further on are mentioned
# ("demands that the house arrest of the Chair of the Commission ... end"), not addressed.
_SUBJECT_LEAD = re.compile(r"^[\s,:]*(?:[\w'’]+\s+){0,3}$")
_SUBJECT_JOIN = re.compile(
    r"^(?:\s|,|and|or|as well as|et|ou|ainsi que|und|oder|sowie|y|o|e|the|la|le|les|l['’]"
    r"|die|der|den|das|dem|los|las|el|to|à|au|aux|an)*$",
    re.IGNORECASE,
)
# What may stand between "and" and an actor that gets its own infinitive ("and the EU to ...").
_ARTICLES = {"", "the", "la", "le", "les", "l'", "l’", "die", "der", "den", "das"}


def actor_mentions(text: str, start: int, end: int, pack: LanguagePack) -> list[Mention]:
    """Actors named in text[start:end], longest first where they overlap, in text order."""
    found: list[Mention] = []
    each_term = pack.actor_scanner.matches(text, start, end)
    for term, matches in zip(pack.actors, each_term, strict=True):
        found.extend((m.start(), m.end(), term.id) for m in matches)
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(mention[1] <= c[0] or mention[0] >= c[1] for c in chosen):
            chosen.append(mention)
    return sorted(chosen)


def _first(patterns: tuple[re.Pattern[str], ...], text: str, start: int, end: int) -> int | None:
    ends = [m.start() for p in patterns if (m := p.search(text, start, end))]
    return min(ends) if ends else None


def _object_span(hit: VerbHit, text: str, stop: int, pack: LanguagePack) -> tuple[int, int] | None:
    span = verb_senses().get(hit.verb)
    if span is None or not span.addresses:
        return None
    if span.span == "rest":
        return hit.end, stop
    if span.span == "forward":
        target = pack.match("forward_to", text[hit.end : stop])
        return (hit.end + target.end(), stop) if target else (hit.end, stop)
    marker = _first(pack.formulas.get("infinitive", ()), text, hit.end, stop)
    if marker is None:
        return None if span.infinitive_only else (hit.end, stop)
    return hit.end, marker


def _later_addressees(text: str, start: int, stop: int, pack: LanguagePack) -> list[str]:
    """Actors given their own infinitive further on: "... and the EU to ensure ..."."""
    ids = []
    joins = (m for p in pack.formulas.get("verb_join", ()) for m in p.finditer(text, start, stop))
    for join in joins:
        mentions = actor_mentions(text, join.end(), stop, pack)
        if not mentions or text[join.end() : mentions[0][0]].strip(" ,").lower() not in _ARTICLES:
            continue
        marker = _first(pack.formulas.get("infinitive", ()), text, mentions[0][1], stop)
        if marker is not None and marker - mentions[0][1] <= 3:
            ids.append(mentions[0][2])
    return ids


def _subjects(
    text: str, start: int, stop: int, mentions: list[Mention], pack: LanguagePack
) -> list[Mention]:
    """The actors that open each clause after "demands that" (and "... and that Russia ...")."""
    markers = pack.formulas.get("subordinate", ())
    anchors = [start, *sorted(m.end() for p in markers for m in p.finditer(text, start, stop))]
    chosen: list[Mention] = []
    for anchor in anchors:
        after = [m for m in mentions if m[0] >= anchor]
        if not after or not _SUBJECT_LEAD.match(text[anchor : after[0][0]]):
            continue
        run = [after[0]]
        for mention in after[1:]:
            if not _SUBJECT_JOIN.match(text[run[-1][1] : mention[0]]):
                break
            run.append(mention)
        chosen.extend(m for m in run if m not in chosen)
    return chosen


def addressees_of(text: str, hits: list[VerbHit], pack: LanguagePack) -> list[str]:
    """The actor ids the addressing verbs of `text` name, in order, without repeats."""
    ids: list[str] = []
    for index, hit in enumerate(hits):
        nxt = hits[index + 1].start if index + 1 < len(hits) else len(text)
        stop = min(hit.segment_end, nxt)
        span = _object_span(hit, text, stop, pack)
        if span is None:
            continue
        mentions = actor_mentions(text, span[0], span[1], pack)
        if verb_senses()[hit.verb].span == "rest":
            mentions = _subjects(text, span[0], span[1], mentions, pack)
        ids.extend(m[2] for m in mentions)
        if verb_senses()[hit.verb].span == "object":
            ids.extend(_later_addressees(text, span[1], stop, pack))
    return list(dict.fromkeys(ids))


def themes_of(text: str, pack: LanguagePack) -> list[str]:
    """The theme ids `text` touches, in the order they first appear."""
    starts = pack.theme_scanner.first_starts(text)
    found = [(start, pack.themes[index].id) for index, start in starts.items()]
    return list(dict.fromkeys(theme for _, theme in sorted(found)))


def analyse(clause: Clause, pack: LanguagePack) -> None:
    """Fill in the verbs, addressees and themes of one clause (verbs only for paragraphs)."""
    clause.themes = themes_of(clause.text, pack)
    if clause.kind not in ("paragraph", "point"):
        return
    hits = verbs_of(clause.text, pack) if clause.kind == "paragraph" else []
    clause.verbs = [hit.verb for hit in hits]
    clause.addressees = addressees_of(clause.text, hits, pack)
