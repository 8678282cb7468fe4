"""`dondoc ingest X -o FILE` writes through what is not a regular file and never replaces it; a
regular file is replaced atomically."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

from tests.conftest import REPO, run

DEMO = REPO / "config" / "demo" / "cv-18-ubnd-nc-2025.txt"


def test_dev_null_is_written_to_and_stays_a_character_device(cli) -> None:  # type: ignore[no-untyped-def]
    before = os.stat("/dev/null")
    code, _, err = run(cli, "ingest", str(DEMO), "-o", "/dev/null")
    assert code == 0, err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_is_written_through_to_its_reader(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(cli, "ingest", str(DEMO), "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 0, err
    assert got and got[0].startswith(b"version: 1") and b"18/UBND-NC" in got[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_is_followed_and_kept(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "real" / "cv.yaml"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "cv.yaml"
    link.symlink_to(target)
    code, _, err = run(cli, "ingest", str(DEMO), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("version: 1")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["cv.yaml"]  # no temporary file left


def test_dev_stdout_is_written_in_place(tmp_path: Path) -> None:
    dondoc = Path(sys.executable).with_name("dondoc")
    out = subprocess.run([str(dondoc), "ingest", str(DEMO), "-o", "/dev/stdout"], capture_output=True, timeout=120,
                         env={**os.environ, "DONDOC_CONFIG_DIR": str(REPO / "config")})
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.startswith(b"version: 1")


def test_a_regular_file_is_replaced_whole(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cv.yaml"
    path.write_text("x" * 100_000, encoding="utf-8")
    code, _, err = run(cli, "ingest", str(DEMO), "-o", str(path))
    assert code == 0, err
    text = path.read_text(encoding="utf-8")
    assert text.startswith("version: 1") and "x" * 100 not in text


def test_a_folder_given_as_output_is_one_clear_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(cli, "ingest", str(DEMO), "-o", str(tmp_path))
    assert code != 0 and "là một thư mục" in err and "Traceback" not in err
