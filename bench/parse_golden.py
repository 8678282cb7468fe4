"""Golden check for the parser: the same documents must parse to the same task sets.

Run:
    python bench/parse_golden.py record /tmp/parse_golden.json    # before changing the parser
    python bench/parse_golden.py compare /tmp/parse_golden.json   # after: prints every difference

Documents: every fixture in tests/fixtures/dispatches/, the texts in ../shared/dispatches/*.txt,
the demo dispatch config/demo/*.txt, and SYNTHETIC deterministic recombinations of their lines
(fixed seed), each parsed without a directory and with config/organizations.yaml. Each result is
`dondoc.taskset.to_plain` of the task set, or the NothingToTrackError message. Not a test: it
asserts on nothing but sameness, and never on time. Parses in a few worker processes (-j N).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SYNTHETIC = 2000
SEED = 20261122


def documents() -> list[tuple[str, str]]:
    """(name, text) of every document to parse, in a fixed order."""
    from dondoc.ingest import read_document

    paths = sorted(p for p in (REPO / "tests" / "fixtures" / "dispatches").iterdir()
                   if p.is_file() and not p.name.endswith(".expected.yaml"))
    shared = REPO / ".." / "shared" / "dispatches"
    if shared.is_dir():
        paths += sorted(shared.glob("*.txt"))
    paths += sorted((REPO / "config" / "demo").glob("*.txt"))
    real = [(p.name, read_document(p).text) for p in paths]
    rng = random.Random(SEED)
    bodies = [text.split("\n") for _, text in real]
    out = list(real)
    for k in range(SYNTHETIC):
        kind = k % 4
        a = rng.randrange(len(bodies))
        lines = bodies[a]
        if kind == 0:  # a slice of one document
            i = rng.randrange(len(lines))
            j = rng.randrange(i, len(lines) + 1)
            new = lines[i:j]
        elif kind == 1:  # one document's head, then slices of others
            new = lines[: rng.randrange(1, min(len(lines), 30) + 1)]
            for _ in range(rng.randrange(1, 4)):
                other = bodies[rng.randrange(len(bodies))]
                i = rng.randrange(len(other))
                new += other[i : i + rng.randrange(1, 40)]
        elif kind == 2:  # a document with lines dropped at random
            p = rng.random() * 0.5
            new = [ln for ln in lines if rng.random() >= p]
        else:  # a document with some of its lines shuffled among themselves
            new = list(lines)
            for _ in range(rng.randrange(1, 6)):
                i, j = rng.randrange(len(new)), rng.randrange(len(new))
                new[i], new[j] = new[j], new[i]
        out.append((f"synthetic-{k:04d}", "\n".join(new)))
    return out


_STATE: dict[str, Any] = {}


class _CheckedFolds(dict):  # type: ignore[type-arg]
    """Folds the parser works out from other folds (normalize.known_fold), checked as they come."""

    def __setitem__(self, text: str, folded: str) -> None:
        from dondoc.parse import normalize

        if folded != text.translate(normalize._FOLD_LIST):
            raise AssertionError(f"known_fold got a wrong fold for {text[:60]!r}")
        super().__setitem__(text, folded)


def _init() -> None:
    from dondoc.directory import load_directory
    from dondoc.observances import load_catalog
    from dondoc.parse import normalize

    if hasattr(normalize, "_KNOWN_FOLDS"):
        normalize._KNOWN_FOLDS = _CheckedFolds()

    _STATE["catalog"] = load_catalog(REPO / "config" / "observances.yaml")
    _STATE["directory"] = load_directory(REPO / "config" / "organizations.yaml")


def _parse(job: tuple[str, str]) -> list[tuple[str, Any]]:
    from dondoc.errors import NothingToTrackError
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source, to_plain

    name, text = job
    out = []
    for tag, directory in (("no-dir", None), ("dir", _STATE["directory"])):
        try:
            ts = parse_dispatch(text, source=Source(name=name), observances=_STATE["catalog"], directory=directory)
            got: Any = to_plain(ts)
        except NothingToTrackError as e:
            got = {"NothingToTrackError": str(e)}
        except Exception as e:  # noqa: BLE001 - a crash is a result to compare too
            got = {"exception": f"{type(e).__name__}: {e}"}
        out.append((f"{name} [{tag}]", got))
    return out


def run(jobs: int) -> dict[str, Any]:
    docs = documents()
    if jobs <= 1:
        _init()
        results = map(_parse, docs)
        return {k: v for pair in results for k, v in pair}
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init) as pool:
        return {k: v for pair in pool.imap(_parse, docs, chunksize=16) for k, v in pair}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("file", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=4)
    args = ap.parse_args()
    got = run(args.jobs)
    if args.mode == "record":
        args.file.write_text(json.dumps(got, ensure_ascii=False, sort_keys=True, default=str), encoding="utf-8")
        print(f"recorded {len(got)} parses ({len(got) // 2} documents x 2 directory settings) to {args.file}")
        return 0
    want = json.loads(args.file.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(got, ensure_ascii=False, sort_keys=True, default=str))
    diffs = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
    for k in diffs[:20]:
        print(f"DIFFERENT: {k}")
        print(f"  want: {json.dumps(want.get(k), ensure_ascii=False)[:600]}")
        print(f"  got:  {json.dumps(got.get(k), ensure_ascii=False)[:600]}")
    print(f"{len(got)} parses compared ({len(got) // 2} documents x 2 directory settings): "
          f"{'IDENTICAL' if not diffs else f'{len(diffs)} DIFFERENT'}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
