"""`dondoc load`: validate a task set and store it, saying what could not be placed."""

from __future__ import annotations

from pathlib import Path

import typer

from dondoc.cli.app import ACTOR_HELP, app, cli_actor, parse_day, ready_engine, user_errors
from dondoc.errors import DondocError
from dondoc.i18n import N_, _, ngettext


@app.command("load")
@user_errors
def load(file: Path = typer.Argument(..., help=N_("a task-set YAML written by `dondoc ingest`")),
         replace: bool = typer.Option(False, "--replace", help=N_("replace a loaded, different version")),
         received: str = typer.Option(None, "--received",
                                      help=N_("the day it arrived: relative deadlines count from it; "
                                           "default the dispatch's date")),
         allow_unassigned: bool = typer.Option(
             False, "--allow-unassigned",
             help=N_("store tasks whose lead matches no organisation as unassigned (chưa xác định đơn vị): "
                  "the board lists them and the admins hear of them weekly until `dondoc tasks assign`")),
         actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Validate a task set and store it; loading the same file again changes nothing.

    Owners are resolved against the stored directory as of the dispatch's date. A lead owner that
    matches no organisation, a task with no lead, or an `org:` code the directory lacks refuses the
    whole file (nothing is stored) with the closest codes, unless --allow-unassigned; a support
    owner that matches nothing is kept and listed.

    Example: dondoc load cv-6711.yaml --allow-unassigned
    """
    from sqlmodel import select

    from dondoc.bounds import date_problem
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.repo import load_taskset, stored_directory
    from dondoc.taskset import load_yaml

    ts = load_yaml(file)
    if not ts.tasks:
        raise DondocError(_("{file}: the file holds no task").format(file=file))
    received_on = parse_day(received, option="--received")
    if received_on is not None and (why := date_problem(received_on)):
        raise DondocError(f"--received: {why}")
    with session_scope(ready_engine()) as s:
        directory = stored_directory(session=s)
        res = load_taskset(session=s, ts=ts, directory=directory, path=str(file), replace=replace,
                           received_on=received_on, allow_unassigned=allow_unassigned,
                           actor=cli_actor(actor))
        admins = s.exec(select(m.Contact).where(m.Contact.role == "admin")).first()
    status = {"loaded": _("loaded"), "unchanged": _("unchanged (this very version is loaded already)"),
              "replaced": _("replaced the previous version")}
    carried = (ngettext(", kept {n} report received", ", kept {n} reports received", res.carried).format(n=res.carried)
               if res.status == "replaced" else "")
    tasks = ngettext("{n} task", "{n} tasks", res.tasks).format(n=res.tasks)
    typer.echo(_("{file}: {status} (dispatch {id}, {tasks}{carried})").format(
        file=file, status=status[res.status], id=res.dispatch_id[:8], tasks=tasks, carried=carried))
    ref = ts.dispatch.number or res.dispatch_id[:8]
    for issue in res.issues:
        clause = issue.describe(directory, on=ts.dispatch.issued_on)
        if issue.role == "lead" or issue.code is not None:
            role = "" if issue.role == "lead" else f" --role {issue.role}"
            typer.echo(_("  unassigned: {clause}; stored, no organisation is reminded yet. Assign with: "
                         "dondoc tasks assign --dispatch {ref} --task {key} --org CODE{role}")
                       .format(clause=clause, ref=ref, key=issue.task_key, role=role))
        else:
            typer.echo(_('  warning: {clause}; the name is kept as the dispatch wrote it. Assign with: dondoc tasks '
                         'assign --dispatch {ref} --task {key} --org CODE --role {role} --name "{name}"')
                       .format(clause=clause, ref=ref, key=issue.task_key, role=issue.role, name=issue.name))
    if res.unassigned and admins is None:
        typer.echo(_("  warning: the directory has no admin contact (role: admin): nobody gets the mail about "
                     "unassigned tasks; they show on the board only"), err=True)
