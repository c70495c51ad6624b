"""Bounded fuzzing in the suite: every reader and parser target on mutated real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz import SOAK
from fuzz.mutate import corpus_seeds, mutate_inside_zip, seeds_for_format
from fuzz.targets import all_targets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TARGETS = all_targets()
EXAMPLES = 2000 if SOAK else 12


@pytest.fixture(scope="module")
def seeds(corpus: Path) -> list[bytes]:
    """The real documents the mutations start from."""
    return [p.read_bytes() for p in corpus_seeds(corpus, max_bytes=600_000)]


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target_survives_mutated_corpus_documents(name: str, seeds: list[bytes]) -> None:
    pool = seeds_for_format(name.split(":", 1)[1], seeds) if name.startswith("read:") else seeds

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.integers(min_value=0, max_value=2**32))
    def run(seed: int) -> None:
        # A failure names its seed: `python fuzz/run.py NAME --seed SEED --seconds 1` replays it.
        TARGETS[name](mutate_inside_zip(seed, pool[seed % len(pool)], pool))

    run()


@pytest.mark.parametrize("name", ["read", "pipeline"])
@settings(max_examples=EXAMPLES * 4, deadline=None, database=None, derandomize=True)
@given(data=st.binary(max_size=4096))
def test_target_survives_random_bytes(name: str, data: bytes) -> None:
    TARGETS[name](data)


def test_surrogate_character_reference_in_damaged_xml_is_read() -> None:
    # Found by fuzzing: libxml2's recover mode kept "&#xD800;" as bytes lxml could not decode.
    data = b"<?xml version='1.0'?><r><p>before &#xD800; &#55296; after</p><p>unclosed</r>"
    TARGETS["read:xml"](data)
    TARGETS["read"](data)
