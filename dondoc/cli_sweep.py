"""CLI commands of the sweep: remind, escalate, board, outbox, explain, demo, serve, run."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypedDict

import typer
from rich.table import Table
from sqlmodel import col, select

from dondoc.cli import as_of_or_today, console, parse_day, print_json, ready_engine, settings, user_errors
from dondoc.board import KIND_VI
from dondoc.errors import NotFoundError

outbox_app = typer.Typer(no_args_is_help=True, help="Messages planned, sent and failed.")


class _OutboxRow(TypedDict):
    id: str
    to: str
    org: str | None
    as_of: date
    status: str
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    message_id: str
    error: str | None
    items: int


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
    from dondoc import service
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


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox")

    @app.command("remind")
    @user_errors
    def remind(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)"),
               dry_run: bool = typer.Option(False, "--dry-run", help="show what would be sent; store and send nothing")) -> None:
        """Materialise occurrences, plan reminders and observance notices, and send one digest per recipient.

        Running it again for the same day sends nothing new.

        Example: dondoc remind --as-of 2025-06-10
        """
        from dondoc.service import REMIND_KINDS

        day = as_of_or_today(as_of)
        _sweep(day, as_of, REMIND_KINDS, dry_run, f"Nhắc việc ngày {day:%d/%m/%Y}")

    @app.command("escalate")
    @user_errors
    def escalate(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
                 dry_run: bool = typer.Option(False, "--dry-run", help="show what would be sent")) -> None:
        """Send overdue notices to owners, and escalations to their supervising organisation, each once.

        Example: dondoc escalate --as-of 2025-06-20
        """
        from dondoc.service import ESCALATE_KINDS

        day = as_of_or_today(as_of)
        _sweep(day, as_of, ESCALATE_KINDS, dry_run, f"Quá hạn và đôn đốc ngày {day:%d/%m/%Y}")

    @app.command("board")
    @user_errors
    def board(as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
              as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
        """The compliance board: per organisation, on time / late / open / overdue and the on-time rate.

        Example: dondoc board --as-of 2025-12-31
        """
        from dondoc import service
        from dondoc.board import COLUMNS, board_table

        day = as_of_or_today(as_of)
        ready_engine()
        service.materialise_step(settings(), day)
        rows = service.board_step(settings(), day)
        if as_json:
            print_json(rows)
            return
        t = Table(*COLUMNS.values(), title=f"Tình hình thực hiện nhiệm vụ đến ngày {day:%d/%m/%Y}")
        for r in board_table(rows):
            t.add_row(*(str(v) for v in r.values()))
        console.print(t)

    @app.command("explain")
    @user_errors
    def explain(occurrence: int = typer.Argument(..., help="an occurrence id (see `dondoc tasks list --json`)")) -> None:
        """How an occurrence's dates were computed: stated → rule → effective, with holidays and the law.

        Example: dondoc explain 12
        """
        from dondoc import service
        from dondoc.cli_dates import explain_lines
        from dondoc.store import models as m
        from dondoc.store.db import session_scope

        s_ = settings()
        with session_scope(ready_engine()) as s:
            occ = s.get(m.Occurrence, occurrence)
            if occ is None:
                raise NotFoundError(f"occurrence {occurrence}: not found")
            task = s.get(m.Task, occ.task_id)
            d = s.get(m.Dispatch, task.dispatch_id) if task else None
        typer.echo(f"Văn bản {d.number if d and d.number else '(không số)'}, mục {task.key if task else '?'} — "
                   f"{occ.org_code}, kỳ {occ.period}")
        if occ.kind == "event":
            for line in _observance_lines(occ, s_):
                typer.echo(line)
            return
        window = (occ.data_from, occ.data_to) if occ.data_from and occ.data_to else None
        for line in explain_lines(stated=occ.stated_due, repeat=task.repeat if task else "once",
                                  period=occ.period, window=window, cal=service.work_calendar(s_),
                                  written=occ.written_due, before_means=s_.before_means, notes=occ.notes,
                                  due=task.due if task else ()):
            typer.echo(line)

    def _observance_lines(occ, s_) -> list[str]:  # type: ignore[no-untyped-def]
        from dondoc import service
        from dondoc.schedule.calendar import fmt_long
        from dondoc.schedule.observances import observance_days

        catalog = service.catalog(s_)
        obs = catalog.by_key(occ.event_key) if occ.event_key else None
        if obs is None:
            return [f"Ngày kỷ niệm: {fmt_long(occ.stated_due)} (không có trong config/observances.yaml)"]
        day = observance_days([obs], between=(occ.stated_due, occ.stated_due))[0]
        lines = [f"Ngày kỷ niệm: {obs.name}", f"Ngày diễn ra: {fmt_long(day.day)}"
                 + (f" (âm lịch {obs.lunar[3:]}/{obs.lunar[:2]})" if obs.lunar else "")]
        if day.anniversary:
            lines.append(f"Kỷ niệm {day.anniversary} năm" + (" — năm tròn (tổ chức lễ kỷ niệm)" if day.round_year else ""))
        if day.prepare_from:
            lines.append(f"Chuẩn bị từ: {fmt_long(day.prepare_from)}")
        ladder = obs.remind_days or list(s_.ladders.observance)
        lines.append("Nhắc trước: " + ", ".join(str(d) for d in ladder) + " ngày; ngày kỷ niệm không dời theo ngày nghỉ")
        return lines

    @outbox_app.command("list")
    @user_errors
    def outbox_list(failed: bool = typer.Option(False, "--failed", help="only failed or refused messages"),
                    as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
        """List the outbox: who, when, status, attempts, errors.

        Example: dondoc outbox list --failed
        """
        from dondoc.store import models as m
        from dondoc.store.db import session_scope

        with session_scope(ready_engine()) as s:
            q = select(m.Outbox).order_by(col(m.Outbox.created_at))
            rows = s.exec(q).all()
        if failed:
            rows = [r for r in rows if r.status == "failed" or (r.last_error and r.status == "sent")]
        data: list[_OutboxRow] = [
            {"id": r.id, "to": r.recipient_email, "org": r.org_code, "as_of": r.as_of, "status": r.status,
             "attempts": r.attempts, "next_attempt_at": r.next_attempt_at, "sent_at": r.sent_at,
             "message_id": r.message_id, "error": r.last_error, "items": len(r.payload.get("items", []))}
            for r in rows]
        if as_json:
            print_json(data)
            return
        t = Table("id", "người nhận", "ngày", "trạng thái", "lần gửi", "lỗi")
        for d in data:
            t.add_row(d["id"][:12], d["to"], f"{d['as_of']:%d/%m/%Y}", d["status"], str(d["attempts"]), d["error"] or "")
        console.print(t)

    @outbox_app.command("retry")
    @user_errors
    def outbox_retry(ids: list[str] = typer.Argument(..., help="outbox ids (or unique prefixes)")) -> None:
        """Queue failed messages again; the next sweep (or `dondoc remind`) sends them.

        Example: dondoc outbox retry 3f2a9c1b
        """
        from dondoc.store import models as m
        from dondoc.store.db import session_scope
        from dondoc.store.repo import audit

        with session_scope(ready_engine()) as s:
            all_rows = s.exec(select(m.Outbox)).all()
            for ref in ids:
                hits = [r for r in all_rows if r.id.startswith(ref)]
                if len(hits) != 1:
                    raise NotFoundError(f"outbox {ref!r}: " + ("not found" if not hits else "ambiguous"))
                row = hits[0]
                if row.status == "sent" and not row.last_error:
                    raise NotFoundError(f"outbox {ref!r}: already sent")
                # due at once, whatever clock the next sender runs on (a replay's --as-of included)
                row.status, row.attempts, row.last_error = "pending", 0, None
                row.next_attempt_at = datetime(1970, 1, 1, tzinfo=timezone.utc)
                s.add(row)
                audit(s, action="outbox.retry", subject=row.id)
        typer.echo(f"queued again: {len(ids)}")

    @app.command("demo")
    @user_errors
    def demo(directory: Path = typer.Option(Path("var/demo"), "--dir", help="where the demo keeps its database and mail"),
             start: str = typer.Option("2025-01-01", "--from", help="first day replayed"),
             days: int = typer.Option(365, "--days", help="how many daily sweeps to replay")) -> None:
        """Try dondoc with nothing installed: a built-in mailbox, a sample dispatch and directory,
        a year of daily sweeps replayed with --as-of, the emails left as .eml files.

        Example: dondoc demo --dir var/demo
        """
        from dondoc.demo import run_demo

        run_demo(directory=directory, start=parse_day(start, option="--from") or date(2025, 1, 1), days=days,
                 console=console)

    @app.command("serve")
    @user_errors
    def serve() -> None:
        """Serve the daily sweep as a Prefect deployment, cron 07:00 Asia/Ho_Chi_Minh (needs PREFECT_API_URL).

        Example: PREFECT_API_URL=http://127.0.0.1:4200/api dondoc serve
        """
        from flows.serve import serve_daily

        serve_daily()

    @app.command("run")
    @user_errors
    def run(once: bool = typer.Option(False, "--once", help="run one sweep now and exit")) -> None:
        """Embedded mode: APScheduler runs the daily sweep at 07:00 local, its job store in the same database.

        Example: dondoc run
        """
        from dondoc.embedded import run_embedded

        ready_engine()
        run_embedded(settings(), once=once)
