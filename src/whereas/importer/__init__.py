"""Loading what other tools (or another whereas) exported back into a store."""

from whereas.importer.json_import import ImportResult, import_export, import_file

__all__ = ["ImportResult", "import_export", "import_file"]
