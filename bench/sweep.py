"""End-to-end sweep benchmark: the database path, not just the SMTP client.

    python bench/sweep.py [--orgs 2000] [--database-url URL]

A directory of N units answering to one group, a dispatch with a quarterly report, a
semiannual report and an observance owned by the group; then one sweep day that reminds all
of them. It times each step of the daily flow — materialise, plan (notices + one digest per
recipient into the outbox), deliver (claim, render, send over a pool, record each outcome) —
against the lean SMTP sink of bench/delivery.py running in its own process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def directory(n: int) -> object:
    from dondoc.directory import parse_directory

    orgs = [{"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Thử Nghiệm",
             "contacts": [{"name": "Văn phòng", "email": "vp@ubnd.example.vn", "role": "head"}]}]
    orgs += [{"code": f"xa-{i:05d}", "name": f"Ủy ban nhân dân xã Số {i}", "level": "xa", "parent": "ubnd-tinh",
              "groups": ["ubnd-xa"], "contacts": [{"name": f"Văn thư xã {i}", "email": f"vanthu{i:05d}@xa.example.vn"}]}
             for i in range(n)]
    return parse_directory({"province": "Thử Nghiệm", "organizations": orgs,
                            "groups": [{"code": "ubnd-xa", "names": ["UBND các xã, phường"]}]}, path="bench")


def taskset() -> object:
    from dondoc.taskset import parse_taskset

    owner = [{"name": "UBND các xã, phường"}]
    return parse_taskset({
        "version": 1,
        "dispatch": {"number": "77/UBND-VP", "issuer": "Ủy ban nhân dân tỉnh Thử Nghiệm", "issued_on": "2025-01-02"},
        "tasks": [
            {"key": "1", "title": "Báo cáo quý", "kind": "report", "lead": owner,
             "schedule": {"repeat": "quarterly", "due": ["---20"]}, "report_to": "UBND tỉnh"},
            {"key": "2", "title": "Báo cáo 6 tháng", "kind": "report", "lead": owner,
             "schedule": {"repeat": "semiannual", "due": ["--06-15"]}, "report_to": "UBND tỉnh"},
            {"key": "3", "title": "Hưởng ứng Ngày hội toàn dân bảo vệ an ninh Tổ quốc", "kind": "event", "lead": owner,
             "schedule": {"repeat": "annual", "events": ["--08-19"]}},
        ],
    }, path="bench")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orgs", type=int, default=2000)
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--pool", type=int, default=8)
    args = ap.parse_args()

    from delivery import Sink  # bench/delivery.py

    from dondoc.app import steps as service
    from dondoc.settings import Settings
    from dondoc.store.db import session_scope, upgrade
    from dondoc.store.repo import import_directory, load_taskset

    tmp = Path(tempfile.mkdtemp(prefix="dondoc-bench-"))
    url = args.database_url or f"sqlite:///{tmp / 'bench.db'}"
    sink = Sink("lean")
    try:
        s = Settings(database_url=url, smtp_port=sink.port, smtp_pool_size=args.pool, config_dir=ROOT / "config")
        upgrade(url)
        eng = service.engine(s)
        d = directory(args.orgs)
        with session_scope(eng) as db:
            import_directory(session=db, directory=d, source="bench")  # type: ignore[arg-type]
            load_taskset(session=db, ts=taskset(), directory=d, path="bench", replace=False)  # type: ignore[arg-type]
        day = date(2025, 6, 10)  # the quarterly (20/6) and 6-month (15/6) reports both have a rung due
        t0 = time.perf_counter()
        created = service.materialise_step(s, day)
        t1 = time.perf_counter()
        planned = service.plan_step(s, day, service.REMIND_KINDS | service.ESCALATE_KINDS)
        t2 = time.perf_counter()
        sent = service.deliver_step(s, day)
        t3 = time.perf_counter()
        got = sink.stats()
    finally:
        sink.stop()
    kind = url.split(":", 1)[0]
    print(f"command: python bench/sweep.py --orgs {args.orgs}" + (" --database-url …" if args.database_url else ""))
    print(f"database {kind}; {args.orgs} organisations; SMTP pool {args.pool}; {os.cpu_count()} cores")
    print(f"materialise {created:>7} occurrences in {t1 - t0:6.2f} s = {created / (t1 - t0):8.0f} /s")
    print(f"plan        {planned['notices']:>7} notices    in {t2 - t1:6.2f} s = {planned['notices'] / (t2 - t1):8.0f} /s "
          f"({planned['messages']} digests)")
    print(f"deliver     {sent['sent']:>7} digests    in {t3 - t2:6.2f} s = {sent['sent'] / (t3 - t2):8.0f} /s "
          f"(claim, render, send, record each; sink got {got.count}, {got.duplicates} duplicates)")
    print(f"whole sweep {t3 - t0:6.2f} s for {args.orgs} recipients")


if __name__ == "__main__":
    main()
