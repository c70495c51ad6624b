"""SQLite functions of whereas's own, compiled from C at `make setup` (whereas_bm25.c).

Python's sqlite3 module here is built without extension loading, but the SQLite library it
uses runs the entry points given to sqlite3_auto_extension on every connection it opens:
`register()` loads the compiled library with ctypes and gives its entry point to the same
SQLite library the sqlite3 module uses, before any store connection is opened
(whereas.store.engine). When the library was not built (no C compiler) or SQLite cannot be
reached, `available()` is False and search ranks with FTS5's own bm25(), which gives the same
scores, more slowly.
"""

from __future__ import annotations

import ctypes
import logging
import sqlite3
import threading
from pathlib import Path

LIBRARY = Path(__file__).with_name("_whereas_bm25.so")
_log = logging.getLogger(__name__)
_lock = threading.Lock()
_state: dict[str, bool] = {}


def register() -> bool:
    """Register whereas_bm25 on every SQLite connection opened from now on (once a process)."""
    with _lock:
        if "registered" not in _state:
            _state["registered"] = _register()
        return _state["registered"]


def available() -> bool:
    """Whether connections opened after `register()` have whereas_bm25."""
    return register() and _works()


def _register() -> bool:
    if not LIBRARY.is_file():
        _log.info("no %s (make setup builds it): search ranks with FTS5's bm25()", LIBRARY.name)
        return False
    try:
        sqlite = ctypes.CDLL(_sqlite_library())
        library = ctypes.CDLL(str(LIBRARY))
        entry = ctypes.cast(library.whereas_bm25_init, ctypes.c_void_p)
        sqlite.sqlite3_auto_extension.argtypes = [ctypes.c_void_p]
        failed = sqlite.sqlite3_auto_extension(entry)
    except (OSError, AttributeError) as exc:
        _log.warning("cannot register whereas_bm25 (%s): search ranks with bm25()", exc)
        return False
    return int(failed) == 0


def _sqlite_library() -> str:
    """The SQLite library the sqlite3 module runs on, as loaded in this process (dlopen then
    shares it); an error when the module holds SQLite itself (another copy would not do)."""
    import _sqlite3  # noqa: F401  (loads the library)

    for line in Path("/proc/self/maps").read_text().splitlines():
        fields = line.split()
        if len(fields) >= 6 and Path(fields[-1]).name.startswith("libsqlite3"):
            return fields[-1]
    raise OSError("the sqlite3 module's SQLite is not a shared library of this process")


def _works() -> bool:
    """A connection opened now has the function (checked once a process)."""
    with _lock:
        if "works" not in _state:
            _state["works"] = _probe()
            if not _state["works"]:
                _log.warning("whereas_bm25 does not score as bm25(): search ranks with bm25()")
        return _state["works"]


def _probe() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(terms, labels)")
        connection.execute("INSERT INTO probe VALUES ('a b', 'z z')")
        row = connection.execute(
            "SELECT whereas_bm25(probe) = bm25(probe, 1.0, 0.0) FROM probe WHERE probe MATCH 'a'"
        ).fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return bool(row and row[0])
