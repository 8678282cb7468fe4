"""Dispatches parsed per second on one core, for a ~10 KB dispatch.

Run: python bench/parse.py [FILE]   (default: the largest shared dispatch, else a fixture, padded to ~10 KB)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dondoc.ingest import read_document
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[1]


def sample() -> str:
    if len(sys.argv) > 1:
        return read_document(Path(sys.argv[1])).text
    shared = REPO / ".." / "shared" / "dispatches" / "001_35ef319da2618b6e.txt"
    path = shared if shared.exists() else REPO / "tests" / "fixtures" / "dispatches" / "01_kehoach_roman_letters.md"
    text = read_document(path).text
    while len(text.encode("utf-8")) < 10_000:  # pad with numbered items to ~10 KB
        text += "\n" + "\n".join(f"{k}. Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra trước ngày 15/9/2025." for k in range(20, 30))
    return text


def main() -> None:
    text = sample()
    catalog = load_catalog(REPO / "config" / "observances.yaml")
    source = Source(name="bench")
    parse_dispatch(text, source=source, observances=catalog)  # warm up
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < 3.0:
        parse_dispatch(text, source=source, observances=catalog)
        n += 1
    elapsed = time.perf_counter() - start
    print(f"{n / elapsed:.0f} dispatches/s ({len(text.encode('utf-8')) / 1024:.1f} KB each, {n} runs, one core)")


if __name__ == "__main__":
    main()
