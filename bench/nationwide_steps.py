"""The steps of bench/nationwide.py, each run in a fresh child process so that its peak RSS is its own.

Every step goes through dondoc's real code: each directory file through
dondoc.directory.load_directory and store.repo.import_directory (what `dondoc orgs import`
does), each task-set file through taskset.load_yaml, store.repo.stored_directory and
load_taskset (what `dondoc load` does, one transaction per file), and a sweep through
dondoc.app.steps.materialise_step and plan_step (what the daily flow's Prefect tasks call).
Nothing is delivered: the outbox rows are planned and left pending (a null sink).
"""

from __future__ import annotations

import resource
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _p in (str(ROOT), str(ROOT / "bench")):
    if _p not in sys.path:
        sys.path.insert(0, _p)


def peak_mb() -> float:
    """This process's peak resident set size (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settings(url: str):  # type: ignore[no-untyped-def]
    from dondoc.settings import Settings

    return Settings(database_url=url, config_dir=ROOT / "config")


def load(url: str, directory_files: list[str], taskset_files: list[str], batch: bool = False) -> dict[str, Any]:
    """Upgrade the schema, import the directory files, load every task set, as the CLI commands do.

    `dondoc load` reads the stored directory again for every file; with `batch` it is read once
    for all of them (each file still in its own transaction)."""
    from dondoc.directory import load_directory
    from dondoc.store.db import get_engine, session_scope, upgrade
    from dondoc.store.repo import import_directory, load_taskset, stored_directory
    from dondoc.taskset import load_yaml

    t0 = time.perf_counter()
    upgrade(url)
    engine = get_engine(url)
    t1 = time.perf_counter()
    validate_s = 0.0
    imported = 0
    for f in directory_files:  # `dondoc orgs import FILE` for each
        a = time.perf_counter()
        directory = load_directory(Path(f))
        validate_s += time.perf_counter() - a
        with session_scope(engine) as s:
            imported += len(import_directory(session=s, directory=directory, source=f).added)
    t3 = time.perf_counter()
    unresolved = 0
    once = None
    for f in taskset_files:
        ts = load_yaml(Path(f))
        with session_scope(engine) as s:
            if once is None or not batch:
                once = stored_directory(session=s)
            res = load_taskset(session=s, ts=ts, directory=once, path=f, replace=False)
        unresolved += len(res.unresolved)
    t4 = time.perf_counter()
    engine.dispose()
    return {"schema_s": t1 - t0, "validate_s": validate_s, "import_s": t3 - t1 - validate_s, "tasksets_s": t4 - t3,
            "load_s": t4 - t1, "imported": imported, "unresolved": unresolved, "peak_mb": peak_mb()}


def history(url: str, before: date, laggards: list[str]) -> int:
    """Everything due before `before` was reported on its day, except by the laggards (a bulk
    UPDATE: this sets up the state of a system in use, it is not a step being measured)."""
    from sqlalchemy import update
    from sqlmodel import col

    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope

    with session_scope(get_engine(url)) as s:
        res = s.exec(update(m.Occurrence)  # type: ignore[call-overload]
                     .where(col(m.Occurrence.status) == "open", col(m.Occurrence.effective_due) < before,
                            col(m.Occurrence.org_code).not_in(laggards))
                     .values(status="submitted", submitted_at=m.Occurrence.effective_due,
                             submitted_by="bench:history"))
        return int(res.rowcount)


def _take(counter: Any) -> int:
    """The next shard's index, taken once across the workers (a work pool's queue)."""
    with counter.get_lock():
        counter.value += 1
        return int(counter.value) - 1


def _sharded(settings: Any, as_of: date, counters: Any, barrier: Any) -> dict[str, Any]:
    """Take shards (provinces, as dondoc.app.shards makes them) from the shared counters until none is
    left: materialise each taken, wait for every worker, then plan each taken (the two phases
    apart, so that materialise and plan are timed as in the whole sweep)."""
    from dondoc.app import steps
    from dondoc.app.shards import directory_shards

    shards = directory_shards(settings)
    barrier.wait()
    t0, c0 = time.time(), time.process_time()
    created = 0
    while (i := _take(counters[0])) < len(shards):
        created += steps.materialise_step(settings, as_of, frozenset(shards[i].orgs))
    t1, c1 = time.time(), time.process_time()
    barrier.wait()
    t2, c2 = time.time(), time.process_time()
    notices = messages = no_address = 0
    mine = 0
    while (i := _take(counters[1])) < len(shards):
        planned = steps.plan_step(settings, as_of, steps.REMIND_KINDS | steps.ESCALATE_KINDS, frozenset(shards[i].orgs))
        notices, messages, no_address = notices + planned["notices"], messages + planned["messages"], \
            no_address + len(planned["no_address"])
        mine += 1
    t3, c3 = time.time(), time.process_time()
    steps.engine(settings).dispose()
    return {"start": t0, "materialise_end": t1, "plan_start": t2, "end": t3, "created": created,
            "materialise_cpu": c1 - c0, "plan_cpu": c3 - c2, "history_rows": 0, "notices": notices, "messages": messages,
            "by_kind": {}, "no_address": no_address, "peak_mb": peak_mb(), "shards": mine}


def sweep(url: str, day: str, *, barrier: Any = None, history_before: str | None = None,
          laggards: list[str] | None = None, profile: str | None = None, profile_step: str = "sweep",
          counters: Any = None) -> dict[str, Any]:
    """One day's sweep without delivery: materialise, then plan every kind of notice.

    With `profile`, a cProfile (in CPU time) of the whole sweep, or of its plan step alone (`profile_step="plan"`).

    With a barrier, waits (after the imports) until every worker is ready, so that N workers start together.
    With `counters` (several workers), each sweeps the provinces it takes, as workers of the
    distributed mode do (see _sharded).
    """
    from dondoc.app import steps

    settings = _settings(url)
    as_of = date.fromisoformat(day)
    steps.engine(settings).connect().close()  # connect before the clock starts, as a running worker would be
    steps.context(settings, as_of)  # the calendar and the catalog, cached
    if counters is not None:
        return _sharded(settings, as_of, counters, barrier)
    if barrier is not None:
        barrier.wait()
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
        if profile_step != "plan":
            prof.enable()
    t0, c0 = time.time(), time.process_time()
    created = steps.materialise_step(settings, as_of)
    t1, c1 = time.time(), time.process_time()
    history_rows = history(url, date.fromisoformat(history_before), laggards or []) if history_before else 0
    if prof is not None and profile_step == "plan":
        prof.enable()
    t2, c2 = time.time(), time.process_time()
    planned = steps.plan_step(settings, as_of, steps.REMIND_KINDS | steps.ESCALATE_KINDS)
    t3, c3 = time.time(), time.process_time()
    if prof is not None and profile:
        prof.disable()
        prof.dump_stats(profile)
    steps.engine(settings).dispose()
    return {"start": t0, "materialise_end": t1, "plan_start": t2, "end": t3, "created": created,
            "materialise_cpu": c1 - c0, "plan_cpu": c3 - c2,
            "history_rows": history_rows, "notices": planned["notices"], "messages": planned["messages"],
            "by_kind": dict(planned["by_kind"]), "no_address": len(planned["no_address"]), "peak_mb": peak_mb()}


def count_open(url: str) -> dict[str, int]:
    """Rows in the tables that grow, and the occurrences still open."""
    from sqlalchemy import func, select

    from dondoc.store import models as m
    from dondoc.store.db import get_engine

    engine = get_engine(url)
    with engine.connect() as c:
        out = {
            "open": c.execute(select(func.count()).select_from(m.Occurrence.__table__)  # type: ignore[attr-defined]
                              .where(m.Occurrence.__table__.c.status == "open")).scalar_one(),  # type: ignore[attr-defined]
            "occurrence_rows": c.execute(select(func.count()).select_from(m.Occurrence.__table__)).scalar_one(),  # type: ignore[attr-defined]
            "organizations": c.execute(select(func.count()).select_from(m.Organization.__table__)).scalar_one(),  # type: ignore[attr-defined]
            "tasks": c.execute(select(func.count()).select_from(m.Task.__table__)).scalar_one(),  # type: ignore[attr-defined]
            "notices": c.execute(select(func.count()).select_from(m.Notice.__table__)).scalar_one(),  # type: ignore[attr-defined]
        }
    engine.dispose()
    return out
