"""How long each `dondoc` command takes from the shell: wall time of a fresh process, min and median.

Run: .venv/bin/python bench/startup.py [--runs 7] [--only help]

The targets (issue 10): `dondoc --help` in 0.3 s or less, and any command that does not sweep in
1 s or less. Each command runs as a new process, as an admin types it, against a throwaway SQLite
database that holds the sample directory and the demo's dispatch (prepared first, not timed). One
untimed run precedes the timed ones, so the figures do not include a cold file cache. Besides the
wall time it prints the median CPU time (user + system), which other work on the machine disturbs less. Commands
that sweep (materialise occurrences first: `tasks list`, `board`, `remind`) are marked.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "config" / "demo" / "cv-18-ubnd-nc-2025.txt"
DIRECTORY = REPO / "config" / "organizations.yaml"


def commands(tmp: Path) -> list[tuple[str, list[str], bool]]:
    """(group, arguments, sweeps) for every command measured."""
    ts = str(tmp / "cv-18.yaml")
    return [
        ("help", ["--help"], False),
        ("help", ["remind", "--help"], False),
        ("help", ["tasks", "list", "--help"], False),
        ("read", ["calendar", "--year", "2026"], False),
        ("read", ["orgs", "list"], False),
        ("read", ["outbox", "list"], False),
        ("read", ["explain", "1"], False),
        ("read", ["db", "upgrade"], False),
        ("parse", ["ingest", str(SAMPLE), "-o", ts], False),
        ("write", ["load", ts], False),
        ("write", ["orgs", "import", str(DIRECTORY)], False),
        ("sweep", ["tasks", "list", "--as-of", "2025-06-10"], True),
        ("sweep", ["board", "--as-of", "2025-06-10"], True),
        ("sweep", ["remind", "--as-of", "2025-06-10", "--dry-run"], True),
    ]


def dondoc() -> list[str]:
    script = Path(sys.executable).parent / "dondoc"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dondoc"]


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `dondoc ARGS` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*dondoc(), *args], env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"dondoc {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs per command (after one untimed)")
    ap.add_argument("--only", help="only the commands of this group: help, read, parse, write, sweep")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dondoc-startup-") as temp:
        tmp = Path(temp)
        env = {**os.environ, "DONDOC_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}", "DONDOC_CONFIG_DIR": str(REPO / "config")}
        env.pop("DONDOC_PURE_PYTHON", None)
        for prep in (["db", "upgrade"], ["orgs", "import", str(DIRECTORY)],
                     ["ingest", str(SAMPLE), "-o", str(tmp / "cv-18.yaml")], ["load", str(tmp / "cv-18.yaml")],
                     ["tasks", "list", "--as-of", "2025-06-10"]):
            run(prep, env)
        print(f"dondoc startup: wall time of a new process, {args.runs} runs after 1 untimed, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print(f"{'min s':>6} {'median s':>8} {'cpu s':>6}  {'target':>6}  command")
        for group, cmd, sweeps in commands(tmp):
            if args.only and group != args.only:
                continue
            run(cmd, env)
            runs = [run(cmd, env) for _ in range(args.runs)]
            wall = [w for w, _ in runs]
            cpu = statistics.median(c for _, c in runs)
            target = "0.3" if group == "help" else ("—" if sweeps else "1.0")
            shown = " ".join(shlex.quote(a) for a in cmd).replace(str(tmp) + "/", "$TMP/").replace(str(REPO) + "/", "")
            print(f"{min(wall):6.2f} {statistics.median(wall):8.2f} {cpu:6.2f}  {target:>6}  dondoc {shown}"
                  + ("   (sweeps)" if sweeps else ""))
    print(f"command: {' '.join(shlex.quote(a) for a in [Path(sys.executable).name, 'bench/startup.py', *sys.argv[1:]])}")


if __name__ == "__main__":
    main()
