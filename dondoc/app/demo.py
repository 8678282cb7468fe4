"""`dondoc demo`: a year of daily sweeps replayed on a sample dispatch, mail kept as .eml files."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlmodel import col, select

from dondoc.app import steps as service
from dondoc.app.board import COLUMNS, KIND_VI, board_table, caption
from dondoc.directory import load_directory
from dondoc.settings import Settings, get_settings
from dondoc.store import models as m
from dondoc.store.db import session_scope, upgrade
from dondoc.store.repo import import_directory, load_taskset, stored_directory
from dondoc.store.progress import submit
from dondoc.taskset import Source, dump_yaml

SAMPLE = "cv-18-ubnd-nc-2025.txt"


def simulated_submission(org_code: str, period: str, effective_due: date) -> date | None:
    """The demo's make-believe behaviour: a third of owners report early, a third late, a third never."""
    h = int(hashlib.sha256(f"{org_code}|{period}".encode()).hexdigest(), 16) % 3
    return {0: effective_due - timedelta(days=2), 1: effective_due + timedelta(days=5), 2: None}[h]


def run_demo(*, directory: Path, start: date, days: int, console: Console,
             on_day: Callable[[date], None] | None = None) -> Path:
    """Set up a fresh demo database and mailbox, load the sample, replay `days` daily sweeps
    (`on_day` hears of each); returns the demo's database file."""
    from dondoc.ingest import read_document, with_reading_warnings
    from dondoc.notify.mailbox import Mailbox
    from dondoc.parse import parse_dispatch

    base = get_settings()
    directory = directory.resolve()
    mail_dir = directory / "mail"
    for stale in (mail_dir, directory / "demo.db", directory / "demo.db-wal", directory / "demo.db-shm"):
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    mail_dir.mkdir(parents=True, exist_ok=True)
    sample_dir = base.config_dir / "demo"

    with Mailbox(mail_dir) as mailbox:
        s = Settings(config_dir=base.config_dir, database_url=f"sqlite:///{directory / 'demo.db'}",
                     smtp_host="127.0.0.1", smtp_port=mailbox.port, timezone=base.timezone,
                     mail_from="Văn phòng UBND tỉnh (dondoc) <dondoc@ubnd.haiduong.example.vn>")
        upgrade(s.database_url)
        engine = service.engine(s)
        with session_scope(engine) as db:
            import_directory(session=db, directory=load_directory(base.config_dir / "organizations.yaml"),
                             source="config/organizations.yaml")
        doc = read_document(sample_dir / SAMPLE)
        with session_scope(engine) as db:
            ts = with_reading_warnings(parse_dispatch(doc.text, source=Source(name=doc.name, sha256=doc.sha256),
                                                      observances=service.catalog(s), directory=stored_directory(session=db)), doc)
        taskset_path = directory / "cv-18-ubnd-nc-2025.yaml"
        taskset_path.write_text(dump_yaml(ts), encoding="utf-8")
        with session_scope(engine) as db:
            res = load_taskset(session=db, ts=ts, directory=stored_directory(session=db), path=str(taskset_path),
                               replace=False)
        console.print(f"Đã nạp văn bản {ts.dispatch.number}: {res.tasks} nhiệm vụ "
                      f"({len(res.unresolved)} chủ thể chưa xác định) → {taskset_path}")

        sent: list[str] = []
        for i in range(days):
            day = start + timedelta(days=i)
            # the same steps as flows/daily.py, without Prefect's per-run overhead
            service.materialise_step(s, day)
            _simulate_reports(engine, day)
            sent += service.plan_step(s, day, service.REMIND_KINDS | service.ESCALATE_KINDS)["outbox_ids"]
            service.deliver_step(s, day)
            if on_day is not None:
                on_day(day)
        received = mailbox.count()
        last = start + timedelta(days=days - 1)
        _print_summary(engine, sent, console)
        rows = service.board_step(s, last)
        t = Table(*COLUMNS.values(), title=f"Bảng theo dõi đến ngày {last:%d/%m/%Y}", caption=caption(s.on_time_against))
        for r in board_table(rows):
            t.add_row(*(str(v) for v in r.values()))
        console.print(t)
        console.print(f"{len(sent)} thư đã gửi, hộp thư nhận {received} thư (.eml) tại {mail_dir}")
        console.print(f"Cơ sở dữ liệu của bản chạy thử: {directory / 'demo.db'}")
    return directory / "demo.db"


def _simulate_reports(engine, day: date) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as db:
        for occ in db.exec(select(m.Occurrence).where(m.Occurrence.status == "open",
                                                      m.Occurrence.kind == "report")).all():
            when = simulated_submission(occ.org_code, occ.period, occ.effective_due)
            if when == day:
                submit(session=db, occurrence=occ, at=day)


def _print_summary(engine, ids: list[str], console: Console) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as db:
        rows = db.exec(select(m.Outbox).where(col(m.Outbox.id).in_(ids))).all() if ids else []
    per: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for r in rows:
        names[r.recipient_email] = r.payload.get("org_name", "")
        per[r.recipient_email]["messages"] += 1
        for it in r.payload.get("items", []):
            per[r.recipient_email][it["kind"]] += 1
    if not per:
        console.print("Chưa có thư nào được gửi trong những ngày đã chạy thử.")
        return
    t = Table("người nhận", "cơ quan", "số thư", *KIND_VI.values(), title="Đã gửi những gì, cho ai")
    for email in sorted(per, key=lambda e: (-per[e]["messages"], e)):
        c = per[email]
        t.add_row(email, names[email], str(c["messages"]), *(str(c[k]) for k in KIND_VI))
    console.print(t)
