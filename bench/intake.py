"""What "never lose a task on the way in" costs: the owner check at load, and the unassigned
tasks in every sweep.

    python bench/intake.py [--orgs 2000] [--tasks 100] [--dispatches 40] [--database-url URL]

1. check: a directory of N units and a task set of T tasks whose leads all match nothing (the worst
   case: every owner gets its closest codes), then the same set with every lead resolved; also the
   bounds check of reading the file (`parse_taskset`). Best of 5.
2. sweep: D dispatches of 50 tasks each loaded with --allow-unassigned, one task in ten unassigned;
   the query the board and the admins' digest share (`unassigned_tasks`), and planning the admins'
   weekly digest (`plan_admin`, into the outbox, rolled back). Best of 5.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def directory_data(n: int) -> dict[str, Any]:
    orgs = [{"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Thử Nghiệm",
             "contacts": [{"name": "Quản trị", "email": "quantri@ubnd.example.vn", "role": "admin"}]}]
    orgs += [{"code": f"xa-{i:05d}", "name": f"Ủy ban nhân dân xã Số {i}", "aliases": [f"UBND xã Số {i}"],
              "level": "xa", "parent": "ubnd-tinh",
              "contacts": [{"name": f"Văn thư xã {i}", "email": f"vanthu{i:05d}@xa.example.vn"}]} for i in range(n)]
    return {"province": "Thử Nghiệm", "organizations": orgs}


def taskset_data(t: int, *, unresolved_every: int, number: str = "77/UBND-VP") -> dict[str, Any]:
    tasks = []
    for i in range(t):
        lead = f"Ban chỉ đạo số {i}" if unresolved_every and i % unresolved_every == 0 else f"UBND xã Số {i}"
        tasks.append({"key": str(i + 1), "title": f"Báo cáo kết quả số {i}", "kind": "report", "lead": [{"name": lead}],
                      "schedule": {"repeat": "quarterly", "due": ["---20"]}})
    return {"version": 1, "dispatch": {"number": number, "issuer": "Ủy ban nhân dân tỉnh Thử Nghiệm",
                                       "issued_on": "2025-01-02"}, "tasks": tasks}


def best_of(fn: Any, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_check(orgs: int, tasks: int) -> None:
    from dondoc.directory import parse_directory
    from dondoc.intake import check_owners
    from dondoc.taskset import parse_taskset

    d = parse_directory(directory_data(orgs), path="bench")
    worst = parse_taskset(taskset_data(tasks, unresolved_every=1), path="bench")
    clean = parse_taskset(taskset_data(tasks, unresolved_every=0), path="bench")
    assert len(check_owners(worst, d).refused) == tasks and not check_owners(clean, d).refused
    raw = taskset_data(tasks, unresolved_every=0)
    print(f"check, {orgs + 1} organisations, {tasks} tasks:")
    print(f"  every lead unmatched (closest codes for each): {best_of(lambda: check_owners(worst, d)) * 1000:8.1f} ms")
    print(f"  every lead resolved:                          {best_of(lambda: check_owners(clean, d)) * 1000:8.1f} ms")
    print(f"  reading the file (validation and bounds):     {best_of(lambda: parse_taskset(raw, path='b')) * 1000:8.1f} ms")


def bench_sweep(orgs: int, dispatches: int, url: str | None) -> None:
    from dondoc.app.steps import REMIND_KINDS
    from dondoc.directory import parse_directory
    from dondoc.observances import ObservanceCatalog
    from dondoc.schedule.calendar import WorkCalendar
    from dondoc.schedule.plan import LadderConfig
    from dondoc.store import models as m
    from dondoc.store.admin_digest import plan_admin
    from dondoc.store.db import get_engine, session_scope, upgrade
    from dondoc.store.owners import unassigned_tasks
    from dondoc.store.repo import import_directory, load_taskset
    from dondoc.store.sweep import PlanReport, SweepContext
    from dondoc.taskset import parse_taskset

    tmp = tempfile.TemporaryDirectory()
    url = url or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    upgrade(url)
    engine = get_engine(url)
    d = parse_directory(directory_data(orgs), path="bench")
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        import_directory(session=s, directory=d, source="bench")
    for k in range(dispatches):
        ts = parse_taskset(taskset_data(50, unresolved_every=10, number=f"{k + 1}/UBND-VP"), path="bench")
        with session_scope(engine) as s:
            load_taskset(session=s, ts=ts, directory=d, path=f"bench-{k}.yaml", replace=False, allow_unassigned=True)
    setup = time.perf_counter() - t0
    with session_scope(engine) as s:
        n_tasks = len(s.exec(__import__("sqlmodel").select(m.Task.id)).all())
        waiting = len(unassigned_tasks(session=s))
    ctx = SweepContext(as_of=date(2025, 6, 9), cal=WorkCalendar({}), catalog=ObservanceCatalog(),
                       ladders=LadderConfig(report=(7, 1, 0), action=(1, 0), observance=(7, 1), overdue_after=(1,),
                                            escalate_after=3, weekly=(1, 0)))

    def query() -> None:
        with session_scope(engine) as s:
            unassigned_tasks(session=s)

    def plan() -> None:
        with engine.connect() as conn:  # planned, then rolled back: every round plans the same week afresh
            from sqlmodel import Session

            trans = conn.begin()
            s = Session(bind=conn)
            plan_admin(session=s, ctx=ctx, report=PlanReport(), kinds=REMIND_KINDS)
            s.flush()
            trans.rollback()

    print(f"sweep, {engine.dialect.name}, {n_tasks} tasks in {dispatches} dispatches, {waiting} unassigned "
          f"(set up in {setup:.1f} s):")
    print(f"  unassigned_tasks (board, digest):              {best_of(query) * 1000:8.1f} ms")
    print(f"  plan_admin (one admin, {waiting} notices, outbox row): {best_of(plan) * 1000:8.1f} ms")
    engine.dispose()
    tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orgs", type=int, default=2000)
    ap.add_argument("--tasks", type=int, default=100)
    ap.add_argument("--dispatches", type=int, default=40)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    print("command: python bench/intake.py " + " ".join(sys.argv[1:]))
    bench_check(args.orgs, args.tasks)
    bench_sweep(args.orgs, args.dispatches, args.database_url)


if __name__ == "__main__":
    main()
