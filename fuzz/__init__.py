"""Fuzz targets, seeded mutations of real documents and hostile inputs, for whereas' readers."""

from __future__ import annotations

import os

# `make test` runs a bounded version of every soak; WHEREAS_SOAK=1 runs the long one by hand.
SOAK = os.environ.get("WHEREAS_SOAK") == "1"
