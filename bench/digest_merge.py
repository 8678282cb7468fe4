"""What merging the queued digests of one recipient and day costs a delivery (dondoc/app/digest_merge.py).

    python bench/digest_merge.py --rows 100000,200000 --shared 0,0.1 [--db-url URL]

For each size and share it fills a fresh outbox with `rows` queued digests, one notice each, a
`shared` share of them four to a recipient (what several shards write to one ministry), then times
`merge_pending` as a delivery runs it before claiming anything. Without --db-url each run gets a
temporary SQLite file; with a PostgreSQL URL (a database you can drop the tables of) it empties
the outbox and notice tables first. Prints the command, then one line per run.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _fill(url: str, rows: int, shared: float) -> None:
    from sqlalchemy import delete, insert

    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope, upgrade

    upgrade(url)
    start = datetime(2026, 6, 18, 17, tzinfo=timezone.utc)
    day = date(2026, 6, 19)
    with session_scope(get_engine(url)) as s:
        conn = s.connection()
        conn.execute(delete(m.Notice.__table__))  # type: ignore[attr-defined]
        conn.execute(delete(m.Outbox.__table__))  # type: ignore[attr-defined]
        for first in range(0, rows, 5000):
            outbox, notices = [], []
            for i in range(first, min(rows, first + 5000)):
                who = i // 4 if i < rows * shared else i
                oid = f"r{i:010d}"
                outbox.append(dict(id=oid, recipient_email=f"p{who}@example.vn", recipient_name="A", org_code=f"o{who}",
                                   as_of=day, payload={"items": [{"kind": "reminder", "occurrence_id": i, "task_key": "1"}]},
                                   status="pending", attempts=0, next_attempt_at=start, message_id=f"{oid}@bench",
                                   created_at=start))
                notices.append(dict(dedupe_key=f"bench:{i}", kind="reminder", recipient_email=f"p{who}@example.vn",
                                    outbox_id=oid, created_at=start))
            conn.execute(insert(m.Outbox.__table__), outbox)  # type: ignore[attr-defined]
            conn.execute(insert(m.Notice.__table__), notices)  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="100000,200000")
    ap.add_argument("--shared", default="0,0.1")
    ap.add_argument("--db-url", default=None)
    args = ap.parse_args()
    print("command: python bench/digest_merge.py " + " ".join(sys.argv[1:]), flush=True)
    from dondoc.app.digest_merge import merge_pending
    from dondoc.store.db import get_engine

    for rows in (int(r) for r in args.rows.split(",")):
        for shared in (float(x) for x in args.shared.split(",")):
            with tempfile.TemporaryDirectory() as tmp:
                url = args.db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
                _fill(url, rows, shared)
                wall, cpu = time.perf_counter(), time.process_time()
                merged = merge_pending(engine=get_engine(url), now=datetime(2026, 6, 19, 0, tzinfo=timezone.utc))
                print(f"db={url.split(':')[0].split('+')[0]} rows={rows} shared={shared} merged={merged} "
                      f"merge_s={time.perf_counter() - wall:.2f} cpu_s={time.process_time() - cpu:.2f} "
                      f"peak_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", flush=True)


if __name__ == "__main__":
    main()
