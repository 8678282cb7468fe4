"""`dondoc tasks`: list the tracked tasks, and place an unassigned owner."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

import typer

from dondoc.cli.app import (app, as_of_or_today, console, print_json, progress, ready_engine, say_where_the_data_is,
                            settings, user_errors)
from dondoc.errors import DondocError
from dondoc.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from dondoc.schedule.buckets import Bucket
    from dondoc.store import models as m

tasks_app = typer.Typer(no_args_is_help=True, help=N_("Tracked tasks and their occurrences."))
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
    extended_due: date | None
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
    unassigned: bool  # no lead placed in the directory: nobody is reminded (chưa xác định đơn vị)



def owners_once(owners: list[_OwnerRow]) -> list[str]:
    """Each owner once, in order: its code, or "? name" while the directory lacks it."""
    seen: dict[str, None] = {}
    for o in owners:
        seen.setdefault(o["org"] or f"? {o['name']}", None)
    return list(seen)


def owners_cell(owners: list[_OwnerRow], *, width: int = 60) -> str:
    """Whole codes only, up to about `width` characters, then how many more: never a code cut mid-word."""
    codes = owners_once(owners)
    if not codes:
        return _("(none written)")
    shown: list[str] = []
    for code in codes:
        more = len(codes) - len(shown) - 1
        if shown and len(", ".join([*shown, code]) + (f", … (+{more})" if more else "")) > width:
            break
        shown.append(code)
    rest = len(codes) - len(shown)
    return ", ".join(shown) + (f", … (+{rest})" if rest else "")


def _unique(owners: list[m.TaskOwner]) -> list[m.TaskOwner]:
    """Each owner once per role: an organisation named twice (by name and by alias, or alone and in
    a group) is one owner, listed where it first appears; an unresolved name once."""
    seen: dict[tuple[str, str], m.TaskOwner] = {}
    for o in owners:
        seen.setdefault((o.role, o.org_code or f"? {o.name}"), o)
    return list(seen.values())


@tasks_app.command("list")
@user_errors
def tasks_list(as_json: bool = typer.Option(False, "--json", help=N_("print JSON")),
               as_of: str = typer.Option(None, "--as-of", help=N_("the day (default: today in Asia/Ho_Chi_Minh)")),
               only_unassigned: bool = typer.Option(False, "--unassigned",
                                                    help=N_("only the tasks with no organisation (chưa xác định đơn vị)")),
               ) -> None:
    """List tasks with their owners and the occurrences around a day, with stated and effective due dates.

    A task whose lead matches no organisation is marked "chưa xác định đơn vị" (JSON: "unassigned": true).

    Each occurrence's bucket is the board's (one rule: the two views always agree; observances
    have none).

    Example: dondoc tasks list --as-of 2025-06-10
    """
    from sqlmodel import col, select

    from dondoc.app.steps import materialise_step
    from dondoc.schedule.buckets import board_bucket, bucket
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    day = as_of_or_today(as_of)
    ready_engine()
    with progress(_("Making the occurrences")):
        materialise_step(settings(), day)
    with session_scope(ready_engine()) as s:
        q = (select(m.Task, m.Dispatch).join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
             .where(m.Task.active == True).order_by(col(m.Dispatch.loaded_at), col(m.Task.id)))  # noqa: E712
        rows = s.exec(q).all()
        owners = s.exec(select(m.TaskOwner)).all()
        occs = s.exec(select(m.Occurrence).where(m.Occurrence.status != "cancelled")
                      .order_by(col(m.Occurrence.effective_due))).all()
    own_by_task: dict[int | None, list[m.TaskOwner]] = {}
    for o in owners:
        own_by_task.setdefault(o.task_id, []).append(o)
    occs_by_task: dict[int | None, list[m.Occurrence]] = {}
    for oc in occs:
        occs_by_task.setdefault(oc.task_id, []).append(oc)
    data: list[_TaskRow] = []
    shown = []
    for task, d in rows:
        own = _unique(own_by_task.get(task.id, []))
        leads = [o for o in own if o.role == "lead"]
        unassigned = not leads or any(o.org_code is None for o in leads)
        if only_unassigned and not unassigned:
            continue
        shown.append((task, d))
        mine = occs_by_task.get(task.id, [])
        nxt = [o for o in mine if o.effective_due >= day]
        data.append({
            "dispatch": d.number or d.id[:8], "key": task.key, "kind": task.kind, "repeat": task.repeat,
            "title": task.title,
            "lead": [{"name": o.name, "org": o.org_code} for o in own if o.role == "lead"],
            "support": [{"name": o.name, "org": o.org_code} for o in own if o.role == "support"],
            "occurrences": [{"id": o.id, "org": o.org_code, "period": o.period, "stated_due": o.stated_due,
                             "effective_due": o.effective_due, "extended_due": o.extended_effective_due,
                             "status": o.status,
                             "bucket": board_bucket(kind=o.kind, effective_due=o.effective_due,
                                                    extended_due=o.extended_effective_due, status=o.status,
                                                    submitted_at=o.submitted_at, as_of=day,
                                                    against=settings().on_time_against)}
                            for o in mine if o.effective_due <= day + timedelta(days=400)],
            "next_due": {"stated": nxt[0].stated_due, "effective": nxt[0].effective_due} if nxt else None,
            "unassigned": unassigned,
        })
    if as_json:
        print_json(data)
        return
    if not data:
        if only_unassigned:
            typer.echo(_("No task is unassigned."))
        else:
            say_where_the_data_is(_("No tasks in the database {database} yet."), f"tasks list --as-of {day.isoformat()}")
        return
    from rich.table import Table

    from dondoc.cli.app import kind_name
    from dondoc.schedule.words import repeat_phrase

    t = Table(_("dispatch"), _("item"), _("kind"), _("cadence"), _("lead"), _("stated due"), _("effective due"),
              _("status"), title=_("Tasks — {day}").format(day=f"{day:%d/%m/%Y}"))
    for row, (task, _dispatch) in zip(data, shown):
        lead = owners_cell(row["lead"])
        open_ = [o for o in row["occurrences"] if o["bucket"] in ("open", "overdue")]
        status = _("{overdue} overdue, {open} open").format(
            overdue=sum(o["bucket"] == "overdue" for o in open_), open=sum(o["bucket"] == "open" for o in open_)) if open_ else ""
        if row["unassigned"]:
            status = "[bold red]" + _("unassigned") + "[/]" + (f"; {status}" if status else "")
        nd = row["next_due"]
        t.add_row(str(row["dispatch"]), row["key"], kind_name(row["kind"]), repeat_phrase(task.repeat, task.due), lead,
                  f"{nd['stated']:%d/%m/%Y}" if nd else "", f"{nd['effective']:%d/%m/%Y}" if nd else "", status)
    console.print(t)


@tasks_app.command("assign")
@user_errors
def tasks_assign(dispatch: str = typer.Option(..., "--dispatch", help=N_("the dispatch: its số hiệu or id")),
                 task: str = typer.Option(..., "--task", help=N_("the task's key (mục), as in `dondoc tasks list`")),
                 org: str = typer.Option(..., "--org", help=N_("organisation code(s), comma-separated: CODE[,CODE]")),
                 role: str = typer.Option("lead", "--role", help=N_("lead (chủ trì) or support (phối hợp)")),
                 name: str = typer.Option(None, "--name",
                                          help=N_("the owner as the dispatch wrote it, to fix a wrong organisation; "
                                               "default: the owner with no organisation")),
                 as_of: str = typer.Option(None, "--as-of", help=N_("YYYY-MM-DD: materialise occurrences from this "
                                                                 "day (default: today in Asia/Ho_Chi_Minh)"))) -> None:
    """Assign (or fix) an owner of a stored task; audited. Occurrences for the new owner are made from then on.

    Without --name, the owner the directory could not place gets the code(s); a task with none
    gets them as new owners. With --name, the owner written so is replaced (its open occurrences
    are cancelled).

    Example: dondoc tasks assign --dispatch 125/UBND-NC --task 3.R1 --org ban-dan-toc
    """
    from sqlmodel import col, select

    from dondoc.app.steps import materialise_step
    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.owners import assign
    from dondoc.store.repo import find_dispatch

    if role not in ("lead", "support"):
        raise DondocError(_('--role: "{role}" is not valid; use lead or support').format(role=role))
    codes = [c.strip() for c in org.split(",") if c.strip()]
    if not codes:
        raise DondocError(_("--org: give at least one organisation code"))
    day = as_of_or_today(as_of)
    with session_scope(ready_engine()) as s:
        d = find_dispatch(session=s, ref=dispatch)
        res = assign(session=s, dispatch=d, key=task, codes=codes, role=role, name=name)
        label = d.number or d.id[:8]
        ceased = [o for o in s.exec(select(m.Organization).where(col(m.Organization.code).in_(codes))).all()
                  if o.valid_to is not None and o.valid_to < day]
    what = _("lead") if role == "lead" else _("support")
    if not res.changed:
        typer.echo(_("task {task} ({label}): unchanged, the {role} organisation is already {codes}")
                   .format(task=task, label=label, role=what, codes=", ".join(codes)))
        return
    created = 0
    if role == "lead":
        materialise_step(settings(), day)
        created = _occurrence_count(d.id, task) - res.occurrences
    after = ", ".join(_('{code} (written "{name}")').format(code=c, name=n) if c else _('"{name}" not placed').format(name=n)
                      for n, c in res.after)
    typer.echo(_("task {task} ({label}): the {role} organisation is now {owners}")
               .format(task=task, label=label, role=what, owners=after)
               + (ngettext("; cancelled {n} open occurrence of the previous organisation",
                           "; cancelled {n} open occurrences of the previous organisation", res.cancelled)
                  .format(n=res.cancelled) if res.cancelled else "")
               + (ngettext("; made {n} new occurrence", "; made {n} new occurrences", created).format(n=created)
                  if created else ""))
    for o in ceased:
        typer.echo(_("  note: {code} exists only until {day}").format(code=o.code, day=f"{o.valid_to:%d/%m/%Y}")
                   + (_("; work after that day passes to {successor}").format(successor=o.successor) if o.successor
                      else _("; no organisation succeeds it")),
                   err=True)
    if res.unassigned:
        typer.echo(_("  the lead organisation is still unassigned: see dondoc tasks list --unassigned"), err=True)


def _occurrence_count(dispatch_id: str, key: str) -> int:
    """How many occurrences a task has (any status): what `tasks assign` compares to say what it made."""
    from sqlmodel import col, func, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        return s.exec(select(func.count()).select_from(m.Occurrence).join(m.Task, col(m.Task.id) == col(m.Occurrence.task_id))
                      .where(m.Task.dispatch_id == dispatch_id, m.Task.key == key)).one()
