"""The compiled parser runs only when built from exactly the sources, and reads as the pure one does."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dondoc import native
from dondoc.native import STAMP, decide, parser_modules, source_hashes
from dondoc.parse import NATIVE

REPO = Path(__file__).resolve().parents[3]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """A copy of the parser's sources with a fake build of them: a stamp and an extension per module."""
    for src in native.PARSE_DIR.glob("*.py"):
        shutil.copy(src, tmp_path / src.name)
    for m in [*parser_modules(tmp_path), "_native__mypyc"]:
        (tmp_path / f"{m}{SUFFIX}").write_bytes(b"")
    stamp = {"sources": source_hashes(tmp_path), "runtime": "_native__mypyc", "mypy": "x"}
    (tmp_path / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    return tmp_path


def test_a_build_of_exactly_these_sources_runs(build: Path) -> None:
    assert decide(build, environ={}).native


def test_a_source_changed_after_the_build_makes_the_parser_pure_python(build: Path) -> None:
    with (build / "owners.py").open("a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    status = decide(build, environ={})
    assert not status.native and "owners.py changed" in status.reason and "build_native" in status.reason


def test_a_new_source_the_build_does_not_know_makes_the_parser_pure_python(build: Path) -> None:
    (build / "extra.py").write_text("X = 1\n", encoding="utf-8")
    assert not decide(build, environ={}).native


def test_a_removed_source_makes_the_parser_pure_python(build: Path) -> None:
    (build / "scan.py").unlink()
    status = decide(build, environ={})
    assert not status.native and "scan.py" in status.reason


@pytest.mark.parametrize("gone", ["lines", "_native__mypyc"])
def test_a_missing_extension_module_makes_the_parser_pure_python(build: Path, gone: str) -> None:
    (build / f"{gone}{SUFFIX}").unlink()
    status = decide(build, environ={})
    assert not status.native and gone in status.reason


def test_no_stamp_or_a_broken_one_is_no_build(build: Path) -> None:
    (build / STAMP).write_text("{not json", encoding="utf-8")
    assert "unreadable" in decide(build, environ={}).reason
    (build / STAMP).unlink()
    assert "not compiled" in decide(build, environ={}).reason


def test_the_pure_parser_can_be_asked_for(build: Path) -> None:
    assert not decide(build, environ={"DONDOC_PURE_PYTHON": "1"}).native


def _run(code: str, pure: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DONDOC_PURE_PYTHON"}
    if pure:
        env["DONDOC_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_what_the_status_says_is_what_is_loaded() -> None:
    code = "import dondoc.parse as p, dondoc.native as n; print(p.NATIVE.native, n.loaded_natively())"
    assert _run(code, pure=True).split() == ["False", "False"]
    # the status now, not this process's from its import: setup's background build may have
    # finished since (a newcomer runs the tests at once), and then a new process loads the build
    status, loaded = _run(code, pure=False).split()
    assert status == loaded == str(decide().native)


_READ_ALL = """
import json, sys
from pathlib import Path
from dondoc.errors import DondocError
from dondoc.ingest import read_document
from dondoc.observances import load_catalog
from dondoc.directory import load_directory
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source, to_plain
catalog = load_catalog(Path("config/observances.yaml"))
directory = load_directory(Path("config/organizations.yaml"))
paths = sorted(p for p in Path("tests/fixtures/dispatches").iterdir() if not p.name.endswith(".yaml"))
paths += sorted(Path("../shared/dispatches").glob("*.txt")) + sorted(Path("config/demo").glob("*.txt"))
out = {}
for p in paths:
    for d in (None, directory):
        try:
            out[f"{p.name}:{d is not None}"] = to_plain(parse_dispatch(read_document(p).text, source=Source(name=p.name),
                                                                     observances=catalog, directory=d))
        except DondocError as e:
            out[f"{p.name}:{d is not None}"] = str(e)
print(json.dumps(out, sort_keys=True, default=str))
"""


@pytest.mark.skipif(not NATIVE.native, reason=f"the parser is not compiled here: {NATIVE.reason}")
def test_the_compiled_parser_reads_every_dispatch_as_the_pure_one() -> None:
    compiled, pure = json.loads(_run(_READ_ALL, pure=False)), json.loads(_run(_READ_ALL, pure=True))
    assert len(compiled) >= 80
    assert compiled == pure
