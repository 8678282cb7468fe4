"""`dondoc orgs merge | rename | split | abolish | assign | changes`: the directory's reorganisations."""

from __future__ import annotations

from datetime import date

import typer

from dondoc.cli.app import (ACTOR_HELP, cli_actor, as_of_or_today, console, orgs_app, parse_day,
                            print_json, ready_engine, user_errors)
from dondoc.errors import DondocError
from dondoc.i18n import N_, _, ngettext, pgettext

ON_HELP = N_("the day the change takes effect (YYYY-MM-DD): the old agency works until the day before")


def _change_name(kind: str) -> str:
    """A reorganisation's kind as the user reads it (dondoc.store.reorg.KINDS_VI's words)."""
    names = {"merge": pgettext("reorganisation", "merger"), "rename": pgettext("reorganisation", "renaming"),
             "split": pgettext("reorganisation", "split"), "abolish": pgettext("reorganisation", "abolition")}
    return names.get(kind, kind)


def _on(value: str) -> date:
    day = parse_day(value, option="--on")
    if day is None:
        raise DondocError(_("--on: give the day it takes effect (YYYY-MM-DD)"))
    return day


def _codes(value: str) -> list[str]:
    codes = [c.strip() for c in value.split(",") if c.strip()]
    if not codes:
        raise DondocError(_("give at least one organisation code"))
    return list(dict.fromkeys(codes))


def _record(kind: str, old: list[str], new: list[str], on: str, actor: str | None, name: str | None = None) -> None:
    from dondoc.store.db import session_scope
    from dondoc.store.reorg import record_change

    day = _on(on)
    with session_scope(ready_engine()) as s:
        change, fresh = record_change(session=s, kind=kind, old=old, new=new, on=day, actor=cli_actor(actor),
                                      new_name=name)
        change_id = change.id
    into = f" → {', '.join(new)}" if new else ""
    state = _("recorded") if fresh else _("recorded before")
    typer.echo(_("{change} {old}{into} from {day}: {state} (change #{id})").format(
        change=_change_name(kind), old=", ".join(old), into=into, day=f"{day:%d/%m/%Y}", state=state, id=change_id))
    if kind in ("merge", "rename"):
        typer.echo(_("  open work passes to the successor at the first sweep from that day"))
    _print_open_work(old, title=_("Open work to assign (dondoc orgs assign)") if kind in ("split", "abolish")
                     else _("Open work that will pass on"))


def _print_open_work(codes: list[str], *, title: str) -> None:
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        rows = s.exec(select(m.Occurrence, m.Task, m.Dispatch)
                      .join(m.Task, col(m.Task.id) == col(m.Occurrence.task_id))
                      .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
                      .where(col(m.Occurrence.org_code).in_(codes), m.Occurrence.status == "open")
                      .order_by(col(m.Occurrence.effective_due))).all()
    if not rows:
        typer.echo(_("  no open work"))
        return
    from rich.table import Table

    t = Table(_("occurrence"), _("organisation"), _("dispatch"), _("item"), _("task"), _("period"), _("due"), title=title)
    for o, task, d in rows:
        t.add_row(str(o.id), o.org_code, d.number or d.id[:8], task.key, task.title[:50], o.period,
                  f"{(o.extended_effective_due or o.effective_due):%d/%m/%Y}")
    console.print(t)


@orgs_app.command("merge")
@user_errors
def orgs_merge(old: list[str] = typer.Argument(..., help=N_("the codes of the agencies merged")),
               into: str = typer.Option(..., "--into", help=N_("the code of the agency they merge into")),
               on: str = typer.Option(..., "--on", help=ON_HELP),
               actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Record that agencies merge into another on a date (sáp nhập): the first sweep on or after it
    moves their open work to it; closed work and statistics stay with the originals.

    Example: dondoc orgs merge so-tttt --into so-khcn --on 2025-03-01
    """
    _record("merge", list(dict.fromkeys(old)), [into], on, actor)


@orgs_app.command("rename")
@user_errors
def orgs_rename(old: str = typer.Argument(..., help=N_("the old code")),
                new: str = typer.Argument(..., help=N_("the new code (created from the old one when absent)")),
                on: str = typer.Option(..., "--on", help=ON_HELP),
                name: str = typer.Option(None, "--name", help=N_("the new name, when the new code is not in the directory")),
                actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Record that an agency is renamed on a date (đổi tên): its open work follows it to the new code.

    Example: dondoc orgs rename ubnd-tinh ubnd-tp --on 2025-07-01 --name "Ủy ban nhân dân thành phố Hải Phòng"
    """
    _record("rename", [old], [new], on, actor, name=name)


@orgs_app.command("split")
@user_errors
def orgs_split(old: str = typer.Argument(..., help=N_("the code of the agency split")),
               into: str = typer.Option(..., "--into", help=N_("the codes it splits into, comma-separated: A,B")),
               on: str = typer.Option(..., "--on", help=ON_HELP),
               actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Record that an agency splits into others on a date (chia tách) and list its open work, which the
    admin then assigns with `dondoc orgs assign` (nothing moves by itself).

    Example: dondoc orgs split ubnd-h-nam-sach --into ubnd-x-nam-sach,ubnd-p-hai-duong --on 2025-07-01
    """
    _record("split", [old], _codes(into), on, actor)


@orgs_app.command("abolish")
@user_errors
def orgs_abolish(old: str = typer.Argument(..., help=N_("the code of the agency abolished")),
                 on: str = typer.Option(..., "--on", help=ON_HELP),
                 actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Record that an agency ends on a date without a successor (giải thể) and list its open work,
    which the admin assigns with `dondoc orgs assign`.

    Example: dondoc orgs abolish ca-h-nam-sach --on 2025-03-01
    """
    _record("abolish", [old], [], on, actor)


@orgs_app.command("assign")
@user_errors
def orgs_assign(old: str = typer.Argument(..., help=N_("the agency whose open work is given")),
                to: str = typer.Option(..., "--to", help=N_("the agency that takes it")),
                occurrence: list[int] = typer.Option(None, "--occurrence", help=N_("only these occurrences (repeatable)")),
                dispatch: str = typer.Option(None, "--dispatch", help=N_("only the work of this dispatch")),
                task: str = typer.Option(None, "--task", help=N_("with --dispatch: only this task")),
                actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Give an agency's open work to another (after a split or an abolition); the new agency also
    becomes an owner of those tasks, so their later occurrences are its own.

    Example: dondoc orgs assign ubnd-h-nam-sach --to ubnd-x-nam-sach --dispatch 125/UBND-NC --task 3.R1
    """
    from sqlmodel import select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.reorg import assign
    from dondoc.store.repo import find_dispatch

    if task and not dispatch:
        raise DondocError(_("--task goes with --dispatch"))
    with session_scope(ready_engine()) as s:
        task_ids: set[int] | None = None
        if dispatch:
            d = find_dispatch(session=s, ref=dispatch)
            q = select(m.Task.id).where(m.Task.dispatch_id == d.id)
            task_ids = {i for i in s.exec(q.where(m.Task.key == task) if task else q).all() if i is not None}
            if not task_ids:
                raise DondocError(_("dispatch {dispatch} has no task {task}").format(dispatch=repr(dispatch), task=repr(task)))
        moves = assign(session=s, old=old, new=to, actor=cli_actor(actor), task_ids=task_ids,
                       occurrence_ids=set(occurrence) if occurrence else None)
    moved = sum(not mv.merged for mv in moves)
    merged = sum(mv.merged for mv in moves)
    typer.echo(ngettext("{old} → {to}: moved {n} open occurrence", "{old} → {to}: moved {n} open occurrences", moved)
               .format(old=old, to=to, n=moved)
               + (ngettext(", cancelled {n} occurrence {to} had already", ", cancelled {n} occurrences {to} had already",
                           merged).format(n=merged, to=to) if merged else ""))


@orgs_app.command("changes")
@user_errors
def orgs_changes(as_json: bool = typer.Option(False, "--json", help=N_("print JSON")),
                 as_of: str = typer.Option(None, "--as-of", help=N_("YYYY-MM-DD (default: today)"))) -> None:
    """List the recorded reorganisations (pending or applied) and the open work waiting to be assigned.

    Example: dondoc orgs changes --json
    """
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.reorg import awaiting_assignment

    day = as_of_or_today(as_of)
    with session_scope(ready_engine()) as s:
        changes = s.exec(select(m.OrgChange).order_by(col(m.OrgChange.on), col(m.OrgChange.id))).all()
        waiting = [(c.id, o.id, o.org_code, o.task_id, o.period) for c, o in awaiting_assignment(session=s)]
    data = [{"id": c.id, "kind": c.kind, "old": c.old_codes, "new": c.new_codes, "on": c.on.isoformat(),
             "applied_at": c.applied_at.isoformat() if c.applied_at else None, "actor": c.actor,
             "awaiting_assignment": [w[1] for w in waiting if w[0] == c.id]} for c in changes]
    if as_json:
        print_json(data)
        return
    from rich.table import Table

    t = Table("#", _("kind"), _("old organisations"), _("new organisations"), _("from"), _("status"), _("recorded by"),
              _("work to assign"), title=_("Reorganisations — {day}").format(day=f"{day:%d/%m/%Y}"))
    for c in changes:
        state = _("applied") if c.applied_at else (_("waiting for the day") if c.on > day else _("waiting for the next sweep"))
        waiting_here = sum(1 for w in waiting if w[0] == c.id)
        t.add_row(str(c.id), _change_name(c.kind), ", ".join(c.old_codes), ", ".join(c.new_codes),
                  f"{c.on:%d/%m/%Y}", state, c.actor, str(waiting_here) if c.kind in ("split", "abolish") else "")
    console.print(t)
