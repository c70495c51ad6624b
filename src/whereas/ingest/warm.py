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

# Invented documents (no text of a real one) of the shapes the stages meet most: a joint motion,
# a press release, a news article in Czech.
_RESOLUTION = """<html lang="en"><head><title>Joint motion for a resolution - RC-B10-0999/2025
</title></head><body><p>European Parliament</p><p>JOINT MOTION FOR A RESOLUTION on the detention
of journalists in Ruritania</p><p>3.4.2025 - (2025/2999(RSP))</p><p>pursuant to Rules 150(5) and
136(4) of the Rules of Procedure</p><p>replacing the following motions: B10-0999/2025
(Verts/ALE)</p><p>Anna Example, Jan Placeholder</p><p>on behalf of the PPE Group</p><p>European
Parliament resolution on the detention of journalists in Ruritania (2025/2999(RSP))</p><p>The
European Parliament,</p><p>- having regard to its previous resolutions on Ruritania, in
particular that of 3 April 2025,</p><p>- having regard to the statement of 12 janvier 2022 and
the one of 12. Januar 2022,</p>
<p>A. whereas journalists have been detained;</p><p>1. Strongly condemns the detentions and
calls on the Commission, the Council and the VP/HR to impose sanctions and to support human
rights defenders;</p><p>2. Instructs its President to forward this resolution to the Council
and the Commission.</p></body></html>"""

_PRESS_RELEASE = """<html lang="en"><head><title>Journalists detained in Ruritania | News |
European Parliament</title><meta name="date" content="2025-04-03"></head><body><article>
<h1>Journalists detained in Ruritania</h1><p>Press release 03-04-2025 - 12:40</p><p>Parliament
adopted the resolution by 512 votes to 20, with 41 abstentions, on Thursday 3 April 2025.</p>
<p>"Free the reporters," said the rapporteur.</p></article></body></html>"""

_ARTICLE = """---
date: 2025-04-03
title: "Europoslanci žádají propuštění novinářů v Rurytánii"
---

Štrasburk, 3. dubna 2025 - Europoslanci dnes přijali rezoluci o zadržených novinářích.
Rezoluce byla přijata 512 hlasy, 20 poslanců bylo proti a 41 se zdrželo hlasování.
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
