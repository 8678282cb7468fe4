"""`dondoc remind`, `escalate`, `board`, `demo`, `serve`, `run`: the sweep from the command line."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypedDict

import typer
from rich.table import Table
from sqlmodel import col, select

from dondoc.cli.app import app, as_of_or_today, console, parse_day, print_json, ready_engine, settings, user_errors
from dondoc.app.board import KIND_VI
from dondoc.errors import NotFoundError

def _summary(ids: list[str], *, title: str) -> None:
    """What was sent to whom, for what."""
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    if not ids:
        typer.echo(f"{title}: nothing new to send")
        return
    with session_scope(ready_engine()) as s:
        rows = s.exec(select(m.Outbox).where(col(m.Outbox.id).in_(ids))).all()
    t = Table("người nhận", "cơ quan", "nội dung", "trạng thái", title=title)
    for r in sorted(rows, key=lambda r: r.recipient_email):
        items = r.payload.get("items", [])
        what = "; ".join(_item_label(i) for i in items[:4]) + (f" (+{len(items) - 4})" if len(items) > 4 else "")
        t.add_row(r.recipient_email, r.payload.get("org_name", ""), what, r.status)
    console.print(t)


def _item_label(i: dict[str, Any]) -> str:
    due = date.fromisoformat(i["due_effective"]) if i.get("due_effective") else None
    what = i.get("observance_name") or f"{i.get('dispatch_number') or 'văn bản không số'}, mục {i['task_key']}"
    return f"{KIND_VI.get(i['kind'], i['kind'])}: {what}" + (f" ({due:%d/%m/%Y})" if due else "")


def _sweep(day: date, as_of: str | None, kinds: set[str], dry_run: bool, title: str) -> None:
    from dondoc.app import steps as service
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.sweep import plan_notices

    s_ = settings()
    ready_engine()
    service.materialise_step(s_, day)
    if dry_run:
        with session_scope(service.engine(s_)) as s:
            rep = plan_notices(session=s, ctx=service.context(s_, day), kinds=kinds)
            rows = s.exec(select(m.Outbox).where(col(m.Outbox.id).in_(rep.outbox_ids))).all()
            t = Table("người nhận", "cơ quan", "nội dung", title=f"{title} (dry run: no notice planned, nothing sent)")
            for r in rows:
                t.add_row(r.recipient_email, r.payload.get("org_name", ""),
                          "; ".join(_item_label(i) for i in r.payload.get("items", [])))
            s.rollback()
        console.print(t)
        return
    planned = service.plan_step(s_, day, kinds)
    delivered = service.deliver_step(s_, parse_day(as_of))
    _summary(planned["outbox_ids"], title=title)
    for line in planned["no_address"]:
        typer.echo(f"  not sent: {line}", err=True)
    if delivered["held_for_quiet_hours"]:
        typer.echo(f"quiet hours: messages wait until {s_.quiet_start:02d}:00", err=True)
    typer.echo(f"sent {delivered['sent']}, retry later {delivered['retry']}, failed {delivered['failed']}")
    if delivered["failed"] or delivered["refused"]:
        typer.echo(f"  refused: {', '.join(delivered['refused'])} (see `dondoc outbox list --failed`)", err=True)



@app.command("remind")
@user_errors
def remind(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)"),
           dry_run: bool = typer.Option(False, "--dry-run", help="show what would be sent; store and send nothing")) -> None:
    """Materialise occurrences, plan reminders and observance notices, and send one digest per recipient.

    Running it again for the same day sends nothing new.

    Example: dondoc remind --as-of 2025-06-10
    """
    from dondoc.app.steps import REMIND_KINDS

    day = as_of_or_today(as_of)
    _sweep(day, as_of, REMIND_KINDS, dry_run, f"Nhắc việc ngày {day:%d/%m/%Y}")
    if not settings().links_enabled:
        typer.echo("chú ý: thư chưa mang liên kết trả lời “Đã tiếp nhận”, “Đã hoàn thành / đã gửi báo cáo” "
                   "(cần đặt DONDOC_SECRET_KEY và DONDOC_PUBLIC_URL, xem README)")

@app.command("escalate")
@user_errors
def escalate(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
             dry_run: bool = typer.Option(False, "--dry-run", help="show what would be sent")) -> None:
    """Chase late work (reports and actions alike) up the escalation ladder of config/escalation.yaml:
    the owner's coordinator, the owner's head, the supervising organisation's head, the issuer's office,
    each rung once, counted in working days after the deadline (the extended one when granted).

    Example: dondoc escalate --as-of 2025-06-20
    """
    from dondoc.app.steps import ESCALATE_KINDS

    day = as_of_or_today(as_of)
    _sweep(day, as_of, ESCALATE_KINDS, dry_run, f"Quá hạn và đôn đốc ngày {day:%d/%m/%Y}")

@app.command("board")
@user_errors
def board(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
          as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """The compliance board: per organisation, on time / late / open / overdue, the on-time rate (the caption
    says how it is computed) and the tasks not yet acknowledged; then the tasks no office is reminded of
    yet (chưa xác định đơn vị), with their count.

    Example: dondoc board --as-of 2025-12-31
    """
    from dondoc.app import steps as service
    from dondoc.app.board import COLUMNS, UNASSIGNED, board_table, caption

    day = as_of_or_today(as_of)
    ready_engine()
    service.materialise_step(settings(), day)
    rows = service.board_step(settings(), day)
    if as_json:
        print_json(rows)
        return
    t = Table(*COLUMNS.values(), title=f"Tình hình thực hiện nhiệm vụ đến ngày {day:%d/%m/%Y}",
              caption=caption(settings().on_time_against))
    for r in board_table(rows):
        t.add_row(*(str(v) for v in r.values()))
    console.print(t)
    waiting = service.unassigned_step(settings())
    if waiting:  # tasks no office is reminded of: never out of sight
        u = Table("văn bản", "mục", "nhiệm vụ", "đơn vị chủ trì như văn bản ghi",
                  title=f"{UNASSIGNED}: {len(waiting)} nhiệm vụ (giao bằng dondoc tasks assign)")
        for w in waiting:
            u.add_row(str(w["dispatch"]), w["key"], w["title"][:80], ", ".join(w["names"]) or "(không ghi)")
        console.print(u)

@app.command("demo")
@user_errors
def demo(directory: Path = typer.Option(Path("var/demo"), "--dir", help="where the demo keeps its database and mail"),
         start: str = typer.Option("2025-01-01", "--from", help="first day replayed"),
         days: int = typer.Option(365, "--days", help="how many daily sweeps to replay")) -> None:
    """Try dondoc with nothing installed: a built-in mailbox, a sample dispatch and directory,
    a year of daily sweeps replayed with --as-of, the emails left as .eml files.

    Example: dondoc demo --dir var/demo
    """
    from dondoc.app.demo import run_demo

    run_demo(directory=directory, start=parse_day(start, option="--from") or date(2025, 1, 1), days=days,
             console=console)

@app.command("serve")
@user_errors
def serve() -> None:
    """Serve the daily sweep as a Prefect deployment, cron 07:00 Asia/Ho_Chi_Minh (needs PREFECT_API_URL).

    Example: PREFECT_API_URL=http://127.0.0.1:4200/api dondoc serve
    """
    from dondoc.app.steps import escalation
    from flows.serve import serve_daily

    escalation(settings())  # a bad config/escalation.yaml stops the start, not the first sweep
    serve_daily()

@app.command("run")
@user_errors
def run(once: bool = typer.Option(False, "--once", help="run one sweep now and exit")) -> None:
    """Embedded mode: APScheduler runs the daily sweep at 07:00 local, its job store in the same database.

    Example: dondoc run
    """
    from dondoc.app.embedded import run_embedded

    from dondoc.app.steps import escalation

    ready_engine()
    escalation(settings())  # a bad config/escalation.yaml stops the start, not the first sweep
    run_embedded(settings(), once=once)
