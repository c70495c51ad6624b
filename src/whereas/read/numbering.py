"""Rebuild Word's automatic list numbers (numbering.xml, numPr, paragraph styles)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


@dataclass(frozen=True)
class ListLevel:
    """One level of a Word list: its first number, number format and label pattern."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(frozen=True)
class ListStyle:
    """The list a paragraph style puts its paragraphs in (numId "" when the style has none)."""

    num_id: str = ""
    ilvl: int | None = None


@dataclass
class Numbering:
    """The list definitions of one DOCX: abstract lists, list instances, styled lists."""

    abstract_levels: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    abstract_links: dict[str, str] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    styles: dict[str, ListStyle] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> ListLevel | None:
        """The level definition used by list `num_id` at depth `ilvl`, overrides applied."""
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        abstract = self.nums.get(num_id)
        if abstract is None:
            return None
        levels = self.abstract_levels.get(abstract, {})
        if not levels and abstract in self.abstract_links:
            linked = self.styles.get(self.abstract_links[abstract])
            linked_abstract = self.nums.get(linked.num_id) if linked else None
            levels = self.abstract_levels.get(linked_abstract or "", {})
        return levels.get(ilvl)


def _val(element: etree._Element | None, child: str) -> str | None:
    if element is None:
        return None
    found = element.find(W + child)
    return None if found is None else found.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _list_level(lvl: etree._Element, base: ListLevel | None = None) -> ListLevel:
    base = base or ListLevel()
    text = _val(lvl, "lvlText")
    return ListLevel(
        start=_int(_val(lvl, "start"), base.start),
        fmt=_val(lvl, "numFmt") or base.fmt,
        text=base.text if text is None else text,
    )


def load_numbering(numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
    """Read numbering.xml and styles.xml (either may be missing) into a Numbering."""
    result = Numbering()
    if styles is not None:
        result.styles = _styled_lists(styles)
    if numbering is None:
        return result
    for abstract in numbering.iter(W + "abstractNum"):
        key = abstract.get(W + "abstractNumId", "")
        levels = {
            _int(lvl.get(W + "ilvl"), 0): _list_level(lvl) for lvl in abstract.iter(W + "lvl")
        }
        result.abstract_levels[key] = levels
        link = _val(abstract, "numStyleLink")
        if link:
            result.abstract_links[key] = link
    for num in numbering.iter(W + "num"):
        _load_num(result, num)
    return result


def _load_num(result: Numbering, num: etree._Element) -> None:
    num_id = num.get(W + "numId", "")
    abstract = _val(num, "abstractNumId") or ""
    result.nums[num_id] = abstract
    for override in num.iter(W + "lvlOverride"):
        ilvl = _int(override.get(W + "ilvl"), 0)
        base = result.abstract_levels.get(abstract, {}).get(ilvl)
        lvl = override.find(W + "lvl")
        level = _list_level(lvl, base) if lvl is not None else base or ListLevel()
        start = _val(override, "startOverride")
        if start is not None:
            level = ListLevel(start=_int(start, level.start), fmt=level.fmt, text=level.text)
        result.overrides.setdefault(num_id, {})[ilvl] = level


def _styled_lists(styles: etree._Element) -> dict[str, ListStyle]:
    """Each paragraph style's list, following basedOn chains (styles inherit numbering)."""
    own: dict[str, ListStyle | None] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(W + "style"):
        style_id = style.get(W + "styleId", "")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        own[style_id] = None
        if num_pr is not None:
            ilvl = _val(num_pr, "ilvl")
            own[style_id] = ListStyle(_val(num_pr, "numId") or "", _int(ilvl, 0) if ilvl else None)
        parent = _val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
    resolved: dict[str, ListStyle] = {}
    for style_id in own:
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current not in seen:
            seen.add(current)
            found = own.get(current)
            if found is not None:
                resolved[style_id] = found
                break
            current = based_on.get(current)
    return resolved


def format_number(number: int, fmt: str) -> str:
    """Render a list counter in a Word number format (decimal, letters, roman numerals)."""
    if fmt == "none":
        return ""
    if number <= 0 or fmt in {"decimal", "bullet"}:
        return str(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in {"upperLetter", "lowerLetter"}:
        # Word goes A..Z, then AA, BB, ..., ZZ, then AAA.
        letter = chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in {"upperRoman", "lowerRoman"}:
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    digits: list[str] = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        digits.append(symbol * count)
    return "".join(digits)


class ListCounter:
    """Counts numbered paragraphs list by list and renders the label Word would draw."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counters: dict[str, dict[int, int]] = {}

    def list_of(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """The (numId, ilvl) a <w:p> is numbered in, from its numPr or its style; None if none."""
        ppr = paragraph.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        style = self._numbering.styles.get(_val(ppr, "pStyle") or "", ListStyle())
        num_id = _val(num_pr, "numId") or style.num_id
        ilvl = _int(_val(num_pr, "ilvl"), style.ilvl or 0)
        if not num_id or num_id == "0" or self._numbering.level(num_id, ilvl) is None:
            return None
        return num_id, min(max(ilvl, 0), 8)

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Count one more item at (numId, ilvl), restart deeper levels, render the label."""
        level = self._numbering.level(num_id, ilvl) or ListLevel()
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return level.text.strip() or None
        label = _PLACEHOLDER.sub(lambda m: self._render(num_id, int(m.group(1)) - 1), level.text)
        return label.strip() or None

    def _render(self, num_id: str, ilvl: int) -> str:
        level = self._numbering.level(num_id, ilvl) or ListLevel()
        number = self._counters.get(num_id, {}).get(ilvl, level.start)
        return format_number(number, level.fmt)
