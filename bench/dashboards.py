"""What publishing the dashboards costs at nation size.

    python bench/dashboards.py --occurrences 100000,1000000 [--db sqlite|postgres] [--levels trung-uong,tinh,huyen]
                               [--no-publish] [--db-url URL]

For each size it builds the same synthetic Vietnam as bench/nationwide.py (whole provinces, then
communes; the directory and the task sets loaded, the task sets `--load-path batch`), runs the first
sweep with its history (what was due before 12/6/2026 reported, except by one commune in 40; every
occurrence of the 400-day horizon materialised), then on the busy day, Monday 15/6/2026, measures what `tasks.publish.publish_dashboards` does:

- read_s: the set-based queries of dondoc/store/dashboard.py (dashboard_data.snapshot), with each
  query's own time (tallies, worst 50 overdue, preparers, dispatch items);
- render_s: composing every artifact (dondoc.app.dashboards.compose), its count and size;
- publish_s: creating them on a real Prefect server (`prefect server start`, its own PREFECT_HOME),
  8 at a time, as the task does; skipped with --no-publish.

--db-url measures an existing database (e.g. one bench/nationwide.py --keep left) instead of building one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import nationwide  # noqa: E402
import nationwide_steps as steps  # noqa: E402
import vietnam_tasks as vt  # noqa: E402
from nationwide_db import Database, start_postgres  # noqa: E402

DAY = vt.BUSY_DAY


def start_prefect(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port",
                             str(port)], env=env, stdout=(home / "server.log").open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2):
                return proc, f"{base}/api"
        except OSError:
            time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("prefect server did not start")


def measure(url: str, levels: list[str], api: str | None) -> dict[str, Any]:
    """Read, render and (with `api`) publish the dashboards of DAY, timing each part."""
    from dondoc.app import dashboard_data
    from dondoc.app.dashboards import compose
    from dondoc.store import dashboard as q

    settings = steps._settings(url).model_copy(update={"board_levels": levels})
    timed: dict[str, float] = {}
    for name in ("tallies", "worst_overdue", "preparers", "dispatch_items", "organisations"):
        original = getattr(q, name)

        def wrapper(*a: Any, _f: Any = original, _n: str = name, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return _f(*a, **kw)
            finally:
                timed[_n] = timed.get(_n, 0.0) + time.perf_counter() - t

        setattr(q, name, wrapper)
    t0 = time.perf_counter()
    snap = dashboard_data.snapshot(settings, DAY)
    t1 = time.perf_counter()
    artifacts = compose(snap)
    t2 = time.perf_counter()
    row: dict[str, Any] = {
        "organisations": len(snap.orgs), "read_s": round(t1 - t0, 2),
        **{f"{k}_s": round(v, 2) for k, v in timed.items()}, "render_s": round(t2 - t1, 2),
        "artifacts": len(artifacts), "boards": sum(a.key.startswith("board-") for a in artifacts) - 2,
        "largest_kb": round(max(len(a.markdown.encode()) for a in artifacts) / 1024, 1),
        "total_kb": round(sum(len(a.markdown.encode()) for a in artifacts) / 1024),
        "largest_rows": max(a.markdown.count("\n|") for a in artifacts),
        "overdue": sum(c.overdue for c in snap.counts.values()), "peak_mb": round(steps.peak_mb()),
    }
    if api:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from tasks.publish import publish

        with temporary_settings({PREFECT_API_URL: api}):
            t3 = time.perf_counter()
            publish(artifacts)
            row["publish_s"] = round(time.perf_counter() - t3, 2)
            row["per_artifact_ms"] = round(1000 * row["publish_s"] / len(artifacts), 1)
    return row


def build(target: int, db_kind: str, pg_base: str | None, folder: Path) -> tuple[Database, dict[str, Any]]:
    scale, predicted = nationwide.choose_scale(target)
    directory_files, taskset_files = nationwide.write_files(scale, folder)
    db = Database(db_kind, folder, f"dashboards_{target}_{os.getpid()}", pg_base)
    nationwide.in_children("load", db.url, [str(f) for f in directory_files], [str(f) for f in taskset_files], True)
    nationwide.in_children("sweep", db.url, vt.FIRST_SWEEP.isoformat(), history_before=vt.FIRST_SWEEP.isoformat(),
                           laggards=vt.laggard_codes(scale))
    return db, {"occurrences": target, "predicted_open": predicted}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--occurrences", default="100000", help="sizes, comma-separated")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--db-url", default=None, help="measure this existing database instead")
    ap.add_argument("--levels", default="trung-uong,tinh,huyen", help="board_levels, comma-separated")
    ap.add_argument("--no-publish", action="store_true", help="read and render only")
    args = ap.parse_args(argv)
    levels = args.levels.split(",")
    home = Path(tempfile.mkdtemp(prefix="dondoc-bench-prefect-"))
    proc, api = (None, None) if args.no_publish else start_prefect(home)
    pg_base, pg_dir = start_postgres() if args.db == "postgres" and not args.db_url else (None, None)
    try:
        targets = [None] if args.db_url else [int(x) for x in args.occurrences.split(",")]
        for target in targets:
            if target is None:
                print(" ".join(f"{k}={v}" for k, v in {"db": args.db_url, **measure(args.db_url, levels, api)}.items()))
                continue
            folder = Path(tempfile.mkdtemp(prefix=f"dondoc-dashboards-{target}-"))
            db, head = build(target, args.db, pg_base, folder)
            try:
                row = {**head, "db": args.db, "levels": args.levels, **measure(db.url, levels, api)}
                print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
            finally:
                db.drop()
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)
        if pg_dir:
            subprocess.run(["bash", str(ROOT / ".ci" / "pg.sh"), "stop", pg_dir], check=False)
    print("command: python bench/dashboards.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
