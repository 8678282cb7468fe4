"""`dondoc report`: reports sent by the owners."""

from __future__ import annotations

import typer
from sqlmodel import col, select

from dondoc.cli.app import app, as_of_or_today, ready_engine, settings, user_errors
from dondoc.errors import NotFoundError

report_app = typer.Typer(no_args_is_help=True, help="Reports sent by the owners.")
app.add_typer(report_app, name="report")


@report_app.command("submit")
@user_errors
def report_submit(task: str = typer.Option(..., "--task", help="the task's key, e.g. 8.R1"),
                  dispatch: str = typer.Option(..., "--dispatch", help="số hiệu or dispatch id"),
                  org: str = typer.Option(..., "--org", help="the reporting organisation's code"),
                  period: str = typer.Option(None, "--period", help="e.g. 2025-H1; default: the earliest open one"),
                  at: str = typer.Option(None, "--at", help="the day it was received (default: today)")) -> None:
    """Record that an organisation sent its report for a period.

    Example: dondoc report submit --task 8.R1 --dispatch 7294/UBND-VP --org ca-tinh --period 2025-H1 --at 2025-06-12
    """
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.repo import audit, find_dispatch
    from dondoc.store.sweep import submit

    from dondoc.app.steps import materialise_step

    day = as_of_or_today(at)
    ready_engine()
    materialise_step(settings(), day)
    with session_scope(ready_engine()) as s:
        d = find_dispatch(session=s, ref=dispatch)
        t = s.exec(select(m.Task).where(m.Task.dispatch_id == d.id, m.Task.key == task)).first()
        if t is None:
            raise NotFoundError(f"task {task!r} not in dispatch {dispatch!r}")
        q = select(m.Occurrence).where(m.Occurrence.task_id == t.id, m.Occurrence.org_code == org)
        if period:
            q = q.where(m.Occurrence.period == period)
        else:
            q = q.where(m.Occurrence.status == "open")
        occ = s.exec(q.order_by(col(m.Occurrence.effective_due))).first()
        if occ is None:
            raise NotFoundError(f"no {'occurrence ' + period if period else 'open occurrence'} of task {task!r} for {org!r}")
        submit(session=s, occurrence=occ, at=day)
        audit(s, action="report.submit", subject=f"{d.number or d.id}#{task}", detail={"org": org, "period": occ.period, "at": day.isoformat()})
        late = (day - occ.effective_due).days
    verdict = "on time" if late <= 0 else f"{late} days late"
    typer.echo(f"recorded: {org} reported task {task} for {occ.period} on {day:%d/%m/%Y} ({verdict}; due {occ.effective_due:%d/%m/%Y})")
