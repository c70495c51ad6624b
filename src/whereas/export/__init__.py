"""Exports of the store: the JSON contract (whereas.export/1) and, later, other formats."""
