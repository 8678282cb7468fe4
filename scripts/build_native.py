"""Compile the parser (dondoc/parse/*.py) with mypyc, beside its sources, for about 35 % more speed.

Run: .venv/bin/python scripts/build_native.py [--clean] [--strict] [--force]
(scripts/setup.sh starts it in the background.) One build at a time: a second run waits for the
first (a lock on var/build-native.lock), then finds the build done. Writes the extension modules into dondoc/parse/ and the stamp
dondoc/parse/_native.json with the SHA-256 of every source compiled; dondoc/native.py runs the
compiled modules only while the sources are exactly those. When the build cannot be made (no C
compiler, no mypy) the parser stays pure Python and this says why: nothing is half built, and the
exit status is 0 unless --strict. A build that matches the sources already is kept unless --force;
--clean removes what a build left.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dondoc.native import PARSE_DIR, STAMP, decide, parser_modules, source_hashes  # noqa: E402

GROUP = "dondoc.parse._native"
RUNTIME = "_native__mypyc"  # the shared runtime library mypyc makes for the group

SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
setup(name="dondoc-native",
      ext_modules=mypycify(sys.argv[1:], group_name={group!r}, opt_level="3", target_dir={temp!r} + "/c"),
      script_args=["build_ext", "--inplace", "--build-temp", {temp!r} + "/o", "--build-lib", {temp!r} + "/lib"])
"""


def built_files() -> list[Path]:
    return [p for p in PARSE_DIR.iterdir() if p.suffix in (".so", ".pyd") or p.name == STAMP]


def clean() -> int:
    for p in built_files():
        p.unlink()
    return len(built_files())


def build(strict: bool, force: bool) -> int:
    if not force and decide(environ={}).native:
        print("parser already compiled from these sources (--force to build again)")
        return 0
    clean()
    try:
        import mypy.version  # noqa: F401  (mypyc comes with mypy)
    except ImportError:
        return _give_up("mypy (which brings mypyc) is not installed", strict)
    modules = parser_modules()
    hashes = source_hashes()
    sources = [f"dondoc/parse/{m}.py" for m in modules]
    with tempfile.TemporaryDirectory(prefix="dondoc-native-") as temp:
        script = Path(temp) / "setup_native.py"
        script.write_text(SETUP.format(group=GROUP, temp=str(Path(temp) / "build")), encoding="utf-8")
        done = subprocess.run([sys.executable, str(script), *sources], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        clean()
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-12:])
        return _give_up(f"mypyc failed:\n{tail}", strict)
    if source_hashes() != hashes:
        clean()
        return _give_up("a source changed while it was being compiled; run this again", strict)
    import mypy.version

    stamp = {"sources": hashes, "runtime": RUNTIME, "mypy": mypy.version.__version__, "python": sys.version.split()[0]}
    (PARSE_DIR / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"parser compiled with mypyc {mypy.version.__version__}: {len(modules)} modules in dondoc/parse/")
    return 0


def _give_up(why: str, strict: bool) -> int:
    print(f"parser stays pure Python (it reads the same, more slowly): {why}", file=sys.stderr)
    return 1 if strict else 0


@contextmanager
def one_build_at_a_time() -> Iterator[None]:
    """Hold var/build-native.lock: setup's background build and a build on demand never overlap."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    lock_path = REPO / "var" / "build-native.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for the parser build already running (var/log/build-native.log)", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def main() -> int:
    args = sys.argv[1:]
    with one_build_at_a_time():
        if "--clean" in args:
            clean()
            print("removed the compiled parser; it runs as pure Python")
            return 0
        return build(strict="--strict" in args, force="--force" in args)


if __name__ == "__main__":
    sys.exit(main())
