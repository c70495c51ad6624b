"""Read a file from disk safely: only regular files, never blocking, size checked first.

Reasons do not repeat the path: callers show them as "rejected PATH: reason".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, UnreadableDocument

_KINDS = (
    (stat.S_ISDIR, "a directory, not a file"),
    (stat.S_ISFIFO, "a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "a character device, not a regular file"),
    (stat.S_ISBLK, "a block device, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
)


def _check_regular(mode: int) -> None:
    for test, reason in _KINDS:
        if test(mode):
            raise UnreadableDocument(reason)
    if not stat.S_ISREG(mode):
        raise UnreadableDocument("not a regular file")


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise UnreadableDocument("dangling symbolic link (its target does not exist)") from exc
        raise UnreadableDocument("no such file") from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read: {exc.strerror or exc}") from exc


def _too_large(size: int, limits: Limits) -> DocumentTooLarge:
    return DocumentTooLarge(
        f"file of {size} bytes, over the limit of {limits.max_file_bytes} bytes"
    )


def read_file_bytes(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file; UnreadableDocument or DocumentTooLarge with the reason."""
    info = _stat(path)
    _check_regular(info.st_mode)
    if info.st_size > limits.max_file_bytes:
        raise _too_large(info.st_size, limits)
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since stat(), opening must not hang.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableDocument(f"cannot open: {exc.strerror or exc}") from exc
    try:
        _check_regular(os.fstat(descriptor).st_mode)
    except BaseException:
        os.close(descriptor)
        raise
    try:
        handle = open(descriptor, "rb", closefd=True)  # noqa: PTH123, SIM115 (a descriptor)
    except OSError as exc:
        os.close(descriptor)
        raise UnreadableDocument(f"cannot open: {exc.strerror or exc}") from exc
    try:
        with handle:
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise UnreadableDocument(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limits.max_file_bytes:
        raise _too_large(len(data), limits)
    return data
