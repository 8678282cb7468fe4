"""`dondoc extend`: deadline extensions (gia hạn) granted by the issuer, and requests approved or refused."""

from __future__ import annotations

import typer

from dondoc.cli.app import (ACTOR_HELP, cli_actor, app, as_of_or_today, console, parse_day, print_json,
                            ready_engine, settings, user_errors)
from dondoc.errors import DondocError
from dondoc.i18n import N_, _


@app.command("extend")
@user_errors
def extend(occurrence: int = typer.Argument(None, help=N_("an occurrence id (see `dondoc tasks list --json`)")),
           task: str = typer.Option(None, "--task", help=N_("or: the task's key, e.g. 3.R1")),
           dispatch: str = typer.Option(None, "--dispatch", help=N_("… of this dispatch (số hiệu or id)")),
           org: str = typer.Option(None, "--org", help=N_("… owned by this organisation")),
           period: str = typer.Option(None, "--period", help=N_("… for this period (default: its earliest open one)")),
           to: str = typer.Option(None, "--to", help=N_("the new deadline, as granted (YYYY-MM-DD)")),
           reason: str = typer.Option(None, "--reason", help=N_("why (lý do gia hạn); with --refuse: why not")),
           by: str = typer.Option(None, "--by", help=N_("the issuer's document granting it, e.g. \"Công văn số 12/UBND-VP ngày 10/6/2025\"")),
           list_: bool = typer.Option(False, "--list", help=N_("list the requests waiting for a decision")),
           all_: bool = typer.Option(False, "--all", help=N_("with --list: decided ones too")),
           approve: int = typer.Option(None, "--approve", help=N_("grant request ID to the date it asks for")),
           refuse: int = typer.Option(None, "--refuse", help=N_("refuse request ID (give --reason)")),
           as_json: bool = typer.Option(False, "--json", help=N_("with --list: print JSON")),
           actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Extend a deadline (gia hạn) as the issuer granted it; the original deadline stays recorded.

    Reminders and the escalation ladder follow the new date (Điều 148 applies to it); the board
    judges on-time against the extended date or the original one (setting on_time_against);
    `dondoc explain` shows both. Requests sent from the web page are listed with --list and
    decided with --approve ID or --refuse ID --reason TEXT.

    Example: dondoc extend --task 3.R1 --dispatch 125/UBND-NC --org hoi-nd --to 2025-06-30 --reason "Chờ số liệu quý II" --by "Công văn số 12/UBND-VP ngày 12/6/2025"
    Example: dondoc extend --list
    Example: dondoc extend --approve 3
    """
    from dondoc.app.steps import work_calendar
    from dondoc.store import extensions as ext
    from dondoc.store.db import session_scope
    from dondoc.store.lookup import find_occurrence, occurrence_by_id

    who = cli_actor(actor)
    cal = work_calendar(settings())
    modes = sum(bool(x) for x in (list_, approve is not None, refuse is not None, to or occurrence is not None or task))
    if modes != 1:
        raise DondocError(_("choose one thing: an extension (OCCURRENCE or --task/--dispatch/--org, with --to), "
                            "--list, --approve ID or --refuse ID"))
    if list_:
        _list(all_, as_json)
        return
    if task:
        from dondoc.app.steps import materialise_step

        ready_engine()
        materialise_step(settings(), as_of_or_today(None))
    with session_scope(ready_engine()) as s:
        if approve is not None:
            row = ext.approve(session=s, extension_id=approve, actor=who, cal=cal, document=by)
            typer.echo(_("granted extension request {id}: new deadline {due} (occurrence {occurrence})").format(
                id=row.id, due=f"{row.to_due:%d/%m/%Y}", occurrence=row.occurrence_id))
            return
        if refuse is not None:
            if not reason:
                raise DondocError(_("--refuse needs --reason (why it is refused)"))
            row = ext.refuse(session=s, extension_id=refuse, actor=who, reason=reason)
            typer.echo(_("refused extension request {id} (occurrence {occurrence}); the deadline stays").format(
                id=row.id, occurrence=row.occurrence_id))
            return
        new = parse_day(to, option="--to")
        if new is None:
            raise DondocError(_("--to: give the new deadline (YYYY-MM-DD)"))
        if not reason or not by:
            raise DondocError(_("an extension needs --reason (why) and --by (the document granting it)"))
        if occurrence is not None:
            occ = occurrence_by_id(session=s, occurrence_id=occurrence)
        else:
            if not (task and dispatch and org):
                raise DondocError(_("give OCCURRENCE, or all of --task, --dispatch and --org"))
            occ = find_occurrence(session=s, dispatch=dispatch, task=task, org=org, period=period)
        original = occ.effective_due
        row = ext.grant(session=s, occurrence=occ, to_due=new, reason=reason, document=by, actor=who, cal=cal)
        effective = occ.extended_effective_due
    moved = _(" (effective {day}, Điều 148)").format(day=f"{effective:%d/%m/%Y}") if effective and effective != new else ""
    typer.echo(_("extended occurrence {id} ({org}, period {period}) to {day}{moved}; original deadline {original}; "
                 "by {document}").format(id=row.occurrence_id, org=occ.org_code, period=occ.period,
                                         day=f"{new:%d/%m/%Y}", moved=moved, original=f"{original:%d/%m/%Y}", document=by))


def _list(include_decided: bool, as_json: bool) -> None:
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.extensions import pending

    with session_scope(ready_engine()) as s:
        rows = pending(session=s, include_decided=include_decided)
        occs = {o.id: o for o in s.exec(select(m.Occurrence).where(col(m.Occurrence.id).in_({r.occurrence_id for r in rows}))).all()}
        tasks = {t.id: t for t in s.exec(select(m.Task).where(col(m.Task.id).in_({o.task_id for o in occs.values()}))).all()}
        dispatches = {d.id: d for d in s.exec(select(m.Dispatch).where(col(m.Dispatch.id).in_({t.dispatch_id for t in tasks.values()}))).all()}
    data = []
    for r in rows:
        occ = occs.get(r.occurrence_id)
        task = tasks.get(occ.task_id) if occ else None
        d = dispatches.get(task.dispatch_id) if task else None
        data.append({"id": r.id, "occurrence": r.occurrence_id, "org": occ.org_code if occ else None,
                     "dispatch": (d.number or d.id[:8]) if d else None, "task": task.key if task else None,
                     "period": occ.period if occ else None, "from": r.from_due.isoformat(), "to": r.to_due.isoformat(),
                     "reason": r.reason, "status": r.status, "requested_by": r.requested_by,
                     "requested_at": r.requested_at.isoformat() if r.requested_at else None,
                     "decided_by": r.decided_by})
    if as_json:
        print_json(data)
        return
    if not data:
        typer.echo(_("no extension request is waiting for a decision"))
        return
    states = {"requested": _("awaiting a decision"), "granted": _("granted"), "refused": _("refused")}
    from rich.table import Table

    t = Table(_("number"), _("organisation"), _("dispatch · item"), _("period"), _("current deadline"), _("asked until"),
              _("reason"), _("asked by"), _("status"), title=_("Extension requests"))
    for row in data:
        t.add_row(str(row["id"]), str(row["org"] or ""), f"{row['dispatch']} · {row['task']}", str(row["period"] or ""),
                  _day(str(row["from"])), _day(str(row["to"])), str(row["reason"]), str(row["requested_by"] or ""),
                  states.get(str(row["status"]), str(row["status"])))
    console.print(t)


def _day(iso: str) -> str:
    y, mth, d = iso.split("-")
    return f"{d}/{mth}/{y}"
