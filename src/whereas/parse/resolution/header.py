"""The header of a motion, joint motion or text adopted, from the lines before its clauses."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from whereas.parse.records import Author
from whereas.parse.resolution.authors import authors_in, group_marks, names_in
from whereas.parse.resolution.legal_basis import legal_basis_entries
from whereas.parse.resolution.lines import Line
from whereas.parse.resolution.references import (
    PROCEDURE,
    own_reference,
    replaced_motions,
    sitting_entries,
    term_of,
    text_adopted_of,
)
from whereas.recognize.headings import resolution_title
from whereas.vocabularies.lexicon import LanguagePack

HeaderValue = str | list[str]
_DMY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


@dataclass
class HeaderReading:
    """Header entries, authors, warnings and the lines the header facts occupy."""

    header: dict[str, HeaderValue] = field(default_factory=dict)
    authors: list[Author] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class HeaderText:
    """The header lines joined by newlines, with the offset where each line starts."""

    text: str
    starts: list[int]

    @classmethod
    def of(cls, lines: list[Line]) -> HeaderText:
        """Join `lines`."""
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return cls("\n".join(line.text for line in lines), starts)

    def line_at(self, offset: int) -> int:
        """The index of the line holding `offset`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def line(self, index: int) -> str:
        """The text of line `index`."""
        return self.text[self.starts[index]:].split("\n", 1)[0]

    def lines_between(self, start: int, end: int) -> set[int]:
        """The indexes of the lines text[start:end] touches."""
        return set(range(self.line_at(start), self.line_at(max(start, end - 1)) + 1))


def _title(lines: list[Line], pack: LanguagePack, reading: HeaderReading) -> int | None:
    """Kind and title from the heading followed by its procedure line; the procedure line index."""
    for index, line in enumerate(lines):
        for term in pack.kinds:
            found = term.pattern.match(line.text)
            # "Motion for a resolution - B9-0065/2022...": the page's own title, not the heading.
            if not found or line.text[found.end() :].lstrip().startswith(("-", "–")):
                continue
            following = range(index, min(index + 5, len(lines)))
            end = next((i for i in following if PROCEDURE.search(lines[i].text)), None)
            if end is None:
                break
            parts = [line.text[found.end():], *(lines[i].text for i in range(index + 1, end))]
            title = " ".join(" ".join(parts).split())
            if term.id == "text_adopted":  # "... resolution of 16 December 2010 on ...": no date
                heading = "\n".join(lines[i].text for i in range(index, end + 1))
                title = resolution_title(heading) or ""
            reading.header["kind"] = term.id
            if title:
                reading.header["title"] = title
            reading.used.update(range(index, end + 1))
            return end
    return None


def _date(text: str) -> date | None:
    found = _DMY.search(text)
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _author_region(text: HeaderText, pack: LanguagePack, after: int) -> tuple[int, int]:
    """Where the authors are: the name lines before the first group formula, up to page chrome."""
    start = after
    marks = group_marks(text.text, pack, None)
    if marks:
        first = text.line_at(marks[0].start)
        while first > 0 and _is_name_line(text.line(first - 1), pack):
            first -= 1
        start = after if text.line_at(after) >= first else text.starts[first]
    end = len(text.text)
    for index in range(text.line_at(start) + 1, len(text.starts)):
        if _ends_authors(text.line(index), pack):
            end = text.starts[index]
            break
    return start, end


def _is_name_line(line: str, pack: LanguagePack) -> bool:
    parts = [part for part in line.split(",") if part.strip()]
    return bool(parts) and len(names_in(line)) == len(parts) and not _ends_authors(line, pack)


def _ends_authors(line: str, pack: LanguagePack) -> bool:
    if any(pack.match(name, line) for name in ("header_end", "resolution_title", "preamble")):
        return True
    return any(term.pattern.match(line) for term in pack.kinds) or bool(PROCEDURE.search(line))


def read_header(
    lines: list[Line], pack: LanguagePack, fallback_date: date | None = None
) -> HeaderReading:
    """Header entries and authors from the lines before the resolution's clauses."""
    reading = HeaderReading()
    text = HeaderText.of(lines)
    title_end = _title(lines, pack, reading)
    day = _date(lines[title_end].text) if title_end is not None else None
    day = day or fallback_date
    if day:
        reading.header["date"] = day.isoformat()
    procedure = PROCEDURE.search(text.text)
    if procedure:
        reading.header["procedure"] = procedure.group(0)
    basis_end = legal_basis_entries(text.text, pack, reading.header, term_of(text.text, day))
    motions_end = replaced_motions(text.text, day, reading.header)
    after = max(basis_end, motions_end)
    if after:
        reading.used |= text.lines_between(text.starts[text.line_at(basis_end or after)], after)
    # Authors follow the legal basis or the replaced motions; a copy that lost both still names
    # them before "on behalf of the X Group".
    if after or group_marks(text.text, pack, None):
        start, end = _author_region(text, pack, after)
        reading.authors, reading.warnings = authors_in(text.text[start:end], pack, day)
        if reading.authors:
            reading.used |= text.lines_between(start, end)
    reading.header.update(sitting_entries(text.text, term_of(text.text, day)))
    reading.header.update(text_adopted_of(text.text))
    own = own_reference(text.text, reading.header)
    if own:
        reading.header["reference"] = own
    return reading

