"""What every view shares: pages of a list, the terms of reuse, EP links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from whereas.errors import InvalidReference
from whereas.sources import urls

T = TypeVar("T")

EP_NOTICE = (
    "European Parliament documents and data: reuse is authorised provided the source is "
    "acknowledged (European Parliament legal notice). Values are read by whereas from the "
    "documents named with each record; check them against the source before relying on them."
)
EP_TERMS_URL = "https://www.europarl.europa.eu/legal-notice/en/"
REFERENCE_LISTS_NOTICE = (
    "Group and country lists: EU Publications Office vocabularies (CC BY 4.0), as compiled by "
    "HowTheyVote.eu."
)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items and where it sits in the whole."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, None on the last one."""
        following = self.offset + self.limit
        return following if following < self.total else None

    @property
    def previous_offset(self) -> int | None:
        """The offset of the previous page, None on the first one."""
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(frozen=True)
class ExternalLink:
    """A link to the EP's own page for a record."""

    label: str
    url: str


def procedure_links(reference: str) -> list[ExternalLink]:
    """The Legislative Observatory and Open Data Portal pages of a procedure."""
    links = [
        ExternalLink(
            "Legislative Observatory", f"{urls.OEIL}/oeil/en/procedure-file?reference={reference}"
        )
    ]
    try:
        process = urls.process_id(reference)
    except ValueError:
        return links
    links.append(
        ExternalLink(
            "EP Open Data Portal", f"https://data.europarl.europa.eu/en/eli/dl/proc/{process}"
        )
    )
    return links


def document_links(reference: str | None, language: str | None) -> list[ExternalLink]:
    """The EP's HTML and PDF of a motion, joint motion, report or text adopted."""
    if not reference:
        return []
    try:
        doc_id = urls.document_id(reference)
    except InvalidReference:
        return []
    lang = language if language and language != "mul" else "en"
    return [
        ExternalLink("EP page (HTML)", urls.doceo(doc_id, lang, "html")),
        ExternalLink("EP PDF", urls.doceo(doc_id, lang, "pdf")),
    ]
