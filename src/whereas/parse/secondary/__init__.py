"""Secondary sources: press releases, news, statements and OEIL summaries.

`parse_secondary` gives the main text without page chrome (`body`), the tallies the text claims
(`votes`, official=False, each with its sentence and span), quantities (`facts`) and quotations.
Spans are offsets in `body`. Title, publication date (ISO) and publisher go in `header`.
"""

from __future__ import annotations

import re
from datetime import date

from whereas.parse.records import Fact, ParsedDocument, Vote
from whereas.parse.secondary.body import main_text
from whereas.parse.secondary.dates import relative_day
from whereas.parse.secondary.facts import facts_in_sentence
from whereas.parse.secondary.header import Header, read_header
from whereas.parse.secondary.quotes import find_quotes
from whereas.parse.secondary.sentences import sentences
from whereas.parse.secondary.tallies import tallies_in_sentence
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition

_VOTED = re.compile(
    r"adopt\w*|vot\w*|schválil\w*|přijal\w*|hlasoval\w*|angenommen|abgestimmt", re.IGNORECASE
)
SECONDARY_KINDS = ("press_release", "news", "statement", "procedure_summary")
__all__ = ["SECONDARY_KINDS", "parse_secondary"]


def _language(body: str, recognition: Recognition) -> str | None:
    """The language of the body: as recognised, else identified among EN, FR, DE and CS."""
    if recognition.language:
        return recognition.language
    try:
        import py3langid

        identifier = py3langid.langid.LanguageIdentifier.from_pickled_model(
            py3langid.langid.MODEL_FILE, norm_probs=True
        )
        identifier.set_languages(["en", "fr", "de", "cs"])
        language, _ = identifier.classify(body[:4000])
        return str(language)
    except Exception:  # number words are then read in every language
        return None


def _vote_day(body: str, published: date | None) -> date | None:
    """The day of the vote a report speaks of: "adopted on Thursday", "dnes schválili"."""
    for sentence in sentences(body):
        for m in _VOTED.finditer(sentence.text):
            window = sentence.text[max(0, m.start() - 30):m.end() + 30]
            day = relative_day(window, published)
            if day is not None and (published is None or day <= published):
                return day
    return None


def _statements(
    body: str, published: date | None, language: str | None
) -> tuple[list[Vote], list[Fact], list[str]]:
    """Tallies and facts, sentence by sentence: a sentence with a tally gives no facts."""
    votes: list[Vote] = []
    facts: list[Fact] = []
    warnings: list[str] = []
    vote_day = _vote_day(body, published)
    for sentence in sentences(body):
        tallies = tallies_in_sentence(sentence, language)
        warnings.extend(tallies.warnings)
        if tallies.votes or tallies.warnings:
            for vote in tallies.votes:
                vote.date = vote_day
            votes.extend(tallies.votes)
            continue
        found = facts_in_sentence(sentence, language)
        facts.extend(found.facts)
        warnings.extend(found.warnings)
    return votes, facts, warnings


def _header_fields(header: Header, method: str) -> dict[str, str | list[str]]:
    fields: dict[str, str | list[str]] = {"body_method": method}
    if header.title:
        fields["title"] = header.title
    if header.date:
        fields["date"] = header.date.isoformat()
    if header.publisher:
        fields["publisher"] = header.publisher
    return fields


def parse_secondary(doc: ReadDocument, recognition: Recognition) -> ParsedDocument:
    """Body, tallies, facts and quotes of a press release, news item, statement or OEIL summary."""
    body = main_text(doc)
    header = read_header(doc, recognition)
    votes, facts, warnings = _statements(body.text, header.date, _language(body.text, recognition))
    for vote in votes:
        vote.procedure = recognition.procedure if recognition.kind == "procedure_summary" else None
    return ParsedDocument(
        body=body.text,
        votes=votes,
        facts=facts,
        quotes=find_quotes(body.text),
        header=_header_fields(header, body.method),
        warnings=[*body.warnings, *header.warnings, *warnings],
    )
