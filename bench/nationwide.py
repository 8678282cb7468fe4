"""The nation-wide benchmark: a synthetic Vietnam of 34 provinces and 3,321 communes, 50 tasks.

    python bench/nationwide.py --occurrences 10000,100000,1000000 [--db sqlite|postgres] [--workers 1,2]
                               [--profile DIR] [--keep] [--load-path cli|batch]

For each size it picks how much of the nation takes part (whole provinces in the order of
bench/vietnam.py, then communes of the last one) so that the predicted number of open
occurrences reaches the size, writes the directory and the task sets as files, and runs, each
step in a fresh child process:

- load: the directory files (one per province: a file may hold at most 5,000 organisations) through
  `dondoc orgs import`'s path, then every task-set file through `dondoc load`'s path (load_s; the
  schema upgrade is not counted). That path reads the whole
  stored directory again for every file, which at 30,000 organisations costs more than all the
  rest: `--load-path batch` reads it once for all the files (printed as load_path=batch);
- the first sweep on Friday 12/6/2026 (materialise everything, then the history: what was due
  before was reported, except by the laggard communes), then plan (first_sweep_s);
- the quiet day, Saturday 13/6: materialise + plan, no delivery (quiet_sweep_s);
- Sunday 14/6 (not timed), then the busy day, Monday 15/6, the national 6-month deadline:
  materialise, then plan (busy_plan_s is the plan step alone).

peak_mb is the highest peak RSS of a process doing the quiet or the busy sweep. On a PostgreSQL
cluster on this machine, quiet_server_cpu_s and busy_server_cpu_s are the server's CPU during the quiet
day and the busy day (its materialise and plan steps: the cluster's processes, read from /proc), which
the sweeping process's CPU (busy_plan_cpu_s) leaves out. --db postgres
makes a database per size in the cluster of DONDOC_BENCH_POSTGRES_URL, or starts a throwaway
one with .ci/pg.sh (fsync off) and stops it at the end.

--workers N (N > 1) runs N processes at once for the quiet and the busy day, as N workers of the
distributed mode: the provinces (dondoc.app.shards) are taken one at a time from a shared queue,
each process materialises those it takes, all wait for each other, then each plans those it takes
(the whole sweep's two steps, shard by shard). One worker runs the whole sweep unsharded, as the
embedded and served modes do. The line reports the wall time from the first start to the last end,
the speed-up over one worker, and whether the notices planned add up to the single worker's
(exactly once). Each N starts from the same state (a copy
of the database taken after the first sweep). --profile DIR writes a cProfile of the quiet sweep
(one worker) and one of the busy day's plan step (busy-*.prof) to DIR, in CPU time, and prints their
top functions; profiling slows those steps, so a profiled run's figures are not the ones to report.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import nationwide_steps as steps  # noqa: E402
from nationwide_db import Database, start_postgres  # noqa: E402
from nationwide_report import line, make_row, print_profile, say, split, table, wall  # noqa: E402
import vietnam  # noqa: E402
import vietnam_tasks as vt  # noqa: E402

def _run(q: Any, fn: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    started = time.time()
    try:
        q.put(("ok", getattr(steps, fn)(*args, **kwargs)))
    except BaseException as exc:  # the parent reports it
        cause = exc.__context__  # dondoc's guards raise `from None`: the database's own words are here
        q.put(("error", {"traceback": traceback.format_exc(), "after_s": time.time() - started,
                         "error": f"{exc}" + (f" (from {cause.__class__.__name__}: {str(cause).splitlines()[0]})"
                                              if cause else "")}))


def in_children(fn: str, *args: Any, workers: int = 1, **kwargs: Any) -> list[dict[str, Any]]:
    """Run steps.<fn> in `workers` fresh processes at once (spawned: nothing inherited) and collect their results."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    if workers > 1:
        kwargs = {**kwargs, "barrier": ctx.Barrier(workers)}
        if fn == "sweep":  # the provinces, taken from a shared queue as workers take runs from a pool
            kwargs["counters"] = (ctx.Value("i", 0), ctx.Value("i", 0))
    procs = [ctx.Process(target=_run, args=(q, fn, args, kwargs)) for _ in range(workers)]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    failed = [value for status, value in results if status == "error"]
    if failed and (workers == 1 or len(failed) == workers):
        raise SystemExit(f"a child process failed in {fn}:\n{failed[0]['traceback']}")
    # with several workers, one that fails is a result (reported as worker_errors), not the end of the run
    return [value for _, value in results]


# ---------------------------------------------------------------- one size


def choose_scale(target: int) -> tuple[vietnam.Scale, int]:
    """The smallest part of the nation (whole provinces in order, then communes) predicted to reach `target`."""
    from dondoc.app.steps import catalog, work_calendar

    settings = steps._settings("sqlite://")
    cal, cat = work_calendar(settings), catalog(settings)

    def predict(scale: vietnam.Scale) -> int:
        return vt.expected_open(scale, cal=cal, catalog=cat, horizon_days=settings.horizon_days)

    for n in range(1, len(vietnam.PROVINCES) + 1):
        whole = vietnam.Scale(provinces=n)
        if predict(whole) >= target or n == len(vietnam.PROVINCES):
            break
    if predict(whole) <= target * 1.02:  # the last province whole when that is within 2 % (1M: the whole nation)
        return whole, predict(whole)
    lo, hi = 0, len(vietnam.provinces(whole)[-1].communes)
    while lo < hi:  # fewest communes of the last province that reach the target
        mid = (lo + hi) // 2
        if predict(vietnam.Scale(provinces=n, communes=mid)) >= target:
            hi = mid
        else:
            lo = mid + 1
    scale = vietnam.Scale(provinces=n, communes=None if lo == len(vietnam.provinces(whole)[-1].communes) else lo)
    return scale, predict(scale)


def write_files(scale: vietnam.Scale, folder: Path) -> tuple[list[Path], list[Path]]:
    """The directory (one file per province) and the task sets, as the YAML files an admin would import and load."""
    import yaml

    def dump(path: Path, data: dict[str, Any]) -> Path:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    provinces = vietnam.provinces(scale)
    directory = [dump(folder / f"organizations-{p.index + 1:02d}-{p.slug}.yaml", data)
                 for p, data in zip(provinces, vietnam.directory_files(scale))]
    tasksets = [dump(folder / f"taskset-{i:03d}.yaml", ts)
                for i, ts in enumerate(vt.tasksets(scale, vietnam.directory_data(scale)))]
    return directory, tasksets


def run_size(target: int, *, db_kind: str, pg_base: str | None, workers: list[int], profile: Path | None,
             keep: bool, batch_load: bool = False) -> list[dict[str, Any]]:
    scale, predicted = choose_scale(target)
    folder = Path(tempfile.mkdtemp(prefix=f"dondoc-nationwide-{target}-"))
    t0 = time.perf_counter()
    directory_files, taskset_files = write_files(scale, folder)
    gen_s = time.perf_counter() - t0
    shape = vietnam.counts(scale)
    db = Database(db_kind, folder, f"nationwide_{target}_{os.getpid()}", pg_base)
    say(f"{target}: {scale}, {shape['organizations']:,} organisations, {predicted:,} open occurrences predicted, "
        f"{len(taskset_files)} task sets written in {gen_s:.1f} s")
    try:
        loaded = in_children("load", db.url, [str(f) for f in directory_files], [str(f) for f in taskset_files],
                             batch_load)[0]
        say(f"{target}: loaded in {loaded['load_s']:.1f} s (directory: validated in {loaded['validate_s']:.1f} s, "
            f"imported in {loaded['import_s']:.1f} s; task sets {loaded['tasksets_s']:.1f} s)")
        laggards = vt.laggard_codes(scale)
        first = in_children("sweep", db.url, vt.FIRST_SWEEP.isoformat(), history_before=vt.FIRST_SWEEP.isoformat(),
                            laggards=laggards)[0]
        say(f"{target}: first sweep: materialised {first['created']:,} in {first['materialise_end'] - first['start']:.1f} s, "
            f"planned {first['notices']:,} notices in {first['end'] - first['plan_start']:.1f} s")
        if len(workers) > 1:
            db.snapshot()
        rows = []
        for i, w in enumerate(workers):
            if i:
                db.restore()
            prof = str(profile / f"quiet-{target}-{db_kind}.prof") if profile and w == 1 else None
            server0 = db.server_cpu()
            quiet, quiet_errors = split(target, "quiet day",
                                         in_children("sweep", db.url, vt.QUIET_DAY.isoformat(), workers=w, profile=prof))
            server1 = db.server_cpu()
            say(f"{target}: quiet day, {w} worker(s): {wall(quiet):.1f} s, {sum(r['notices'] for r in quiet):,} notices")
            counted: dict[str, float] = dict(steps.count_open(db.url))
            counted["loadavg"] = os.getloadavg()[0]  # the machine's 1-minute load just after the quiet day
            eve = in_children("sweep", db.url, vt.BUSY_EVE.isoformat())[0]
            say(f"{target}: the eve (not timed): {eve['end'] - eve['start']:.1f} s, {eve['notices']:,} notices")
            busy_prof = str(profile / f"busy-{target}-{db_kind}.prof") if profile and w == 1 else None
            server2 = db.server_cpu()
            busy, busy_errors = split(target, "busy day", in_children("sweep", db.url, vt.BUSY_DAY.isoformat(), workers=w,
                                                                      profile=busy_prof, profile_step="plan"))
            server3 = db.server_cpu()
            counted["open_end"] = steps.count_open(db.url)["open"]
            say(f"{target}: busy day, {w} worker(s): plan {wall(busy, 'plan_start'):.1f} s, "
                f"{sum(r['notices'] for r in busy):,} notices")
            rows.append(make_row(target, w, scale, shape, predicted, gen_s, loaded, first, quiet, busy, counted, db_kind,
                                  len(taskset_files)))
            rows[-1]["load_path"] = "batch" if batch_load else "cli"
            if None not in (server0, server1, server2, server3):  # PostgreSQL on this machine: the server's CPU too
                rows[-1]["quiet_server_cpu_s"] = round(server1 - server0, 2)  # type: ignore[operator]
                rows[-1]["busy_server_cpu_s"] = round(server3 - server2, 2)  # type: ignore[operator]
            if quiet_errors or busy_errors:
                rows[-1]["worker_errors"] = len(quiet_errors) + len(busy_errors)
                rows[-1]["worker_failed_after_s"] = round(max(e["after_s"] for e in quiet_errors + busy_errors), 1)
            if prof:
                print_profile(prof, "the quiet sweep")
            if busy_prof:
                print_profile(busy_prof, "the busy day's plan step")
        return rows
    finally:
        if not keep:
            db.drop()
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"kept: {folder} ({db.url})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--occurrences", default="10000,100000", help="sizes, comma-separated")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--workers", default="1", help="worker counts, comma-separated (see the module's help)")
    ap.add_argument("--profile", type=Path, default=None, help="a folder for a cProfile of each quiet sweep and busy plan")
    ap.add_argument("--keep", action="store_true", help="keep the files and the database of each size")
    ap.add_argument("--load-path", choices=("cli", "batch"), default="cli",
                    help="cli: each task set as `dondoc load` does (the stored directory read per file); "
                         "batch: the stored directory read once for all files")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.occurrences.split(",")]
        workers = [int(x) for x in args.workers.split(",")]
    except ValueError:
        ap.error("--occurrences and --workers take comma-separated whole numbers")
    if any(n < 1 for n in sizes + workers):
        ap.error("sizes and worker counts must be positive")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    pg_base, pg_dir = start_postgres() if args.db == "postgres" else (None, None)
    command = "python bench/nationwide.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; {args.db}; templates: {len(vt.TEMPLATES)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(vt.template_summary().items()))})", flush=True)
    rows: list[dict[str, Any]] = []
    try:
        for n in sizes:
            for row in run_size(n, db_kind=args.db, pg_base=pg_base, workers=workers, profile=args.profile,
                                keep=args.keep, batch_load=args.load_path == "batch"):
                if row["workers"] > 1:
                    single = next((r for r in rows if r["occurrences"] == n and r["workers"] == 1), None)
                    if single:
                        row["speedup"] = round(single["quiet_sweep_s"] / row["quiet_sweep_s"], 2)
                        row["busy_speedup"] = round(single["busy_plan_s"] / row["busy_plan_s"], 2)
                        row["exactly_once"] = row["busy_notices"] == single["busy_notices"]
                rows.append(row)
                print(line(row), flush=True)
    finally:
        if pg_dir:
            subprocess.run(["bash", str(ROOT / ".ci" / "pg.sh"), "stop", pg_dir], check=False)
    print()
    print(table(rows))
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on this machine slows every figure)")
    print()
    print(f"command: {command}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
