"""Warm the read, recognize and parse stages once in the process that forks ingest's workers, so
that every worker starts at full speed.

What warming pays for is built lazily on first use and then kept: the parsers' modules, the
language identifier's model, dateparser's locale data, trafilatura, compiled patterns. A worker
is forked, so it inherits all of it; without it, every worker (one per API upload) would pay
about a second and a half before its first document.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import import_module

from whereas.config import Limits
from whereas.ingest.stages import read_and_parse
from whereas.parse import PARSERS

log = logging.getLogger(__name__)

_RESOLUTION = """<html lang="en"><head><title>Joint motion for a resolution - RC-B10-0249/2025
</title></head><body><p>European Parliament</p><p>JOINT MOTION FOR A RESOLUTION on the return of
Ukrainian children forcibly transferred and deported by Russia</p><p>7.5.2025 - (2025/2691(RSP))
</p><p>pursuant to Rules 150(5) and 136(4) of the Rules of Procedure</p><p>replacing the following
motions: B10-0249/2025 (Verts/ALE)</p><p>Michael Gahler, Sandra Kalniete</p><p>on behalf of the
PPE Group</p><p>European Parliament resolution on the return of Ukrainian children forcibly
transferred and deported by Russia (2025/2691(RSP))</p><p>The European Parliament,</p><p>- having
regard to its previous resolutions on Ukraine, in particular that of 7 May 2025,</p><p>- having
regard to the statement of 20 janvier 2022 and the one of 20. Januar 2022,</p>
<p>A. whereas Russia has deported children;</p><p>1. Strongly condemns the deportations and
calls on the Commission, the Council and the VP/HR to impose sanctions and to support human
rights defenders;</p><p>2. Instructs its President to forward this resolution to the Council
and the Commission.</p></body></html>"""

_PRESS_RELEASE = """<html lang="en"><head><title>Human rights breaches in Kazakhstan | News |
European Parliament</title><meta name="date" content="2022-01-20"></head><body><article>
<h1>Human rights breaches in Kazakhstan</h1><p>Press release 20-01-2022 - 13:12</p><p>Parliament
adopted the resolution by 667 votes to 1, with 27 abstentions, on Thursday 20 January 2022.</p>
<p>"We stand with the people of Kazakhstan," said the rapporteur.</p></article></body></html>"""

_ARTICLE = """---
date: 2022-01-20
title: "Europoslanci odsoudili násilí v Kazachstánu"
---

Štrasburk, 20. ledna 2022 - Europoslanci dnes schválili rezoluci odsuzující násilí v Kazachstánu.
Rezoluce byla přijata 667 hlasy, 1 poslanec byl proti a 27 se zdrželo hlasování.
"""

SAMPLES = {"resolution.html": _RESOLUTION, "press.html": _PRESS_RELEASE, "article.md": _ARTICLE}


@cache
def warm_up() -> None:
    """Import every parser and run the stages over the samples, once a process (a failure only
    costs speed)."""
    for target in sorted(set(PARSERS.values())):
        import_module(target.split(":")[0])
    for name, text in SAMPLES.items():
        try:
            read_and_parse(text.encode(), name, Limits(workers=0))
        except Exception:
            log.warning("warming the ingest stages on %s failed", name, exc_info=True)
