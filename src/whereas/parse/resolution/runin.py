"""Clauses run together on one line (a page flattened into one paragraph): split them apart.

Copies of resolutions on document-sharing sites and in some news pages lose the line breaks:
"The European Parliament, – having regard to ..., – having regard to ..., A. whereas ...;
B. whereas ...". A clause starts where its dash or label follows the end of the clause before it
(a comma, semicolon, colon or full stop) and its formula follows: only a line where two clauses
start or more is split, so that a citation quoting "... and – in part – having regard" stays.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from whereas.parse.resolution.lines import Line
from whereas.parse.resolution.verbs import verb_at
from whereas.vocabularies.lexicon import LanguagePack

# Only long lines can hold several clauses.
MIN_RUN_IN = 200
_DASH_START = re.compile(r"(?<=[,;:.)])\s+(?=[–—-]\s*\w)")
_LABEL_START = re.compile(r"(?<=[,;:.])\s+(?=(?:[A-ZΑ-ΩА-Я]{1,3}|\d{1,3})\.\s+\w)")
_LABEL = re.compile(r"(?:[A-ZΑ-ΩА-Я]{1,3}|\d{1,3})\.\s+")
_DASH = re.compile(r"[–—-]\s*")


def _starts_clause(text: str, at: int, pack: LanguagePack) -> bool:
    """Whether a clause starts at `at`: a dash and a citation, a letter and a recital, a number
    and a verb of Parliament."""
    dash = _DASH.match(text, at)
    if dash:
        return pack.match("citation", text[dash.end() :]) is not None
    label = _LABEL.match(text, at)
    if not label:
        return False
    rest = text[label.end() :]
    if text[at].isdigit():
        return verb_at(rest, 0, pack) is not None or pack.match("closing", rest) is not None
    return pack.match("recital", rest) is not None


def _cuts(text: str, pack: LanguagePack) -> list[int]:
    found = [m.end() for m in _DASH_START.finditer(text)]
    found += [m.end() for m in _LABEL_START.finditer(text)]
    return sorted(at for at in found if _starts_clause(text, at, pack))


def split_run_in(lines: list[Line], pack: LanguagePack) -> list[Line]:
    """The lines with every line that runs several clauses together cut at each clause start."""
    out: list[Line] = []
    for line in lines:
        cuts = _cuts(line.text, pack) if len(line.text) >= MIN_RUN_IN else []
        if len(cuts) < 2:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for first, (start, end) in enumerate(pairwise(bounds)):
            piece = line.text[start:end].strip()
            if piece:
                # Offsets are kept approximately: the piece's start within the source line.
                out.append(
                    replace(
                        line,
                        text=piece,
                        start=line.start + start,
                        end=line.start + end,
                        label=line.label if first == 0 else None,
                    )
                )
    return out
