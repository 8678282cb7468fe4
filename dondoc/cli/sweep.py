"""`dondoc remind`, `escalate`, `board`, `demo`, `serve`, `run`: the sweep from the command line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import typer

from dondoc.cli.app import (LAST_YEAR, app, as_of_or_today, console, demo_database, fail, parse_day, print_json,
                            progress, ready_engine, settings, user_errors)
from dondoc.i18n import N_, _, ngettext, pgettext

SUMMARY_ROWS = 12  # one screen: the recipients shown by name, failures first; the rest are counted

# the board's columns (dondoc.app.board.COLUMNS's keys) in the user's language
BOARD_COLUMNS = {"org_name": N_("Organisation"), "on_time": N_("Done on time"), "late": N_("Done late"),
                 "open": N_("In progress, not yet due"), "overdue": N_("Overdue, not done"), "rate": N_("On-time rate"),
                 "unacknowledged": N_("Receipt not acknowledged")}


def _board_caption(against: str) -> str:
    """How the on-time rate is computed, and which deadline "on time" is judged against (dondoc.app.board.caption)."""
    judged = _("the extended deadline (if any)") if against == "extended" else _("the original deadline (extensions not counted)")
    return _("On-time rate = done on time / (done on time + done late + overdue, not done); an organisation with work "
             "due and none of it done is 0%; “—”: nothing due yet. On time is judged against {judged}.").format(judged=judged)


def _summary(ids: list[str], delivered: dict[str, Any] | None, *, title: str,
             no_address: list[str] = ()) -> None:  # type: ignore[assignment]
    """One screen: what was sent, to whom, and what failed (the full list: `dondoc outbox list`)."""
    from rich.table import Table
    from sqlmodel import col, select

    from dondoc.store import digest_parts
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    counts = ""
    if delivered is not None:
        counts = _(": sent {sent}, to retry {retry}, failed {failed}").format(
            sent=delivered["sent"], retry=delivered["retry"], failed=delivered["failed"])
    if not ids:
        earlier = delivered is not None and any(delivered[k] for k in ("sent", "retry", "failed"))
        typer.echo(_("{title}: no new mail").format(title=title)
                   + (_(" (mail from before{counts})").format(counts=counts) if earlier else ""))
    else:
        with session_scope(ready_engine()) as s:
            rows = s.exec(select(m.Outbox).where(col(m.Outbox.id).in_(ids))).all()
            parts = digest_parts.for_payloads(s.connection(), [r.payload for r in rows])
        order = {"failed": 0, "pending": 1, "sending": 2, "sent": 3}
        rows = sorted(rows, key=lambda r: (order.get(r.status, 9), r.recipient_email))
        t = Table(_("recipient"), _("organisation"), _("content"), _("state"), title=f"{title}{counts}")
        for r in rows[:SUMMARY_ROWS]:
            items = digest_parts.items_of(r.payload, parts)
            what = "; ".join(_item_label(i) for i in items[:3]) + (f" (+{len(items) - 3})" if len(items) > 3 else "")
            t.add_row(r.recipient_email, r.payload.get("org_name", ""), what,
                      _(_STATUS[r.status]) if r.status in _STATUS else r.status)
        console.print(t)
        if len(rows) > SUMMARY_ROWS:
            more = len(rows) - SUMMARY_ROWS
            typer.echo(ngettext("… and {n} other recipient (see: dondoc outbox list)",
                                "… and {n} other recipients (see: dondoc outbox list)", more).format(n=more))
    for line in no_address:
        typer.echo(_("  not sent (no address): {who}").format(who=line), err=True)
    if delivered is None:
        return
    if delivered.get("taken_over"):
        n = delivered["taken_over"]
        typer.echo(ngettext("took over {n} message that an earlier sending stopped halfway",
                            "took over {n} messages that an earlier sending stopped halfway", n).format(n=n), err=True)
    if delivered.get("stopped_early"):
        typer.echo(_("stopped sending halfway (the hold on the messages could not be renewed in time): the rest "
                     "waits for the next sending"), err=True)
    if delivered.get("held_for_quiet_hours"):
        typer.echo(_("outside sending hours: mail waits until {hour}:00").format(hour=f"{settings().quiet_start:02d}"),
                   err=True)
    if delivered["failed"] or delivered["refused"]:
        refused = delivered["refused"]
        shown = ", ".join(refused[:5]) + (f" (+{len(refused) - 5})" if len(refused) > 5 else "")
        typer.echo(_("  refused: {who} (see: dondoc outbox list --failed)").format(who=shown), err=True)


_STATUS = {"sent": N_("sent"), "pending": N_("waiting"), "sending": N_("sending"), "failed": N_("failed")}


def _notice_kind(kind: str) -> str:
    """What a notice is called in a summary (dondoc.app.board.KIND_VI's words, in the user's language)."""
    names = {"reminder": pgettext("notice", "reminder"), "observance": pgettext("notice", "observance"),
             "overdue": pgettext("notice", "overdue"), "escalation": pgettext("notice", "escalation"),
             "failure": pgettext("notice", "mail failure"), "unassigned": pgettext("notice", "unassigned"),
             "ack": pgettext("notice", "acknowledgement reminder")}
    return names.get(kind, kind)


def _item_label(i: dict[str, Any]) -> str:
    due = date.fromisoformat(i["due_effective"]) if i.get("due_effective") else None
    what = i.get("observance_name") or _("{dispatch}, item {key}").format(
        dispatch=i.get("dispatch_number") or _("unnumbered dispatch"), key=i["task_key"])
    return f"{_notice_kind(i['kind'])}: {what}" + (f" ({due:%d/%m/%Y})" if due else "")


def _sweep(day: date, as_of: str | None, kinds: set[str], dry_run: bool, title: str) -> None:
    from rich.table import Table
    from sqlmodel import col, select

    from dondoc.app import steps as service
    from dondoc.store import digest_parts
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.sweep import plan_notices

    s_ = settings()
    ready_engine()
    with progress(_("Making the occurrences")) as bar:
        service.materialise_step(s_, day)
        if dry_run:
            bar.update(description=_("Listing the mail (dry run)"))
            with session_scope(service.engine(s_)) as s:
                rep = plan_notices(session=s, ctx=service.context(s_, day), kinds=kinds)
                rows = s.exec(select(m.Outbox).where(col(m.Outbox.id).in_(rep.outbox_ids))).all()
                parts = digest_parts.for_payloads(s.connection(), [r.payload for r in rows])
                t = Table(_("recipient"), _("organisation"), _("content"),
                          title=_("{title} (dry run: nothing stored, nothing sent)").format(title=title))
                for r in rows:
                    t.add_row(r.recipient_email, r.payload.get("org_name", ""),
                              "; ".join(_item_label(i) for i in digest_parts.items_of(r.payload, parts)))
                s.rollback()
        else:
            bar.update(description=_("Listing the mail"))
            planned = service.plan_step(s_, day, kinds)
            bar.update(description=_("Sending the mail"))
            delivered = service.deliver_step(s_, parse_day(as_of),
                                             on_progress=lambda done, total: bar.update(completed=done, total=total))
    if dry_run:
        console.print(t)
        return
    _summary(planned["outbox_ids"], delivered, title=title, no_address=planned["no_address"])


@app.command("remind")
@user_errors
def remind(as_of: str = typer.Option(None, "--as-of", help=N_("the day (default: today in Asia/Ho_Chi_Minh)")),
           dry_run: bool = typer.Option(False, "--dry-run", help=N_("show what would be sent; store and send nothing"))) -> None:
    """Materialise occurrences, plan reminders and observance notices, and send one digest per recipient.

    Running it again for the same day sends nothing new.

    Example: dondoc remind --as-of 2025-06-10
    """
    from dondoc.app.steps import REMIND_KINDS

    day = as_of_or_today(as_of)
    _sweep(day, as_of, REMIND_KINDS, dry_run, _("Reminders of {day}").format(day=f"{day:%d/%m/%Y}"))
    if not settings().links_enabled:
        typer.echo(_("note: the mail carries no answer links yet (“Received”, “Done / report sent”): set "
                     "DONDOC_SECRET_KEY and DONDOC_PUBLIC_URL, see the README"))

@app.command("escalate")
@user_errors
def escalate(as_of: str = typer.Option(None, "--as-of", help=N_("the day (default: today in Asia/Ho_Chi_Minh)")),
             dry_run: bool = typer.Option(False, "--dry-run", help=N_("show what would be sent"))) -> None:
    """Chase late work (reports and actions alike) up the escalation ladder of config/escalation.yaml:
    the owner's coordinator, the owner's head, the supervising organisation's head, the issuer's office,
    each rung once, counted in working days after the deadline (the extended one when granted).

    Example: dondoc escalate --as-of 2025-06-20
    """
    from dondoc.app.steps import ESCALATE_KINDS

    day = as_of_or_today(as_of)
    _sweep(day, as_of, ESCALATE_KINDS, dry_run, _("Overdue work and escalations of {day}").format(day=f"{day:%d/%m/%Y}"))

@app.command("board")
@user_errors
def board(as_of: str = typer.Option(None, "--as-of", help=N_("the day (default: today in Asia/Ho_Chi_Minh)")),
          as_json: bool = typer.Option(False, "--json", help=N_("print JSON"))) -> None:
    """The compliance board: per organisation, on time / late / open / overdue, the on-time rate (the caption
    says how it is computed) and the tasks not yet acknowledged; then the tasks no office is reminded of
    yet (chưa xác định đơn vị), with their count.

    Example: dondoc board --as-of 2025-12-31
    """
    from rich.table import Table

    from dondoc.app import steps as service
    from dondoc.app.board import COLUMNS, board_table
    from dondoc.cli.app import say_where_the_data_is

    day = as_of_or_today(as_of)
    ready_engine()
    with progress(_("Making the occurrences")) as bar:
        service.materialise_step(settings(), day)
        bar.update(description=_("Drawing up the board"))
        rows = service.board_step(settings(), day)
    if as_json:
        print_json(rows)
        return
    waiting = service.unassigned_step(settings())
    if not rows and not waiting:
        say_where_the_data_is(_("No tasks in the database {database} yet."), f"board --as-of {day.isoformat()}")
        return
    if rows:
        t = Table(*(_(BOARD_COLUMNS[k]) if k in BOARD_COLUMNS else v for k, v in COLUMNS.items()),
                  title=_("How the tasks stand on {day}").format(day=f"{day:%d/%m/%Y}"),
                  caption=_board_caption(settings().on_time_against))
        table = board_table(rows)
        for n, r in enumerate(table):
            cells = [str(v) for v in r.values()]
            if n == len(rows):  # board_table's last row adds the others up
                cells[0] = _("Total")
            t.add_row(*cells)
        console.print(t)
    if waiting:  # tasks no office is reminded of: never out of sight
        u = Table(_("dispatch"), _("item"), _("task"), _("lead as the dispatch writes it"),
                  title=ngettext("Unassigned: {n} task (assign with dondoc tasks assign)",
                                 "Unassigned: {n} tasks (assign with dondoc tasks assign)", len(waiting))
                  .format(n=len(waiting)))
        for w in waiting:
            u.add_row(str(w["dispatch"]), w["key"], w["title"][:80], ", ".join(w["names"]) or _("(none written)"))
        console.print(u)

@app.command("demo")
@user_errors
def demo(directory: Path = typer.Option(None, "--dir", show_default=False,
                                        help=N_("where the demo keeps its database and mail (default: var/demo in the "
                                             "project; emptied first)")),
         start: str = typer.Option("2025-01-01", "--from", help=N_("first day replayed")),
         days: int = typer.Option(365, "--days", help=N_("how many daily sweeps to replay (1–3660)"))) -> None:
    """Try dondoc with nothing installed: a built-in mailbox, a sample dispatch and directory,
    a year of daily sweeps replayed day by day, the emails left as .eml files.

    The demo keeps its own database (var/demo/demo.db), apart from the default one; it ends
    with the commands that show its data.

    Example: dondoc demo --dir var/demo
    """
    from dondoc.app.demo import run_demo

    first = parse_day(start, option="--from") or date(2025, 1, 1)
    if not 1 <= days <= 3660:
        fail(_('--days "{days}" must be from 1 to 3660').format(days=days), 2)
    last = first + timedelta(days=days - 1)
    if last.year > LAST_YEAR:
        fail(_("--from {first} --days {days} goes beyond the year {last}").format(first=first.isoformat(), days=days,
                                                                                  last=LAST_YEAR), 2)
    folder = directory if directory is not None else demo_database().parent
    with progress(_("Demo: one sweep a day"), total=days) as bar:
        db = run_demo(directory=folder, start=first, days=days, console=console, on_day=lambda day: bar.advance())
    shown = _relative(db)
    console.print(_("See the demo's data next (a database of its own, not var/dondoc.db):"))
    for command in (f"tasks list --as-of {last.isoformat()}", f"board --as-of {last.isoformat()}", "outbox list"):
        console.print(f"  dondoc --db {shown} {command}", highlight=False)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)

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
def run(once: bool = typer.Option(False, "--once", help=N_("run one sweep now, print what it sent, and exit")),
        as_of: str = typer.Option(None, "--as-of", help=N_("with --once: the day swept (default: today)")),
        ) -> None:
    """Embedded mode: APScheduler runs the daily sweep at 07:00 local, its job store in the same database.

    With --once it runs one sweep now and ends with a one-screen summary: what it sent, to whom,
    and what failed.

    Example: dondoc run
    Example: dondoc run --once --as-of 2025-06-10
    """
    from dondoc.app.embedded import run_embedded

    from dondoc.app.steps import escalation

    day = parse_day(as_of)
    if day is not None and not once:
        fail(_("--as-of goes with --once (one sweep for that day)"), 2)
    ready_engine()
    escalation(settings())  # a bad config/escalation.yaml stops the start, not the first sweep
    result = run_embedded(settings(), once=once, as_of=day)
    if once and result:
        day = date.fromisoformat(result["as_of"])
        planned = result.get("planned") or {}
        _summary(planned.get("outbox_ids", []), result.get("delivered"), title=_("Sweep of {day}").format(day=f"{day:%d/%m/%Y}"),
                 no_address=planned.get("no_address", []))
