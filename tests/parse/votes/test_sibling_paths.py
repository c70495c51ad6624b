"""Record paths of roll calls, results of votes and MEP directories in linear time (issue 10).

The paths once came from `tree.getpath` per record, and libxml2 walks every earlier sibling
(whatever its name) on each call: n records among their siblings cost n * n.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import lxml.etree
import pytest

from whereas.parse.people import parse_people_directory
from whereas.parse.records import ParsedDocument
from whereas.parse.votes import parse_roll_call, parse_vote_results

# Unrelated siblings between the records: the parsers skip them, getpath walked them all.
_PADDING = "<note/>" * 9

Parse = Callable[[lxml.etree._Element], ParsedDocument]


def _directory(count: int) -> bytes:
    mep = "<mep><id>{}</id><fullName>Anna Example</fullName></mep>" + _PADDING
    return ("<meps>" + "".join(mep.format(i) for i in range(count)) + "</meps>").encode()


def _roll_call(count: int) -> bytes:
    vote = (
        '<RollCallVote.Result Identifier="{}" Date="2025-05-08 12:00:00">'
        "<RollCallVote.Description.Text>B10-0249/2025 - § 1</RollCallVote.Description.Text>"
        '<Result.For Number="1"><Result.PoliticalGroup.List Identifier="PPE">'
        '<PoliticalGroup.Member.Name MepId="1" PersId="2">Anna Example</PoliticalGroup.Member.Name>'
        "</Result.PoliticalGroup.List></Result.For></RollCallVote.Result>" + _PADDING
    )
    rows = "".join(vote.format(i) for i in range(count))
    return f"<PV.RollCallVoteResults>{rows}</PV.RollCallVoteResults>".encode()


def _vote_results(count: int) -> bytes:
    row = (
        '<voting votingId="{}" result="ADOPTED" resultType="SHOW_OF_HANDS">'
        "<amendmentSubject>§ 1</amendmentSubject></voting>" + _PADDING
    )
    rows = "".join(row.format(i) for i in range(count))
    return (
        '<file><sitting date="2025-05-08"><votes><vote><title>Children</title>'
        f"<votings>{rows}</votings></vote></votes></sitting></file>"
    ).encode()


def _records(parsed: ParsedDocument) -> list[str | None]:
    return [vote.path for vote in parsed.votes] + [person.path for person in parsed.people]


_CASES = [
    (_directory, parse_people_directory, "mep"),
    (_roll_call, parse_roll_call, "RollCallVote.Result"),
    (_vote_results, parse_vote_results, "voting"),
]
_IDS = ["directory", "roll_call", "vote_results"]


@pytest.mark.parametrize(("make", "parse", "tag"), _CASES, ids=_IDS)
def test_record_paths_are_those_lxml_writes(
    make: Callable[[int], bytes], parse: Parse, tag: str
) -> None:
    root = lxml.etree.fromstring(make(3))
    tree = root.getroottree()
    assert _records(parse(root)) == [tree.getpath(element) for element in root.iter(tag)]


def _cpu_seconds(parse: Parse, data: bytes, repeats: int) -> tuple[float, str | None]:
    """The least CPU time of parsing `data` over `repeats` runs, and its last record's path."""
    root = lxml.etree.fromstring(data)
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        parsed = parse(root)
        best = min(best, time.process_time() - started)
    return best, _records(parsed)[-1]


@pytest.mark.parametrize(("make", "parse", "tag"), _CASES, ids=_IDS)
def test_parsing_many_sibling_records_grows_linearly(
    make: Callable[[int], bytes], parse: Parse, tag: str
) -> None:
    # Twenty times the records (each beside 9 other siblings): about 20-25 times the CPU when
    # linear, 95-170 times with getpath per record (before issue 10: 50,000 roll calls took
    # 200 s). CPU time, the best of a few runs, and a ratio: no wall-clock budget.
    small, small_path = _cpu_seconds(parse, make(150), 5)
    large, large_path = _cpu_seconds(parse, make(3_000), 2)
    assert small_path is not None and small_path.endswith(f"/{tag}[150]")
    assert large_path is not None and large_path.endswith(f"/{tag}[3000]")
    assert large / max(small, 1e-4) < 60
