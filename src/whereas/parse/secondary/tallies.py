"""Vote tallies as prose states them, in English, French, German and Czech, digits or words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from whereas.parse.records import Vote, VoteResult
from whereas.parse.secondary.dates import find_dates
from whereas.parse.secondary.numbers import NUMBER, parse_digits, replace_number_words
from whereas.parse.secondary.sentences import Sentence, sentences

Role = Literal["for", "against", "abstentions", "total", "votes"]
MAX_MEMBERS = 800  # the EP never had more than 785 members: a larger tally is nonsense

_I = re.IGNORECASE
_FOR = (
    r"in favou?r|(?<!\w)for(?!\w)|(?<!\w)pour(?!\w)|ja-stimmen|jastimmen|(?<!\w)ja(?!\w)|dafür|"
    r"(?<!\w)pro(?!\w)|zustimmung|podpořil\w*|supported|backed|unterstützt\w*"
)
_AGAINST = (
    r"against|contre|gegenstimm\w*|nein-stimm\w*|(?<!\w)nein(?!\w)|dagegen|(?<!\w)proti(?!\w)|"
    r"opposed"
)
_ABSTENTIONS = r"abst\w*|enthalt\w*|enthielten|zdržel\w*|zdrželo"
_STRONG = {
    "abstentions": re.compile(_ABSTENTIONS, _I),
    "against": re.compile(_AGAINST, _I),
    "for": re.compile(_FOR, _I),
}
_PRE = {
    "against": re.compile(rf"(?:{_AGAINST}|\bvotes?\s+to|\bvoix\s+contre)\W*(?:\w+\W+)?$", _I),
    "for": re.compile(rf"(?:{_FOR})\W*(?:\w+\W+)?$", _I),
    "abstentions": re.compile(rf"(?:{_ABSTENTIONS})\W*(?:\w+\W+)?$", _I),
}
_VOTERS = re.compile(
    r"^\s*(?:\w+\s+)?(?:meps|members|deputies|députés|eurodéputés|parlementaires|abgeordnete\w*|"
    r"poslanc\w*|europoslanc\w*|voters|votants|suffrages exprimés|votes cast|abgegebene\w*)", _I
)
# "par 455 voix contre 85": the first number is the votes for, the second those against.
_VOTES_VERSUS = re.compile(
    r"^\W*(?:votes?|voix|stimmen|hlas\w*)\s+(?:contre|to|gegen|against|proti)\W*$", _I
)
_VOTES = re.compile(r"^\W*(?:votes?|voix|stimmen|hlas\w*|suffrages?)(?!\w)", _I)
_CONTEXT = re.compile(r"vot\w*|voix|stimm\w*|hlas\w*|abst\w*|enthalt\w*|zdržel\w*|suffrage", _I)
_ADOPTED = re.compile(
    r"adopt\w*|approved|passed|angenommen|verabschiedet|schválil\w*|přijal\w*|přijat\w*", _I
)
_REJECTED = re.compile(r"reject\w*|rejet\w*|abgelehnt|zamítl\w*|zamítnut\w*|odmítl\w*", _I)
_BOUNDARY = re.compile(r"[,;:()\[\]]")


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=dict)
    start: int = 0
    end: int = 0

    def has(self, role: str) -> bool:
        return role in self.counts or (role == "for" and "votes" in self.counts)


@dataclass(frozen=True)
class TallyFinding:
    """What tally extraction found: claimed votes, and warnings for tallies that make no sense."""

    votes: list[Vote]
    warnings: list[str]


def _role(pre: str, post: str) -> Role | None:
    """What a number counts, from the words after it, else the words before it."""
    if _VOTES_VERSUS.search(post):
        return "votes"
    best: tuple[int, Role] | None = None
    for role, pattern in _STRONG.items():
        m = pattern.search(post)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role)  # type: ignore[assignment]
    if best is not None:
        return best[1]
    for role, pattern in _PRE.items():
        if pattern.search(pre):
            return role  # type: ignore[return-value]
    if _VOTERS.search(post):
        return "total"
    if _VOTES.search(post):
        return "votes"
    return None


Labelled = tuple[Role, int, int, int]  # role, value, start, end in the sentence


def _labelled_numbers(text: str) -> list[Labelled]:
    """Each number of a sentence with the role the words around it give, in order."""
    dates = [(d.start, d.end) for d in find_dates(text, 2000)]
    numbers = [m for m in NUMBER.finditer(text) if not any(s <= m.start() < e for s, e in dates)]
    out: list[Labelled] = []
    for i, m in enumerate(numbers):
        previous_end = numbers[i - 1].end() if i else 0
        next_start = numbers[i + 1].start() if i + 1 < len(numbers) else len(text)
        pre = _after_last_boundary(text[previous_end:m.start()])
        post = _BOUNDARY.split(text[m.end():next_start], maxsplit=1)[0][:40]
        role = _role(pre, post)
        if role is not None:
            out.append((role, parse_digits(m.group(0)), m.start(), m.end()))
    return out


def _after_last_boundary(pre: str) -> str:
    parts = _BOUNDARY.split(pre)
    return parts[-1][-40:]


def _group(labelled: list[Labelled]) -> list[_Tally]:
    """Numbers grouped into tallies: a role seen twice starts the next tally."""
    tallies: list[_Tally] = []
    current = _Tally()
    for role, value, start, end in labelled:
        if current.has(role) or (role == "votes" and current.has("for")):
            tallies.append(current)
            current = _Tally(start=start)
        if not current.counts:
            current.start = start
        current.counts[role] = value
        current.end = end
    tallies.append(current)
    return [t for t in tallies if len(t.counts) >= 2]


def _complete(tally: _Tally) -> tuple[int | None, int | None, int | None] | str:
    """For, against, abstentions (the for count implied by a total), or why it makes no sense."""
    c = tally.counts
    in_favour = c.get("for", c.get("votes"))
    against, abstentions, total = c.get("against"), c.get("abstentions"), c.get("total")
    if total is not None:
        if in_favour is None and against is not None:
            in_favour = total - against - (abstentions or 0)
        elif abstentions is None and in_favour is not None and against is not None:
            abstentions = total - in_favour - against
        stated = (in_favour or 0) + (against or 0) + (abstentions or 0)
        if stated != total or min(in_favour or 0, against or 0, abstentions or 0) < 0:
            return f"tally does not add up to the {total} voters stated"
    if in_favour is None and against is None:
        return "tally without votes for or against"
    if (in_favour or 0) + (against or 0) + (abstentions or 0) > MAX_MEMBERS:
        return f"tally of more votes than Parliament has members ({MAX_MEMBERS})"
    return in_favour, against, abstentions


def _result(text: str, tally: _Tally, previous_end: int) -> VoteResult | None:
    """Adopted or rejected: the verb nearest before the tally, else the first one after it."""
    before = text[previous_end:tally.start]
    found: list[tuple[int, VoteResult]] = [
        *((m.start(), "rejected") for m in _REJECTED.finditer(before)),
        *((m.start(), "adopted") for m in _ADOPTED.finditer(before)),
    ]
    if found:
        return max(found)[1]
    after = text[tally.end:]
    later: list[tuple[int, VoteResult]] = [
        *((m.start(), "rejected") for m in _REJECTED.finditer(after)),
        *((m.start(), "adopted") for m in _ADOPTED.finditer(after)),
    ]
    return min(later)[1] if later else None


def tallies_in_sentence(sentence: Sentence, language: str | None = None) -> TallyFinding:
    """The tallies one sentence claims."""
    if not _CONTEXT.search(sentence.text):
        return TallyFinding([], [])
    text = replace_number_words(sentence.text, language)
    votes: list[Vote] = []
    warnings: list[str] = []
    previous_end = 0
    for tally in _group(_labelled_numbers(text)):
        counts = _complete(tally)
        result = _result(text, tally, previous_end)
        previous_end = tally.end
        if isinstance(counts, str):
            warnings.append(f"{counts}: {sentence.text!r}")
            continue
        if result == "adopted" and (counts[0] or 0) <= (counts[1] or 0):
            warnings.append(f"tally of an adopted text with no majority for: {sentence.text!r}")
            continue
        votes.append(Vote(*counts, result=result, official=False, text=sentence.text,
                          span=(sentence.start, sentence.end)))
    return TallyFinding(votes, warnings)


def find_tallies(body: str, language: str | None = None) -> TallyFinding:
    """Every tally the body claims, each with its sentence and span in the body."""
    votes: list[Vote] = []
    warnings: list[str] = []
    for sentence in sentences(body):
        found = tallies_in_sentence(sentence, language)
        votes.extend(found.votes)
        warnings.extend(found.warnings)
    return TallyFinding(votes, warnings)
