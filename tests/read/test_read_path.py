"""read_path: only regular files are read, with a reason for everything else."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Any

import pytest

import whereas.read.path
from whereas.config import Limits
from whereas.errors import DocumentTooLarge, UnreadableDocument
from whereas.read import read_path


def test_regular_file_gives_its_bytes_and_document(tmp_path: Path) -> None:
    path = tmp_path / "motion.txt"
    path.write_bytes(b"B9-0065/2022\nwhereas the situation worsened\n")
    data, document = read_path(path)
    assert data == path.read_bytes()
    assert document.format == "text"
    assert [block.text for block in document.blocks] == [
        "B9-0065/2022",
        "whereas the situation worsened",
    ]


def test_nonexistent_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no such file"):
        read_path(tmp_path / "missing.html")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="a directory"):
        read_path(tmp_path)


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.xml"
    link.symlink_to(tmp_path / "gone.xml")
    with pytest.raises(UnreadableDocument, match="dangling symbolic link"):
        read_path(link)


@pytest.mark.timeout(5)
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="FIFO"):
        read_path(fifo)
    assert time.monotonic() - started < 1


def test_device_is_refused() -> None:
    with pytest.raises(UnreadableDocument, match="character device"):
        read_path(Path("/dev/zero"))


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"whereas " * 1000)
    with pytest.raises(DocumentTooLarge, match="over the limit of 100 bytes"):
        read_path(path, limits=Limits(max_file_bytes=100))


class _FailingFile:
    """A file object whose read fails as a dying disk would."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self._descriptor)

    def read(self, size: int = -1) -> bytes:
        raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_io_error_during_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "motion.html"
    path.write_bytes(b"<html><body><p>whereas</p></body></html>")

    def failing_open(descriptor: int, *args: Any, **kwargs: Any) -> _FailingFile:
        return _FailingFile(descriptor)

    monkeypatch.setattr(whereas.read.path, "open", failing_open, raising=False)
    with pytest.raises(UnreadableDocument, match="Input/output error"):
        read_path(path)


def test_unreadable_permissions(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"whereas")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions are not enforced")
    with pytest.raises(UnreadableDocument, match="Permission denied"):
        read_path(path)
