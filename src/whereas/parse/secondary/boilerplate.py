"""Page chrome in copied or extracted text: menus, language lists, share buttons, contact boxes.

The main text is the run of prose paragraphs before the first closing section ("Contacts:",
"Further information", "Related articles"...), without the short chrome paragraphs inside it.
"""

from __future__ import annotations

import re
from collections import Counter

_I = re.IGNORECASE
_CHROME = re.compile(
    r"^(?:[•·\-–—*|]+|\d{4}|©.*|"
    r"(?:[A-Z]{2}|[a-z]{2})\s+-\s+\S.*|"  # language menus: "BG - български"
    r".*press \"?enter\"?.*|access to search field|launch the search|menu|"
    r"(?:view|hide) (?:sub)?menu.*|view other websites|open in a new page.*|current page:.*|"
    r"go back to page.*|please fill in this field.*|find a procedure|search|"
    r"share this page:?|share on .*|partager sur .*|teilen auf .*|sdílet.*|"
    r"facebook|twitter|x|linkedin|whatsapp|instagram|youtube|flickr|pinterest|snapchat|reddit|"
    r"e-?mail|print|pdf version|sign up for mail updates|check out parliament on .*|"
    r"accept (?:all )?cookies.*|we use cookies.*|cookie (?:policy|settings).*|"
    r"legal notice|privacy policy|accessibility|sitemap|rss|contact|data protection notice|"
    r"skip to (?:main )?content|back to top|read more|lire la suite|weiterlesen|číst dále|"
    r"photo:.*|foto:.*|crédit photo.*|photo credit.*|image:.*|\(?©.*|"
    r"par|by|von|autor:?|actualités|news|press room|press releases|plenary session|"
    r"(?:category|catégorie|kategorie|tags?|štítky):.*)$",
    _I,
)
_CLOSING = re.compile(
    r"^(?:contacts?|contact data|further information|product information|related articles?|"
    r"related news|related content|read (?:more|also)|see also|more on this topic|"
    r"share this (?:page|article)|sign up for mail updates|kontakty?|související(?: články)?|"
    r"weitere informationen|mehr zum thema|pour en savoir plus|en savoir plus|"
    r"articles? similaires|à lire aussi|dans la même rubrique|comments?|leave a (?:comment|reply)|"
    r"newsletter|about the author|o autorovi)\s*:?$",
    _I,
)
_LANGUAGE_CODES = {
    "bg", "es", "cs", "da", "de", "et", "el", "en", "fr", "ga", "hr", "it", "lv", "lt", "hu",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "fi", "sv",
}
_SENTENCE_END = re.compile(r"[.!?:;,”\"»)…]$")
_DATE_LINE = re.compile(r"^[\d\s./:-]+$")


def words(paragraph: str) -> int:
    """How many words a paragraph has."""
    return len(paragraph.split())


def is_language_list(paragraph: str) -> bool:
    """A list of language codes ("bg es cs da de ...")."""
    tokens = re.findall(r"[A-Za-z]+", paragraph)
    codes = [t for t in tokens if t.casefold() in _LANGUAGE_CODES]
    return len(tokens) >= 4 and len(codes) >= 0.8 * len(tokens)


def is_chrome(paragraph: str) -> bool:
    """A paragraph that is page furniture whatever page it is on."""
    text = paragraph.strip()
    return not text or bool(_CHROME.match(text)) or is_language_list(text) or bool(
        _DATE_LINE.match(text) and words(text) <= 4
    )


def is_closing(paragraph: str) -> bool:
    """A heading that opens the page's closing sections (contacts, related links...)."""
    return bool(_CLOSING.match(paragraph.strip()))


def is_prose(paragraph: str, repeated: set[str]) -> bool:
    """A paragraph of running text (not a menu item, a heading or a repeated block)."""
    text = paragraph.strip()
    if is_chrome(text) or text in repeated:
        return False
    n = words(text)
    return n >= 8 or (n >= 5 and bool(_SENTENCE_END.search(text)))


def _link_list(paragraphs: list[str], i: int) -> bool:
    """Part of a run of three or more short paragraphs without punctuation (a link list)."""
    def short(j: int) -> bool:
        return 0 <= j < len(paragraphs) and words(paragraphs[j]) <= 5 and not _SENTENCE_END.search(
            paragraphs[j].strip()
        )

    return short(i) and (
        (short(i - 1) and short(i - 2)) or (short(i - 1) and short(i + 1))
        or (short(i + 1) and short(i + 2))
    )


def _region(paragraphs: list[str], repeated: set[str]) -> tuple[int, int] | None:
    """First and last paragraph of the main text (inclusive), or None when there is no prose."""
    prose = [i for i, p in enumerate(paragraphs) if is_prose(p, repeated)]
    if not prose:
        return None
    first = prose[0]
    closing = next(
        (i for i in range(first, len(paragraphs)) if is_closing(paragraphs[i])), len(paragraphs)
    )
    last = max(i for i in prose if i < closing) if any(i < closing for i in prose) else first
    while first > 0 and _lead(paragraphs[first - 1], repeated):
        first -= 1
    return first, last


def _lead(paragraph: str, repeated: set[str]) -> bool:
    """A highlight or standfirst line just before the first prose paragraph."""
    text = paragraph.strip()
    return not is_chrome(text) and text not in repeated and text.startswith(("•", "-", "*")) and (
        words(text) >= 4
    )


def main_paragraphs(paragraphs: list[str]) -> list[str]:
    """The paragraphs of the main text, page chrome left out."""
    cleaned = [" ".join(p.split()) for p in paragraphs]
    counts = Counter(p for p in cleaned if p)
    repeated = {p for p, n in counts.items() if n > 1 and words(p) < 8}
    region = _region(cleaned, repeated)
    if region is None:
        return []
    first, last = region
    return [
        cleaned[i]
        for i in range(first, last + 1)
        if cleaned[i] and not is_chrome(cleaned[i]) and cleaned[i] not in repeated
        and not _link_list(cleaned, i)
    ]


def line_paragraphs(lines: list[tuple[int, str]]) -> list[str]:
    """Paragraphs of copied text from (line number, line) pairs: a gap is a blank line."""
    out: list[str] = []
    current: list[str] = []
    previous = -2
    for number, line in lines:
        if number != previous + 1 and current:
            out.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
        previous = number
    if current:
        out.append(" ".join(current))
    return out
