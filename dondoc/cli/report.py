"""`dondoc report`: reports (and actions) the owners finished, one at a time or from a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from dondoc.cli.app import ACTOR_HELP, app, as_of_or_today, cli_actor, console, ready_engine, settings, user_errors
from dondoc.i18n import N_, _, ngettext

report_app = typer.Typer(no_args_is_help=True, help=N_("Reports and actions the owners finished; waivers."))
app.add_typer(report_app, name="report")


def _verdict(at: date, due: date) -> str:
    late = (at - due).days
    return _("on time") if late <= 0 else ngettext("{n} day late", "{n} days late", late).format(n=late)


@report_app.command("submit")
@user_errors
def report_submit(task: str = typer.Option(..., "--task", help=N_("the task's key, e.g. 8.R1")),
                  dispatch: str = typer.Option(..., "--dispatch", help=N_("số hiệu or dispatch id")),
                  org: str = typer.Option(..., "--org", help=N_("the reporting organisation's code")),
                  period: str = typer.Option(None, "--period", help=N_("e.g. 2025-H1; default: the earliest open one")),
                  at: str = typer.Option(None, "--at", help=N_("the day it was received (default: today)")),
                  doc: str = typer.Option(None, "--doc", help=N_("the report sent: 'Báo cáo số 45/BC-CA ngày 12/6/2025'")),
                  note: str = typer.Option(None, "--note", help=N_("a short note")),
                  actor: str = typer.Option(None, "--actor", help=N_("who records it (default: the OS user)"))) -> None:
    """Record that an organisation sent its report (or finished its action) for a period: reports
    and actions are recorded the same way, and reminders and the escalation ladder stop for it at once.

    Example: dondoc report submit --task 8.R1 --dispatch 7294/UBND-VP --org ca-tinh --period 2025-H1 --at 2025-06-12 --doc "Báo cáo số 45/BC-CA ngày 12/6/2025"
    """
    from dondoc.app import answers
    from dondoc.app.steps import materialise_step

    day = as_of_or_today(at, option="--at")
    engine = ready_engine()
    materialise_step(settings(), day)
    occ_id = answers.find_occurrence(engine, dispatch=dispatch, key=task, org=org, period=period, at=day)
    done = answers.complete(engine, occurrence_id=occ_id, org=org, document=doc, note=note, actor=cli_actor(actor),
                            at=day)
    if done.already:
        typer.echo(_("unchanged: {org} was already recorded as done with item {task} period {period} on {day}")
                   .format(org=org, task=task, period=done.period, day=f"{day:%d/%m/%Y}"))
        return
    typer.echo(_("recorded: {org} did item {task} period {period} on {day} ({verdict}; due {due})").format(
        org=org, task=task, period=done.period, day=f"{day:%d/%m/%Y}", verdict=_verdict(day, done.due),
        due=f"{done.due:%d/%m/%Y}"))


@report_app.command("import")
@user_errors
def report_import(file: Path = typer.Argument(..., help=N_("a .csv or .xlsx table of receipts")),
                  dry_run: bool = typer.Option(False, "--dry-run", help=N_("show what would change; record nothing")),
                  actor: str = typer.Option(None, "--actor", help=N_("who records it (default: the OS user)"))) -> None:
    """Record many receipts at once from a table: columns dispatch, key, org, period, date, document
    (or văn bản, mục, đơn vị, kỳ, ngày, số báo cáo; period, document and note/ghi chú are optional).

    All rows or none: a bad row names its line and column, and nothing is recorded.

    Example: dondoc report import bao-cao-da-nhan.xlsx --dry-run
    """
    from rich.table import Table

    from dondoc.app.receipts import import_receipts
    from dondoc.app.steps import local_today, materialise_step
    from dondoc.ingest.receipts import read_receipts

    rows = read_receipts(file)
    engine = ready_engine()
    for day in sorted({min(r.at for r in rows), local_today(settings())}):
        materialise_step(settings(), day)
    results = import_receipts(engine, rows, path=file, actor=cli_actor(actor), dry_run=dry_run)
    title = ngettext("{file}: {n} row", "{file}: {n} rows", len(results)).format(file=file.name, n=len(results)) + (
        _(" (dry run: nothing recorded)") if dry_run else "")
    t = Table(_("row"), _("dispatch"), _("item"), _("organisation"), _("period"), _("date"), _("report number"), _("due"),
              _("verdict"), _("change"), title=title)
    verb = _("will record") if dry_run else _("recorded")
    for r in results:
        t.add_row(str(r.line), r.dispatch, r.key, r.org, r.period, f"{r.at:%d/%m/%Y}", r.document or "",
                  f"{r.due:%d/%m/%Y}", _verdict(r.at, r.due), verb if r.changed else _("unchanged (recorded before)"))
    console.print(t)
    changed = sum(r.changed for r in results)
    typer.echo(_("{verb} {n} rows, {before} rows recorded before").format(verb=verb, n=changed,
                                                                        before=len(results) - changed))


@report_app.command("waive")
@user_errors
def report_waive(task: str = typer.Option(..., "--task", help=N_("the task's key, e.g. 3.R1")),
                 dispatch: str = typer.Option(..., "--dispatch", help=N_("số hiệu or dispatch id")),
                 org: str = typer.Option(..., "--org", help=N_("the owner's code")),
                 period: str = typer.Option(None, "--period", help=N_("e.g. 2025-H1; default: the earliest open one")),
                 reason: str = typer.Option(..., "--reason", help=N_("why the issuer waived it (lý do miễn)")),
                 by: str = typer.Option(None, "--by", help=N_("the issuer's document, if any")),
                 actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Record that the issuer waived an owner's work for a period (miễn): reminders and the ladder stop,
    and the board no longer counts it.

    Example: dondoc report waive --task 3.R1 --dispatch 125/UBND-NC --org hoi-nd --period 2025-H1 --reason "Đã báo cáo chung với Ủy ban MTTQ tỉnh"
    """
    from dondoc.app.steps import materialise_step
    from dondoc.store.db import session_scope
    from dondoc.store.lookup import find_occurrence
    from dondoc.store.progress import waive

    ready_engine()
    materialise_step(settings(), as_of_or_today(None))
    with session_scope(ready_engine()) as s:
        occ = find_occurrence(session=s, dispatch=dispatch, task=task, org=org, period=period)
        if occ.status != "open":
            typer.echo(_("period {period} of {org} is no longer open ({status}): nothing to waive")
                       .format(period=occ.period, org=org, status=occ.status), err=True)
            raise typer.Exit(1)
        waive(session=s, occurrence=occ, reason=reason, actor=cli_actor(actor), document=by)
    typer.echo(_("waived: {org}, task {task}, period {period} (reason: {reason})").format(
        org=org, task=task, period=occ.period, reason=reason))
