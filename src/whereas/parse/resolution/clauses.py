"""Clauses from lines: citations, recitals, operative paragraphs and their points, in order.

A clause is recognised by its formula ("having regard to", "whereas") and its position (the
operative part follows the recitals), its label as printed only confirms it: copied text can
number recitals 1., 2. and quoted text can drop paragraph numbers. A line without a label or a
formula continues the clause before it when that clause is unfinished (PDF lines wrap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whereas.parse.records import Clause, ClauseKind
from whereas.parse.resolution.footnotes import FOOTNOTE_LINE, SEPARATOR
from whereas.parse.resolution.labels import Labelled, split_label
from whereas.parse.resolution.lines import PAGE_FURNITURE, Line
from whereas.parse.resolution.verbs import verb_at
from whereas.vocabularies.lexicon import LanguagePack

_TERMINAL = (";", ".", ":", "!", "?", "·", "\u0387")  # Greek ends clauses with "·"
_TRAILING_LINK = re.compile(r"\s+https?://\S+$")
# "(...) Calls for ...": a quotation that leaves out the start of a clause.
_ELLIPSIS = re.compile(r"^(?:\((?:\.\.\.|…)\)|\[(?:\.\.\.|…)\]|…)\s*")
# A title between clauses ("General remarks", "Observações gerais") is at most this long.
_HEADING_WORDS = 10
_CAPITALS_HEADING = 200


@dataclass
class Draft:
    """A clause being read: its kind, label, lines and the index of its parent draft."""

    kind: ClauseKind
    label: str | None
    lines: list[Line]
    texts: list[str]
    parent: int | None = None

    @property
    def text(self) -> str:
        """The clause text, its lines joined."""
        return " ".join(self.texts)

    def finished(self) -> bool:
        """Whether the clause ends as a clause ends (a semicolon, a full stop, a colon)."""
        return self.text.rstrip(" )\"'’”»").endswith(_TERMINAL)

    def punctuated(self) -> bool:
        """Whether the clause's last line ends with punctuation (a wrapped line does not)."""
        return self.finished() or self.text.rstrip().endswith(",")


def _looks_like_heading(text: str) -> bool:
    """A short title between clauses: a capital first, no punctuation inside or at the end."""
    words = text.split()
    return (
        0 < len(words) <= _HEADING_WORDS
        and text[:1].isupper()
        and not any(sign in text for sign in ",;:")
        and not text.rstrip().endswith(_TERMINAL)
    )


def _in_capitals(text: str) -> bool:
    """A section heading in capitals: no small letter, a word of four letters or more."""
    return (
        len(text) < _CAPITALS_HEADING
        and not any(c.islower() for c in text)
        and any(len(word) >= 4 and word.isalpha() for word in re.split(r"[\s:–—-]+", text))
    )


def _without_ellipsis(labelled: Labelled) -> Labelled:
    found = _ELLIPSIS.match(labelled.text)
    if not found:
        return labelled
    return Labelled(labelled.shape, labelled.label, labelled.text[found.end() :])


def _without_trailing_link(labelled: Labelled) -> Labelled:
    """Drop a link pasted after the end of a clause (news sites cite their source so)."""
    found = _TRAILING_LINK.search(labelled.text)
    if found and labelled.text[: found.start()].rstrip().endswith(_TERMINAL):
        return Labelled(labelled.shape, labelled.label, labelled.text[: found.start()].rstrip())
    return labelled


@dataclass
class ClauseReader:
    """Reads lines one by one into clause drafts; `feed` says when the resolution has ended."""

    pack: LanguagePack
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    last_line: int = -1
    # A line that may be a title between clauses: dropped if a clause follows it, else it
    # continued the clause before it.
    held: tuple[Line, str] | None = None
    capitals: bool = False  # the line before was a heading in capitals after a finished clause
    # Footnote bodies met between or after the clauses ("(1) OJ C 117, 11.3.2022, p. 109.").
    notes: list[str] = field(default_factory=list)
    in_notes: bool = False

    def feed(self, line: Line) -> bool:
        """Take one line; False when it is not part of the resolution (its text has ended)."""
        if self.pack.match("chrome", line.text):
            return False
        if PAGE_FURNITURE.match(line.text):
            return True
        if SEPARATOR.match(line.text) or FOOTNOTE_LINE.match(line.text):
            # Under the text or at a PDF page break: the clauses may go on after them.
            if not SEPARATOR.match(line.text):
                self.notes.append(line.text)
            self.in_notes = True
            return True
        if self.in_notes:
            return self._after_notes(line)
        return self._feed_clause(line)

    def _after_notes(self, line: Line) -> bool:
        """A line after a footnote: a clause (or a clause's next line), a footnote's, or the end."""
        labelled = split_label(line.text, line.label)
        current = self.drafts[-1] if self.drafts else None
        short = len(line.text) < 200 and (line.text[:1].isdigit() or line.text[:1].islower())
        if self.notes and short and not self.notes[-1].endswith("."):
            self.notes[-1] = f"{self.notes[-1]} {line.text}"  # "OJ C 23," then "p. 1."
            return True
        clause_goes_on = current is not None and not current.finished() and line.text[:1].islower()
        if clause_goes_on or self._starts_clause(labelled):
            self.in_notes = False
            return self._feed_clause(line)
        if self.notes and short:
            self.notes[-1] = f"{self.notes[-1]} {line.text}"
            return True
        return False

    def _starts_clause(self, labelled: Labelled) -> bool:
        text = labelled.text
        if self.pack.match("citation", text) or self.pack.match("recital", text):
            return True
        return (
            labelled.shape in ("number", "letter", "point", "dash")
            and verb_at(text, 0, self.pack) is not None
        ) or self._opens_paragraph(text)

    def _feed_clause(self, line: Line) -> bool:
        labelled = _without_ellipsis(_without_trailing_link(split_label(line.text, line.label)))
        kind = self._kind_of(labelled)
        held, self.held = self.held, None
        capitals, self.capitals = self.capitals, False
        if capitals and not self._starts_clause(labelled):
            # "EXPLANATORY STATEMENT", "OBRAZLOŽITEV", "ANNEX" and no clause after it (its own
            # numbered sections, "1. Background", have no verb): what follows the text.
            return False
        opens = kind is not None or self._opens_paragraph(labelled.text)
        if held is not None and not opens:
            if self.drafts[-1].finished() and not labelled.text[:1].islower():
                # A finished clause, a title, then no clause: what follows the text ("Amendment
                # 1" / "Proposal for a regulation", an annex, a statement).
                return False
            self._append(self.drafts[-1], *held)
        if kind is None:
            current = self.drafts[-1] if self.drafts else None
            if current is not None and current.finished() and _in_capitals(labelled.text):
                # A heading in capitals: a title between clauses if a clause follows it.
                self.capitals = True
                return True
            if (
                held is None
                and current is not None
                and current.punctuated()
                and not opens
                and (_looks_like_heading(labelled.text))
            ):
                self.held = (line, labelled.text)
                return True
            return self._continue_or_end(line, labelled)
        label = labelled.label if kind != "citation" else None
        self._open(kind, label, line, labelled.text)
        return True

    def _kind_of(self, labelled: Labelled) -> ClauseKind | None:
        text = labelled.text
        if self.pack.match("citation", text) and not self._in_operative():
            return "citation"
        if self.pack.match("recital", text) and labelled.shape != "point":
            return "recital"
        if labelled.shape == "number":
            return "paragraph"
        if labelled.shape == "letter":
            return "recital"
        if labelled.shape == "point":
            return "point"
        if labelled.shape == "dash":
            return self._dash_kind(text)
        return None

    def _dash_kind(self, text: str) -> ClauseKind:
        """An indent: a paragraph quoted as a list ("- Calls on ..."), a point, or a citation."""
        if text[:1].isupper() and verb_at(text, 0, self.pack) is not None:
            return "paragraph"
        # After "A. whereas:" the dashes are the recital's indents (citations come first).
        if self._in_operative() or any(d.kind == "recital" for d in self.drafts):
            return "point"
        return "citation"

    def _in_operative(self) -> bool:
        return any(d.kind == "paragraph" for d in self.drafts)

    def _continue_or_end(self, line: Line, labelled: Labelled) -> bool:
        current = self.drafts[-1] if self.drafts else None
        if current is not None and not current.punctuated():
            return self._append(current, line, labelled.text)
        if self._opens_paragraph(labelled.text):
            if not any(d.kind == "paragraph" and d.label is None for d in self.drafts):
                self.warnings.append("operative paragraphs without numbers")
            self._open("paragraph", None, line, labelled.text)
            return True
        if current is not None and (labelled.text[:1].islower() or not current.finished()):
            return self._append(current, line, labelled.text)
        return False

    def _append(self, draft: Draft, line: Line, text: str) -> bool:
        draft.lines.append(line)
        draft.texts.append(text)
        return True

    def _opens_paragraph(self, text: str) -> bool:
        if not text[:1].isupper() or not self.drafts:
            return False
        return bool(self.pack.match("closing", text)) or verb_at(text, 0, self.pack) is not None

    def _open(self, kind: ClauseKind, label: str | None, line: Line, text: str) -> None:
        parent = None
        if kind == "point":
            parent = next(
                (
                    i
                    for i in range(len(self.drafts) - 1, -1, -1)
                    if self.drafts[i].kind in ("paragraph", "recital")
                ),
                None,
            )
            if parent is None:
                self.warnings.append(f"point {label or '-'} without a paragraph")
        self.drafts.append(Draft(kind, label, [line], [text], parent))


def start_of_resolution(lines: list[Line], pack: LanguagePack) -> int | None:
    """Index of the first clause line: after "The European Parliament,", else the first formula."""
    for index, line in enumerate(lines):
        if pack.match("preamble", line.text):
            return index + 1
    for index, line in enumerate(lines):
        text = split_label(line.text, line.label).text
        if pack.match("citation", text) or pack.match("recital", text):
            return index
    for index, line in enumerate(lines):
        labelled = split_label(line.text, line.label)
        text = _without_ellipsis(labelled).text
        if labelled.shape in ("number", "dash") and verb_at(text, 0, pack):
            return index
    return None


@dataclass
class DraftReading:
    """The clause drafts of a text, the footnote bodies between them, warnings, and the first
    and last line index they use."""

    drafts: list[Draft]
    notes: list[str]
    warnings: list[str]
    start: int
    end: int


def read_drafts(lines: list[Line], pack: LanguagePack) -> DraftReading:
    """The clause drafts of `lines`."""
    start = start_of_resolution(lines, pack)
    if start is None:
        return DraftReading([], [], ["no resolution clauses found"], 0, 0)
    reader = ClauseReader(pack)
    end = start
    for index in range(start, len(lines)):
        if not reader.feed(lines[index]):
            break
        end = index + 1
    return DraftReading(reader.drafts, reader.notes, reader.warnings, start, end)


def to_clauses(drafts: list[Draft]) -> list[Clause]:
    """Clause records (positions from 1, a point's parent is its paragraph's position)."""
    clauses = []
    for index, draft in enumerate(drafts):
        first, last = draft.lines[0], draft.lines[-1]
        clauses.append(
            Clause(
                kind=draft.kind,
                label=draft.label,
                position=index + 1,
                text=draft.text,
                parent=None if draft.parent is None else draft.parent + 1,
                span=(first.start, last.end),
                path=first.path,
            )
        )
    return clauses
