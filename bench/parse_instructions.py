"""Instructions one reading of a dispatch costs, counted by valgrind: a figure a busy machine does not move.

Run: python bench/parse_instructions.py [FILE]
(default: the largest shared dispatch, ../shared/dispatches/001_*.txt, as bench/parse.py reads). Runs
`valgrind --tool=cachegrind --cache-sim=no` over this same script reading the text once and then five
times, with PYTHONHASHSEED=0, and prints the difference divided by four: imports and the first
reading's one-off work (patterns compiled, tables built) do not count. The parser runs compiled when
scripts/build_native.py has built it from the current sources, else as pure Python; set
DONDOC_PURE_PYTHON=1 to count the pure-Python parser. Counts vary by a few tenths of a million from
run to run (addresses differ); wall-clock and CPU time on a shared machine vary by far more.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "dispatches" / "001_35ef319da2618b6e.txt"


def read(path: Path, times: int) -> None:
    """Read the dispatch `times` times (what valgrind counts)."""
    from dondoc.ingest import read_document
    from dondoc.observances import load_catalog
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source

    text = read_document(path).text
    catalog = load_catalog(REPO / "config" / "observances.yaml")
    for _ in range(times):
        parse_dispatch(text, source=Source(name="bench"), observances=catalog)


def count(path: Path, times: int) -> int:
    """Instructions valgrind counts for the whole process reading the text `times` times."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cachegrind.out"
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                        sys.executable, __file__, "--read", str(path), str(times)],
                       env={**os.environ, "PYTHONHASHSEED": "0"}, check=True, capture_output=True)
        m = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
        if m is None:
            raise SystemExit("valgrind wrote no summary")
        return int(m.group(1))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--read":
        read(Path(sys.argv[2]), int(sys.argv[3]))
        return
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED
    if not path.exists():
        raise SystemExit(f"{path}: no such file (give a dispatch to read)")
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    from dondoc.parse import NATIVE

    per_reading = (count(path, 5) - count(path, 1)) / 4
    size = len(path.read_bytes()) / 1024
    print(f"{per_reading / 1e6:.1f} M instructions per reading of {path.name} ({size:.1f} KB), "
          f"parser {NATIVE.describe()}")
    print(f"command: python bench/parse_instructions.py{' ' + sys.argv[1] if len(sys.argv) > 1 else ''}")


if __name__ == "__main__":
    main()
