"""Whether the parser runs compiled (mypyc) or as pure Python, and keeping a stale build from running.

`scripts/build_native.py` compiles the modules of `dondoc/parse/` with mypyc into extension modules
beside their sources, and writes `dondoc/parse/_native.json`: the SHA-256 of each source it compiled.
Python would import an extension module before its source, so a build older than the sources would
run code that is no longer there. `use_native()` (called when `dondoc.parse` is imported) checks
the stamp against the sources on disk and, when anything differs, a source was added, the build is
for another interpreter, or DONDOC_PURE_PYTHON is set, makes every parser module load from its
source instead. Both forms read every text the same; tests/unit/parse/test_native.py holds them to it.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PARSE_DIR = Path(__file__).resolve().parent / "parse"
STAMP = "_native.json"
PACKAGE = "dondoc.parse"


@dataclass(frozen=True)
class NativeStatus:
    native: bool
    reason: str  # why not, or what runs

    def describe(self) -> str:
        return f"compiled with mypyc ({self.reason})" if self.native else f"pure Python ({self.reason})"


def parser_modules(directory: Path = PARSE_DIR) -> list[str]:
    """The modules of the parser package that the build compiles (all but __init__)."""
    return sorted(p.stem for p in directory.glob("*.py") if p.stem != "__init__")


def source_hashes(directory: Path = PARSE_DIR) -> dict[str, str]:
    return {m: hashlib.sha256((directory / f"{m}.py").read_bytes()).hexdigest() for m in parser_modules(directory)}


def _extension(directory: Path, module: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = directory / f"{module}{suffix}"
        if path.exists():
            return path
    return None


def decide(directory: Path = PARSE_DIR, environ: Mapping[str, str] | None = None) -> NativeStatus:
    """Whether the compiled parser may run: a build for this interpreter, of exactly these sources."""
    env = os.environ if environ is None else environ
    if env.get("DONDOC_PURE_PYTHON"):
        return NativeStatus(False, "DONDOC_PURE_PYTHON is set")
    stamp_path = directory / STAMP
    if not stamp_path.exists():
        return NativeStatus(False, "not compiled: run scripts/build_native.py")
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        built: dict[str, str] = stamp["sources"]
    except (ValueError, KeyError, TypeError):
        return NativeStatus(False, f"{stamp_path.name} is unreadable: run scripts/build_native.py")
    now = source_hashes(directory)
    changed = sorted(m for m in now if built.get(m) != now[m])
    if changed:
        return NativeStatus(False, f"dondoc/parse/{changed[0]}.py changed since the build: run scripts/build_native.py")
    gone = sorted(set(built) - set(now))
    if gone:
        return NativeStatus(False, f"dondoc/parse/{gone[0]}.py was compiled but is gone: run scripts/build_native.py")
    missing = [m for m in [*now, stamp.get("runtime", "")] if m and _extension(directory, m) is None]
    if missing:
        return NativeStatus(False, f"no extension module for {missing[0]} built for this Python: run scripts/build_native.py")
    return NativeStatus(True, f"{len(now)} modules, mypy {stamp.get('mypy', '?')}")


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the parser's modules from their sources, never from an extension module beside them."""

    def __init__(self, modules: list[str], directory: Path) -> None:
        self.names = {f"{PACKAGE}.{m}": directory / f"{m}.py" for m in modules}

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        source = self.names.get(fullname)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


_STATUS: NativeStatus | None = None


def use_native() -> NativeStatus:
    """Decide once per process; when the compiled parser may not run, load the sources instead."""
    global _STATUS
    if _STATUS is None:
        _STATUS = decide()
        if not _STATUS.native:
            sys.meta_path.insert(0, _SourceFirst(parser_modules(), PARSE_DIR))
    return _STATUS


def loaded_natively() -> bool:
    """Whether the parser's modules in this process are extension modules (what really runs)."""
    import dondoc.parse.owners as owners

    return not str(owners.__file__).endswith(".py")
