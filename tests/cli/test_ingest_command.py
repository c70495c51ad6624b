"""`whereas ingest`: the corpus goes in, bad input is rejected with a reason, nothing is lost."""

from __future__ import annotations

import errno
import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from whereas.cli import app
from whereas.store import Store, schema

runner = CliRunner()


def _ingest(db: str, *paths: Path | str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", "--db", db, "--quiet", *map(str, paths)])
    return result.exit_code, result.stdout, result.stderr


def _count(db: str) -> int:
    store = Store.open(db)
    with store.session() as s:
        n = s.scalar(select(func.count()).select_from(schema.Document)) or 0
    store.close()
    return n


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def test_every_corpus_file_ingests_and_a_second_run_changes_nothing(corpus: Path, db: str) -> None:
    files = [p for p in corpus.rglob("*") if p.is_file()]
    code, out, err = _ingest(db, corpus)
    assert (code, err) == (0, "")
    assert f"{len(files)} files: {len(files)} added, 0 unchanged, 0 rejected" in out
    assert _count(db) == len(files)
    code, out, _ = _ingest(db, corpus)
    assert code == 0
    assert f"0 added, {len(files)} unchanged" in out
    assert _count(db) == len(files)


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    bad = {
        "empty": folder / "empty.html",
        "noise": folder / "noise.bin",
        "cut_pdf": folder / "cut.pdf",
        "zip_bomb": folder / "bomb.docx",
        "huge_html": folder / "huge.html",
    }
    bad["empty"].write_bytes(b"")
    bad["noise"].write_bytes(random.Random(7).randbytes(4096))
    bad["cut_pdf"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog")
    with zipfile.ZipFile(bad["zip_bomb"], "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(400):
                member.write(chunk)
    with bad["huge_html"].open("wb") as fh:
        fh.write(b"<html><body>")
        row = b"<p>" + b"x" * 1000 + b"</p>\n"
        for _ in range(50 * 1024):
            fh.write(row)
        fh.write(b"</body></html>")
    return bad


def test_a_folder_of_good_and_bad_files(corpus: Path, db: str, tmp_path: Path) -> None:
    bad = _bad_files(tmp_path / "mixed")
    good = [
        corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html",
        corpus / "press-and-news" / "pirati-cz-2022-01-20-kazakhstan-resolution.md",
    ]
    for path in good:
        shutil.copy(path, tmp_path / "mixed" / path.name)
    os.mkfifo(tmp_path / "mixed" / "pipe")
    (tmp_path / "mixed" / "dangling").symlink_to(tmp_path / "nowhere")
    code, _, err = _ingest(db, tmp_path / "mixed", tmp_path / "does-not-exist.xml")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == len(bad) + 3, err
    for path in [
        *bad.values(),
        tmp_path / "mixed" / "pipe",
        tmp_path / "mixed" / "dangling",
        tmp_path / "does-not-exist.xml",
    ]:
        assert sum(str(path) in line for line in lines) == 1, (path, err)
    assert all(line.startswith("whereas: rejected ") for line in lines)
    assert _count(db) == len(good)


def test_an_io_error_while_reading_rejects_that_file_only(
    corpus: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = corpus / "howtheyvote" / "press-release_20250204IPR26689.html"

    class FailingFile(io.FileIO):
        def read(self, size: int | None = -1) -> bytes:
            if Path(f"/proc/self/fd/{self.fileno()}").readlink() == broken.resolve():
                raise OSError(errno.EIO, "Input/output error")
            return super().read(size)

    def failing_open(fd: int, mode: str = "rb", closefd: bool = True) -> FailingFile:
        return FailingFile(fd, mode.replace("b", ""), closefd=closefd)

    # The reader opens files through the module's `open`: inject the fault there.
    monkeypatch.setattr("whereas.read.path.open", failing_open, raising=False)
    other = corpus / "howtheyvote" / "press-release_20190712IPR56948.html"
    code, _, err = _ingest(db, broken, other)
    assert code == 1
    assert f"rejected {broken}: " in err and "Input/output error" in err
    assert _count(db) == 1


def test_json_summary_and_usage_errors(corpus: Path, db: str) -> None:
    path = corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html"
    result = runner.invoke(app, ["ingest", "--db", db, "--json", str(path)])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["added"] == 1
    assert summary["files"][0]["kind"] == "joint_motion"
    assert summary["files"][0]["reference"] == "RC-B10-0249/2025"
    assert runner.invoke(app, ["ingest", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["ingest", "--db", "mysql://x/y", str(path)]).exit_code == 2


def test_json_has_every_file_with_its_fields(corpus: Path, db: str, tmp_path: Path) -> None:
    path = corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", "--db", db, "--json", str(path), str(path), str(empty)])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    files = summary.pop("files")
    assert summary == {"added": 1, "unchanged": 1, "rejected": 1}
    fields = {"path", "status", "reason", "id", "kind", "reference", "version", "warnings"}
    assert [set(entry) for entry in files] == [fields] * 3
    added, unchanged, rejected = files
    assert (added["path"], added["status"], added["reason"]) == (str(path), "added", None)
    assert (added["kind"], added["reference"], added["version"]) == (
        "joint_motion",
        "RC-B10-0249/2025",
        1,
    )
    assert isinstance(added["warnings"], list) and len(added["id"]) == 64
    assert unchanged == {
        **dict.fromkeys(fields, None),
        "path": str(path),
        "status": "unchanged",
        "id": added["id"],
        "warnings": [],
    }
    assert (rejected["path"], rejected["status"], rejected["id"]) == (str(empty), "rejected", None)
    assert rejected["reason"]
    nothing = runner.invoke(app, ["ingest", "--db", db, "--json", str(tmp_path / "none")])
    assert nothing.exit_code == 1 and len(json.loads(nothing.stdout)["files"]) == 1
    (tmp_path / "no-files").mkdir()
    no_files = runner.invoke(app, ["ingest", "--db", db, "--json", str(tmp_path / "no-files")])
    assert no_files.exit_code == 0
    assert json.loads(no_files.stdout) == {"files": [], "added": 0, "unchanged": 0, "rejected": 0}


def test_the_installed_command_uses_the_environment_database(corpus: Path, tmp_path: Path) -> None:
    env = {**os.environ, "WHEREAS_DATABASE_URL": f"sqlite:///{tmp_path / 'env.db'}"}
    path = corpus / "howtheyvote" / "odp-procedure_2025-2691.json"
    whereas = Path(sys.executable).parent / "whereas"
    done = subprocess.run(
        [str(whereas), "ingest", str(path)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.db").exists()
    stats = subprocess.run(
        [str(whereas), "stats", "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(stats.stdout)["documents"] == 1


def test_a_dataset_with_many_malformed_rows_shows_a_few_warnings(corpus: Path, db: str) -> None:
    path = corpus / "parlparse" / "text_tabled.csv"
    result = runner.invoke(app, ["ingest", "--db", db, str(path)])
    assert result.exit_code == 0
    lines = result.stderr.strip().splitlines()
    assert 2 <= len(lines) <= 6
    assert all(line.startswith(f"whereas: warning {path}: ") for line in lines)
    assert "more warnings, stored with the document" in lines[-1]
