"""People quoted by a press release or an article, with their role, and what they said."""

from __future__ import annotations

import re

from whereas.parse.records import Quote

_QUOTED = re.compile(r"[“„«\"](?P<text>[^“”„«»\"]{15,}?)[”“»\"]")
_UPPER = "A-ZÀ-ÖØ-ÝČĎĚŇŘŠŤŮŽŁŚŹŻ"
_NAME = rf"[{_UPPER}][\w'’-]+(?:\s+(?:de |van |von |der )?[{_UPPER}][\w'’-]+){{0,2}}"
_SPEECH = (
    r"said|says|added|adds|told|tells|stated|states|explained|explains|warned|warns|stressed|"
    r"stresses|commented|noted|declared|insisted|argued|underlined|"
    r"a déclaré|déclare|a dit|dit|explique|a expliqué|affirme|a affirmé|souligne|a souligné|"
    r"ajoute|a ajouté|estime|a estimé|"
    r"sagte|sagt|erklärte|erklärt|betonte|betont|so|"
    r"říká|řekl|řekla|uvedl|uvedla|uvádí|komentuje(?: situaci)?|dodává|dodal|dodala|vysvětluje|"
    r"vysvětlil|vysvětlila|domnívá se|uzavírá|obává se|kritizoval|kritizovala|zdůraznil|"
    r"zdůraznila|upozornil|upozornila|míní"
)
_ROLE_WORD = (
    r"rapporteur|rapporteure|mep|member|spokesperson|spokesman|spokeswoman|president|chair|"
    r"chairman|chairwoman|vice-president|commissioner|minister|representative|leader|"
    r"député|députée|eurodéputé|eurodéputée|porte-parole|présidente?|ministre|commissaire|"
    r"abgeordneter?|berichterstatterin|berichterstatter|sprecherin|sprecher|präsidentin|"
    r"europoslanec|europoslankyně|poslanec|poslankyně|mluvčí|předseda|předsedkyně|"
    r"místopředseda|místopředsedkyně|zpravodaj|zpravodajka|pirátka|pirát|ministr|ministryně"
)
_QUALIFIER = (
    r"pirátská|pirátský|česká|český|czech|french|german|green|socialist|liberal|conservative|"
    r"vice|deputy|former|shadow|eu|european|ep|parliament's|the"
)
_ROLE = rf"(?P<role>(?:(?:{_QUALIFIER})\s+){{0,2}}(?:{_ROLE_WORD}))"
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.!?]*(?:{_SPEECH})\s+(?:{_ROLE}\s+)?(?P<name>{_NAME})", re.I
)
_AFTER_NAME_FIRST = re.compile(
    rf"^[\s,.!?]*(?:{_ROLE}\s+)?(?P<name>{_NAME})\s+(?:has\s+|had\s+)?(?:{_SPEECH})(?!\w)", re.I
)
_BEFORE = re.compile(rf"(?:{_ROLE}\s+)?(?P<name>{_NAME})\s+(?:{_SPEECH})\s*:\s*$", re.I)
_CONTINUATION = 120  # a second quote this close after an attributed one is the same speaker's


def _person(match: re.Match[str]) -> tuple[str, str | None] | None:
    name = match.group("name").strip()
    if not name[0].isupper() or name.lower() in {"the", "a", "she", "he", "they", "it"}:
        return None
    role = match.group("role")
    return name, _clean_role(role)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    words = role.split()
    return " ".join(words[1:] if words[0].lower() == "the" else words) or None


def _attribution(body: str, start: int, end: int) -> tuple[tuple[str, str | None], int] | None:
    """Who a quote is attributed to (name, role) and where the attribution ends."""
    after = body[end:end + 120]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
        m = pattern.search(after)
        if m and (person := _person(m)):
            return person, end + m.end()
    m = _BEFORE.search(body[max(0, start - 120):start])
    if m and (person := _person(m)):
        return person, end
    return None


def _full_name(body: str, name: str) -> str:
    """The longest name in the body ending with `name` ("Gregorová" -> "Markéta Gregorová")."""
    if " " in name:
        return name
    longer = re.findall(rf"[{_UPPER}][\w'’-]+\s+{re.escape(name)}(?!\w)", body)
    return max(longer, key=len) if longer else name


def _role_of(body: str, name: str) -> str | None:
    m = re.search(rf"{_ROLE}\s+{re.escape(name)}(?!\w)", body, re.I)
    return _clean_role(m.group("role")) if m else None


def find_quotes(body: str) -> list[Quote]:
    """Quotations attributed to a named person, with the span of the quoted text in the body."""
    quotes: list[Quote] = []
    last: tuple[str, str | None, int] | None = None
    for m in _QUOTED.finditer(body):
        found = _attribution(body, m.start(), m.end())
        if found is None:
            if last is not None and 0 <= m.start() - last[2] <= _CONTINUATION and "\n" not in (
                body[last[2]:m.start()]
            ):
                quotes.append(Quote(last[0], last[1], m.group("text").strip(" ,"), m.span("text")))
            continue
        (name, role), attribution_end = found
        full = _full_name(body, name)
        role = role or _role_of(body, full)
        quotes.append(Quote(full, role, m.group("text").strip(" ,"), m.span("text")))
        last = (full, role, attribution_end)
    return quotes
