"""Two publications of one sitting's vote list (files are republished during the day, undated).

The more complete publication supersedes the other: it holds every vote of the other (and maybe
more, or more corrections). Which one that is is told from the content, never from a timestamp.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from whereas.parse.records import ParsedDocument, Vote


@dataclass
class PublicationChange:
    """What a publication adds to, drops from or changes in another of the same sitting."""

    same_sitting: bool
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def supersedes(self) -> bool:
        """Whether the publication holds everything of the other, and more or newer."""
        return self.same_sitting and not self.removed and bool(self.added or self.changed)


def compare_publications(older: ParsedDocument, newer: ParsedDocument) -> PublicationChange:
    """The votes `newer` adds, drops or changes with respect to `older` (by vote id)."""
    day = newer.header.get("sitting_date")
    same = day is not None and older.header.get("sitting_date") == day
    before = {v.vote_id: _content(v) for v in older.votes if v.vote_id}
    after = {v.vote_id: _content(v) for v in newer.votes if v.vote_id}
    return PublicationChange(
        same_sitting=same,
        added=[k for k in after if k not in before],
        removed=[k for k in before if k not in after],
        changed=[k for k in after if k in before and after[k] != before[k]],
    )


def _content(vote: Vote) -> Vote:
    # Where a vote sits in the file is no part of what it says.
    return replace(vote, path=None, span=None)
