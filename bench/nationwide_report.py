"""What bench/nationwide.py prints: one key=value line per size and worker count, a table, a profile."""

from __future__ import annotations

import sys
import time
from typing import Any

import vietnam


def say(text: str) -> None:
    """Progress on stderr, so that a run stopped half-way still tells where the time went."""
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def split(target: int, what: str, results: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The workers that finished, and those that failed (each said on stderr)."""
    errors = [r for r in results if "error" in r]
    for e in errors:
        say(f"{target}: {what}: a worker failed after {e['after_s']:.1f} s: {e['error']}")
    return [r for r in results if "error" not in r], errors


def wall(results: list[dict[str, Any]], start: str = "start", end: str = "end") -> float:
    return max(r[end] for r in results) - min(r[start] for r in results)


def make_row(target: int, w: int, scale: vietnam.Scale, shape: dict[str, int], predicted: int, gen_s: float,
         loaded: dict[str, Any], first: dict[str, Any], quiet: list[dict[str, Any]], busy: list[dict[str, Any]],
         counted: dict[str, float], db_kind: str, dispatches: int) -> dict[str, Any]:
    quiet_notices = sum(r["notices"] for r in quiet)
    busy_notices = sum(r["notices"] for r in busy)
    return {
        "occurrences": target, "open": counted["open"], "workers": w,
        "load_s": round(loaded["load_s"], 1), "quiet_sweep_s": round(wall(quiet), 2),
        "busy_plan_s": round(wall(busy, "plan_start"), 2),
        "peak_mb": round(max(r["peak_mb"] for r in quiet + busy)),
        "predicted": predicted, "db": db_kind, "provinces": shape["provinces"], "communes": shape["communes"],
        "last_province_communes": scale.communes if scale.communes is not None else "all",
        "orgs": counted["organizations"], "dispatches": dispatches, "tasks": counted["tasks"],
        "occurrence_rows": counted["occurrence_rows"], "open_end": counted["open_end"], "gen_s": round(gen_s, 1),
        "directory_s": round(loaded["validate_s"] + loaded["import_s"], 1),
        "directory_validate_s": round(loaded["validate_s"], 1), "tasksets_s": round(loaded["tasksets_s"], 1),
        "load_peak_mb": round(loaded["peak_mb"]), "unresolved": loaded["unresolved"],
        "first_sweep_s": round(first["end"] - first["start"] - (first["plan_start"] - first["materialise_end"]), 1),
        "first_materialise_s": round(first["materialise_end"] - first["start"], 1),
        "first_created": first["created"], "first_notices": first["notices"],
        "quiet_materialise_s": round(max(r["materialise_end"] - r["start"] for r in quiet), 2),
        "quiet_plan_s": round(max(r["end"] - r["plan_start"] for r in quiet), 2),
        "quiet_cpu_s": round(sum(r["materialise_cpu"] + r["plan_cpu"] for r in quiet), 2),
        "quiet_notices": quiet_notices, "quiet_due_pct": round(100 * quiet_notices / max(counted["open"], 1), 2),
        "quiet_peak_mb": round(max(r["peak_mb"] for r in quiet)),
        "busy_materialise_s": round(max(r["materialise_end"] - r["start"] for r in busy), 2),
        "busy_plan_cpu_s": round(sum(r["plan_cpu"] for r in busy), 2), "busy_sweep_s": round(wall(busy), 2), "busy_notices": busy_notices, "busy_digests": sum(r["messages"] for r in busy),
        "busy_peak_mb": round(max(r["peak_mb"] for r in busy)), "loadavg": round(counted["loadavg"], 1),
    }


def print_profile(path: str, what: str) -> None:
    import pstats

    print(f"profile of {what} (CPU time): {path} (top 15 by own time, then by cumulative time)")
    stats = pstats.Stats(path)
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(25)


def line(row: dict[str, Any]) -> str:
    return " ".join(f"{k}={row[k]}" for k in row)


def table(rows: list[dict[str, Any]]) -> str:
    cols: tuple[str, ...] = ("occurrences", "open", "db", "workers", "provinces", "communes", "orgs", "tasks",
                             "load_s", "first_sweep_s", "quiet_sweep_s", "quiet_cpu_s", "quiet_notices", "busy_plan_s",
                             "busy_plan_cpu_s", "busy_notices", "peak_mb", "loadavg")
    cols += tuple(c for c in ("busy_server_cpu_s", "speedup", "busy_speedup", "exactly_once", "worker_errors")
                  if any(c in r for r in rows))
    head = "| " + " | ".join(cols) + " |"
    sep = "|" + "|".join("---:" for _ in cols) + "|"
    def cell(r: dict[str, Any], c: str) -> str:
        v = r.get(c, "")
        return f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)

    body = ["| " + " | ".join(cell(r, c) for c in cols) + " |" for r in rows]
    return "\n".join([head, sep, *body])
