"""How the time to read a dispatch grows with its size: 10 KB, 100 KB and 1 MB of each shape.

Run: python bench/parse_large.py [--sizes 10,100,1000] [--shape NAME]... [--real DIR]
The shapes (bench/shapes.py) are those that once made the reading grow faster than the text (a
cadence word repeated on one long line, a long list of owners, thousands of numbered items, tables
one after another, ...), and real dispatches one after another (../shared/dispatches, or DIR).
Each line gives the seconds of one reading (the best of a few: other work on the machine only ever
slows one down), the microseconds per KB and the tasks read; a time that grows with the size, not
faster, shows as a µs/KB that stays level from 10 KB to 1 MB.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import SHAPES, real_text  # noqa: E402

from dondoc.errors import NothingToTrackError  # noqa: E402
from dondoc.observances import load_catalog  # noqa: E402
from dondoc.parse import NATIVE, parse_dispatch  # noqa: E402
from dondoc.taskset import Source  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def read_once(text: str, catalog: object) -> tuple[float, str]:
    """Seconds (process time) of one reading, and what it read."""
    start = time.process_time()
    try:
        ts = parse_dispatch(text, source=Source(name="bench"), observances=catalog)  # type: ignore[arg-type]
        got = f"{len(ts.tasks)} tasks"
    except NothingToTrackError:
        got = "refused: nothing to track"
    return time.process_time() - start, got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    ap.add_argument("--real", type=Path, help="a folder of real dispatches (*.txt) to read one after another")
    ap.add_argument("--rounds", type=int, default=3, help="readings of each text; the best is shown")
    args = ap.parse_args()
    catalog = load_catalog(REPO / "config" / "observances.yaml")
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    parse_dispatch(SHAPES["numbered items"](2000), source=Source(name="warm up"), observances=catalog)
    print(f"parser {NATIVE.describe()}; process time, best of {args.rounds}")
    print(f"{'shape':34} {'size':>9} {'seconds':>8} {'µs/KB':>7}  read")
    makers = {name: SHAPES[name] for name in (args.shape or SHAPES)}
    if not args.shape:
        makers["real dispatches one after another"] = lambda n: real_text(n, args.real)[0]
    for name, make in makers.items():
        for size in sizes:
            text = make(size)
            kb = len(text.encode("utf-8")) / 1000
            best, got = min(read_once(text, catalog) for _ in range(max(1, args.rounds if size < 1_000_000 else 1)))
            print(f"{name:34} {kb:>6.0f} KB {best:>8.3f} {best * 1e6 / kb:>7.0f}  {got}", flush=True)
    print("command: python bench/parse_large.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
