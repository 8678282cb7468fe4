"""The `dondoc` command line: load dispatches, keep the directory, remind, escalate, report."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import col, select

from dondoc.errors import DondocError, NotFoundError

if TYPE_CHECKING:
    from dondoc.schedule.plan import Bucket

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__, pretty_exceptions_enable=False)
db_app = typer.Typer(no_args_is_help=True, help="The database schema.")
orgs_app = typer.Typer(no_args_is_help=True, help="The organisation directory.")
tasks_app = typer.Typer(no_args_is_help=True, help="Tracked tasks and their occurrences.")
report_app = typer.Typer(no_args_is_help=True, help="Reports sent by the owners.")
app.add_typer(db_app, name="db")
app.add_typer(orgs_app, name="orgs")
app.add_typer(tasks_app, name="tasks")
app.add_typer(report_app, name="report")

console = Console()
if not console.is_terminal:  # piped or captured: wide enough for Vietnamese names and addresses
    console = Console(width=160)
F = TypeVar("F", bound=Callable[..., Any])


class _ContactRow(TypedDict):
    name: str
    email: str
    role: str


class _OrgRow(TypedDict):
    code: str
    name: str
    level: str
    parent: str | None
    groups: list[str]
    contacts: list[_ContactRow]


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


def user_errors(fn: F) -> F:
    """A user's mistake becomes one line on stderr and a non-zero exit, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DondocError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(err.exit_code) from None

    return wrapper  # type: ignore[return-value]


def settings():  # type: ignore[no-untyped-def]
    from dondoc.settings import get_settings

    return get_settings()


_UPGRADED: set[str] = set()


def ready_engine():  # type: ignore[no-untyped-def]
    """The engine, with the schema brought up to date first (once per process and database)."""
    from dondoc.store.db import get_engine, upgrade

    url = settings().database_url
    if url not in _UPGRADED:
        upgrade(url)
        _UPGRADED.add(url)
    return get_engine(url)


def parse_day(value: str | None, *, option: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def as_of_or_today(value: str | None) -> date:
    from dondoc.service import local_today

    return parse_day(value) or local_today(settings())


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# ---------------------------------------------------------------- db


@db_app.command("upgrade")
@user_errors
def db_upgrade() -> None:
    """Create or upgrade the schema (Alembic) in DONDOC_DATABASE_URL.

    Example: dondoc db upgrade
    """
    from dondoc.store.db import upgrade
    from sqlalchemy.engine import make_url

    url = settings().database_url
    rev = upgrade(url)
    typer.echo(f"database {make_url(url).render_as_string(hide_password=True)} at revision {rev}")


# ---------------------------------------------------------------- orgs


@orgs_app.command("import")
@user_errors
def orgs_import(file: Path = typer.Argument(..., help="organizations.yaml")) -> None:
    """Import (add or update) organisations, contacts and groups from a directory file.

    Example: dondoc orgs import config/organizations.yaml
    """
    from dondoc.directory import load_directory
    from dondoc.store.db import session_scope
    from dondoc.store.repo import import_directory

    directory = load_directory(file)
    with session_scope(ready_engine()) as s:
        res = import_directory(session=s, directory=directory, source=str(file))
    typer.echo(f"{file}: {len(res.added)} added, {len(res.updated)} updated, {len(res.unchanged)} unchanged, "
               f"{len(directory.groups)} groups")


@orgs_app.command("list")
@user_errors
def orgs_list(as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """List the organisations with their supervising organisation and contacts.

    Example: dondoc orgs list --json
    """
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        orgs = s.exec(select(m.Organization).order_by(m.Organization.code)).all()
        contacts = s.exec(select(m.Contact)).all()
    by_org: dict[str, list[_ContactRow]] = {}
    for c in contacts:
        by_org.setdefault(c.org_code, []).append({"name": c.name, "email": c.email, "role": c.role})
    data = [_OrgRow(code=o.code, name=o.name, level=o.level, parent=o.parent, groups=o.groups,
                    contacts=by_org.get(o.code, [])) for o in orgs]
    if as_json:
        print_json(data)
        return
    t = Table("code", "tên", "cấp", "cơ quan cấp trên", "đầu mối")
    for d in data:
        t.add_row(d["code"], d["name"], d["level"], d["parent"] or "",
                  ", ".join(c["email"] for c in d["contacts"]))
    console.print(t)


# ---------------------------------------------------------------- load


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


# ---------------------------------------------------------------- tasks


@tasks_app.command("list")
@user_errors
def tasks_list(as_json: bool = typer.Option(False, "--json", help="print JSON"),
               as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)"),
               ) -> None:
    """List tasks with their owners and the occurrences around a day, with stated and effective due dates.

    Example: dondoc tasks list --as-of 2025-06-10
    """
    from dondoc.service import materialise_step
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


# ---------------------------------------------------------------- report submit


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

    from dondoc.service import materialise_step

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


def _register_parts() -> None:
    from dondoc import cli_sweep

    cli_sweep.register(app)
    for name in ("dondoc.cli_parse", "dondoc.cli_dates", "dondoc.cli_mail"):
        module = __import__(name, fromlist=["register"])
        module.register(app)


_register_parts()
