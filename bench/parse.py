"""Dispatches parsed per second on one core, for a ~10 KB dispatch.

Run: python bench/parse.py [FILE]
(default: the largest shared dispatch, ../shared/dispatches/001_*.txt, 12 KB; without it a fixture
padded with numbered items to ~10 KB). Prints the best of several rounds, since other processes on
the machine only ever slow a round down, and the median beside it; and the best rate per second of
the thread's CPU time, which a busy machine disturbs less (though its shared caches still slow a
reading). The parser runs compiled with mypyc when scripts/build_native.py has built it from the
current sources (scripts/setup.sh does), else as pure Python; the first line says which. When it runs compiled, a second line measures the
pure-Python parser on the same text (a subprocess with DONDOC_PURE_PYTHON=1).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dondoc.ingest import read_document
from dondoc.observances import load_catalog
from dondoc.parse import NATIVE, parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 7
ROUND_SECONDS = 0.5


def sample() -> tuple[str, str]:
    """The text to parse and where it comes from."""
    if len(sys.argv) > 1:
        return read_document(Path(sys.argv[1])).text, sys.argv[1]
    shared = REPO / ".." / "shared" / "dispatches" / "001_35ef319da2618b6e.txt"
    if shared.exists():
        return read_document(shared).text, "../shared/dispatches/001_35ef319da2618b6e.txt"
    path = REPO / "tests" / "fixtures" / "dispatches" / "01_kehoach_roman_letters.md"
    lines = read_document(path).text.split("\n")
    # pad with a section of numbered items after the fixture's own (I.-III.), so they are read as items
    lines.append("IV. NHIỆM VỤ KHÁC")
    k = 1
    while len("\n".join(lines).encode("utf-8")) < 10_000:
        lines.append(f"{k}. Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra trước ngày 15/9/2025.")
        k += 1
    return "\n".join(lines), f"{path.relative_to(REPO)} padded to ~10 KB"


def main() -> None:
    text, origin = sample()
    catalog = load_catalog(REPO / "config" / "observances.yaml")
    source = Source(name="bench")
    parse_dispatch(text, source=source, observances=catalog)  # warm up (imports, compiled patterns)
    rates, cpu_rates = [], []
    for _ in range(ROUNDS):
        n, start, cpu = 0, time.perf_counter(), time.thread_time()
        while time.perf_counter() - start < ROUND_SECONDS:
            parse_dispatch(text, source=source, observances=catalog)
            n += 1
        rates.append(n / (time.perf_counter() - start))
        cpu_rates.append(n / max(time.thread_time() - cpu, 1e-9))
    size = len(text.encode("utf-8")) / 1024
    print(f"{max(rates):.0f} dispatches/s (best of {ROUNDS} rounds of {ROUND_SECONDS}s; median {statistics.median(rates):.0f}/s; "
          f"{max(cpu_rates):.0f}/s of CPU time), {size:.1f} KB each ({origin}), one core, parser {NATIVE.describe()}")
    # the target is stated per dispatch of 10 KB: the same rate in kilobytes, and in 10 KB dispatches of this
    # text's density (a reading's cost grows with its text; denser texts, more items per KB, cost more)
    print(f"  = {max(rates) * size:.0f} KB/s, {max(rates) * size / 10:.0f} dispatches of 10 KB/s at this text's density")
    if NATIVE.native:
        pure = subprocess.run([sys.executable, __file__, *sys.argv[1:]], env={**os.environ, "DONDOC_PURE_PYTHON": "1"},
                              capture_output=True, text=True, check=True)
        print("\n".join(pure.stdout.splitlines()[:2]))
    print(f"command: python bench/parse.py{' ' + sys.argv[1] if len(sys.argv) > 1 else ''}")


if __name__ == "__main__":
    main()
