"""Recompute the thread links of a store: lineage within procedures, demands across them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from whereas.embed import Embedder
from whereas.link.thread.lineage import link_lineage
from whereas.link.thread.repeat_links import link_repeats


def link_thread(session: Session, embedder: Embedder | None = None) -> tuple[int, int]:
    """Replace the derives_from and repeats links; returns how many of each were written."""
    return link_lineage(session), link_repeats(session, embedder)
