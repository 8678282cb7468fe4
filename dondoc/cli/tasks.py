"""`dondoc load` and `dondoc tasks`: store a task set, list the tracked tasks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import typer
from rich.table import Table
from sqlmodel import col, select

from dondoc.cli.app import app, as_of_or_today, console, parse_day, print_json, ready_engine, settings, user_errors
from dondoc.errors import DondocError

if TYPE_CHECKING:
    from dondoc.schedule.plan import Bucket

tasks_app = typer.Typer(no_args_is_help=True, help="Tracked tasks and their occurrences.")
app.add_typer(tasks_app, name="tasks")


class _OwnerRow(TypedDict):
    name: str
    org: str | None


class _OccurrenceRow(TypedDict):
    id: int | None
    org: str
    period: str
    stated_due: date
    effective_due: date
    status: str
    bucket: Bucket | None


class _NextDue(TypedDict):
    stated: date
    effective: date


class _TaskRow(TypedDict):
    dispatch: str
    key: str
    kind: str
    repeat: str
    title: str
    lead: list[_OwnerRow]
    support: list[_OwnerRow]
    occurrences: list[_OccurrenceRow]
    next_due: _NextDue | None



@app.command("load")
@user_errors
def load(file: Path = typer.Argument(..., help="a task-set YAML written by `dondoc ingest`"),
         replace: bool = typer.Option(False, "--replace", help="replace a loaded, different version"),
         received: str = typer.Option(None, "--received",
                                      help="the day it arrived (YYYY-MM-DD): relative deadlines count from it; "
                                           "default the dispatch's date")) -> None:
    """Validate a task set and store it; loading the same file again changes nothing.

    Owners are resolved against the stored directory as of the dispatch's date; names that
    resolve to nothing are kept and listed.

    Example: dondoc load cv-6711.yaml
    """
    from dondoc.store.db import session_scope
    from dondoc.store.repo import load_taskset, stored_directory
    from dondoc.taskset import load_yaml

    ts = load_yaml(file)
    if not ts.tasks:
        raise DondocError(f"{file}: the task set has no task")
    with session_scope(ready_engine()) as s:
        res = load_taskset(session=s, ts=ts, directory=stored_directory(session=s), path=str(file), replace=replace,
                           received_on=parse_day(received, option="--received"))
    carried = f", {res.carried} received reports carried over" if res.status == "replaced" else ""
    typer.echo(f"{file}: {res.status} (dispatch {res.dispatch_id[:8]}, {res.tasks} tasks{carried})")
    for key, name in res.unresolved:
        typer.echo(f"  unresolved owner in task {key}: {name!r} (kept; add it to the directory and load with --replace)")


@tasks_app.command("list")
@user_errors
def tasks_list(as_json: bool = typer.Option(False, "--json", help="print JSON"),
               as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)"),
               ) -> None:
    """List tasks with their owners and the occurrences around a day, with stated and effective due dates.

    Example: dondoc tasks list --as-of 2025-06-10
    """
    from dondoc.app.steps import materialise_step
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.schedule.plan import bucket

    day = as_of_or_today(as_of)
    ready_engine()
    materialise_step(settings(), day)
    with session_scope(ready_engine()) as s:
        q = (select(m.Task, m.Dispatch).join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
             .where(m.Task.active == True).order_by(col(m.Dispatch.loaded_at), col(m.Task.id)))  # noqa: E712
        rows = s.exec(q).all()
        owners = s.exec(select(m.TaskOwner)).all()
        occs = s.exec(select(m.Occurrence).where(m.Occurrence.status != "cancelled")
                      .order_by(col(m.Occurrence.effective_due))).all()
    data: list[_TaskRow] = []
    for task, d in rows:
        own = [o for o in owners if o.task_id == task.id]
        mine = [o for o in occs if o.task_id == task.id]
        nxt = [o for o in mine if o.effective_due >= day]
        data.append({
            "dispatch": d.number or d.id[:8], "key": task.key, "kind": task.kind, "repeat": task.repeat,
            "title": task.title,
            "lead": [{"name": o.name, "org": o.org_code} for o in own if o.role == "lead"],
            "support": [{"name": o.name, "org": o.org_code} for o in own if o.role == "support"],
            "occurrences": [{"id": o.id, "org": o.org_code, "period": o.period, "stated_due": o.stated_due,
                             "effective_due": o.effective_due, "status": o.status,
                             "bucket": bucket(effective_due=o.effective_due, status=o.status,
                                              submitted_at=o.submitted_at, as_of=day)}
                            for o in mine if o.effective_due <= day + timedelta(days=400)],
            "next_due": {"stated": nxt[0].stated_due, "effective": nxt[0].effective_due} if nxt else None,
        })
    if as_json:
        print_json(data)
        return
    from dondoc.schedule.words import repeat_phrase

    t = Table("văn bản", "mục", "loại", "chu kỳ", "chủ trì", "hạn ghi", "hạn hiệu lực", "tình trạng", title=f"Nhiệm vụ — {day:%d/%m/%Y}")
    for row, (task, _) in zip(data, rows):
        lead = ", ".join((o["org"] or f"? {o['name']}") for o in row["lead"]) or "(chưa rõ)"
        open_ = [o for o in row["occurrences"] if o["bucket"] in ("open", "overdue")]
        status = f"{sum(o['bucket'] == 'overdue' for o in open_)} quá hạn, {sum(o['bucket'] == 'open' for o in open_)} trong hạn" if open_ else ""
        nd = row["next_due"]
        t.add_row(str(row["dispatch"]), row["key"], row["kind"], repeat_phrase(task.repeat, task.due), lead[:60],
                  f"{nd['stated']:%d/%m/%Y}" if nd else "", f"{nd['effective']:%d/%m/%Y}" if nd else "", status)
    console.print(t)
