"""What the dashboards read, aggregated in the database (set-based: 30,000 organisations and a million
occurrences are summed by SQL, never loaded into Python).

The buckets follow the board's one rule (`schedule.buckets.board_bucket`, which dondoc/store/board.py
applies row by row); tests/integration/test_dashboard_queries.py holds the two to the same
counts on every day of a varied history. Keyword-only; never commits.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from dondoc.schedule.buckets import BOARD_AHEAD_DAYS
from dondoc.store import models as m

occ = m.Occurrence.__table__  # type: ignore[attr-defined]
task = m.Task.__table__  # type: ignore[attr-defined]
ack = m.Acknowledgement.__table__  # type: ignore[attr-defined]
org = m.Organization.__table__  # type: ignore[attr-defined]
disp = m.Dispatch.__table__  # type: ignore[attr-defined]


class OrgRow(NamedTuple):
    code: str
    name: str
    level: str
    parent: str | None
    active: bool


class OrgTally(NamedTuple):
    org_code: str
    on_time: int
    late: int
    open: int
    overdue: int
    unacknowledged: int
    oldest_overdue: date | None  # the earliest deadline among its overdue work


class OverdueRow(NamedTuple):
    occurrence_id: int
    org_code: str
    dispatch: str | None
    key: str
    title: str
    period: str
    due: date


class PreparerRow(NamedTuple):
    event_key: str
    period: str
    holders: int  # how many organisations prepare it
    org_code: str  # one of the first few, by level then name


class ItemRow(NamedTuple):
    dispatch_id: str
    task_id: int
    key: str
    title: str
    kind: str
    orgs: int
    on_time: int
    late: int
    open: int
    overdue: int


class DispatchRow(NamedTuple):
    id: str
    identity: str
    number: str | None
    issuer: str | None
    issued_on: date | None
    subject: str | None


class _Buckets(NamedTuple):
    judged: ColumnElement[Any]
    on_time: ColumnElement[Any]
    late: ColumnElement[Any]
    open: ColumnElement[Any]
    overdue: ColumnElement[Any]


def _buckets(as_of: date, against: str) -> _Buckets:
    """1/0 per occurrence for each bucket, as `buckets.board_bucket` decides it (events counted in none)."""
    ext, eff = occ.c.extended_effective_due, occ.c.effective_due
    judged = case((ext.is_not(None), ext), else_=eff) if against == "extended" else eff
    duty = occ.c.kind != "event"
    known = and_(duty, occ.c.status == "submitted", occ.c.submitted_at.is_not(None), occ.c.submitted_at <= as_of)
    pending = and_(duty, ~known, func.coalesce(ext, eff) <= as_of + timedelta(days=BOARD_AHEAD_DAYS))

    def one(cond: ColumnElement[bool]) -> ColumnElement[Any]:
        return case((cond, 1), else_=0)

    return _Buckets(judged, one(and_(known, occ.c.submitted_at <= judged)), one(and_(known, occ.c.submitted_at > judged)),
                    one(and_(pending, judged >= as_of)), one(and_(pending, judged < as_of)))


def _counted() -> ColumnElement[bool]:
    """Occurrences the board looks at: of active tasks, not cancelled (waived, replaced, merged away)."""
    return and_(task.c.active.is_(True), occ.c.status != "cancelled")


def organisations(*, session: Session, as_of: date) -> list[OrgRow]:
    """Every organisation (its columns, not its contacts), active when its validity covers `as_of`."""
    active = and_(func.coalesce(org.c.valid_to, date.max) >= as_of, func.coalesce(org.c.valid_from, date.min) <= as_of)
    rows = session.execute(select(org.c.code, org.c.name, org.c.level, org.c.parent, case((active, True), else_=False)))
    return [OrgRow(c, n, lv, p, bool(a)) for c, n, lv, p, a in rows]


def tallies(*, session: Session, as_of: date, against: str = "extended") -> list[OrgTally]:
    """Per organisation: the four buckets, the tasks held open and not acknowledged (nor done in any
    period), and the earliest deadline it is late against. One statement, two GROUP BYs."""
    b = _buckets(as_of, against)
    overdue_due = case((b.overdue == 1, b.judged), else_=None)
    per_task = (
        select(occ.c.task_id, occ.c.org_code, func.sum(b.on_time).label("on_time"), func.sum(b.late).label("late"),
               func.sum(b.open).label("open"), func.sum(b.overdue).label("overdue"),
               func.sum(case((occ.c.status == "submitted", 1), else_=0)).label("done"),
               func.min(overdue_due).label("oldest"))
        .select_from(occ.join(task, task.c.id == occ.c.task_id))
        .where(_counted(), occ.c.kind != "event")
        .group_by(occ.c.task_id, occ.c.org_code)
    ).subquery()
    held = and_(per_task.c.open + per_task.c.overdue > 0, per_task.c.done == 0, ack.c.id.is_(None))
    q = (
        select(per_task.c.org_code, func.sum(per_task.c.on_time), func.sum(per_task.c.late), func.sum(per_task.c.open),
               func.sum(per_task.c.overdue), func.sum(case((held, 1), else_=0)), func.min(per_task.c.oldest))
        .select_from(per_task.outerjoin(ack, and_(ack.c.task_id == per_task.c.task_id,
                                                  ack.c.org_code == per_task.c.org_code)))
        .group_by(per_task.c.org_code)
    )
    return [OrgTally(code, int(a or 0), int(b_ or 0), int(c or 0), int(d or 0), int(e or 0), _date(oldest))
            for code, a, b_, c, d, e, oldest in session.execute(q)]


def _date(value: Any) -> date | None:
    """A date column through min(): SQLite hands back its text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def worst_overdue(*, session: Session, as_of: date, against: str = "extended", limit: int = 50) -> list[OverdueRow]:
    """The `limit` occurrences longest overdue (the board's overdue bucket), earliest deadline first,
    then organisation code and id: a top-N in the database."""
    b = _buckets(as_of, against)
    q = (
        select(occ.c.id, occ.c.org_code, disp.c.number, task.c.key, task.c.title, occ.c.period, b.judged.label("due"))
        .select_from(occ.join(task, task.c.id == occ.c.task_id).join(disp, disp.c.id == task.c.dispatch_id))
        .where(_counted(), b.overdue == 1)
        .order_by(b.judged, occ.c.org_code, occ.c.id)
        .limit(limit)
    )
    return [OverdueRow(i, c, n, k, t or "", p, _date(d) or as_of) for i, c, n, k, t, p, d in session.execute(q)]


def preparers(*, session: Session, periods: list[str], first: int = 3) -> list[PreparerRow]:
    """For each observance period ("2026@ngay-hoi-antq"), how many organisations prepare it and the first
    `first` of them (central, then provincial, then commune level; by name)."""
    if not periods:
        return []
    held = (
        select(occ.c.event_key, occ.c.period, occ.c.org_code).distinct()
        .select_from(occ.join(task, task.c.id == occ.c.task_id))
        .where(_counted(), occ.c.kind == "event", occ.c.period.in_(periods))
    ).subquery()
    rank = case({"trung-uong": 0, "tinh": 1, "huyen": 2, "xa": 3}, value=org.c.level, else_=4)
    ranked = (
        select(held.c.event_key, held.c.period, held.c.org_code,
               func.count(literal(1)).over(partition_by=held.c.period).label("n"),
               func.row_number().over(partition_by=held.c.period,
                                      order_by=(rank, org.c.name, held.c.org_code)).label("rn"))
        .select_from(held.outerjoin(org, org.c.code == held.c.org_code))
    ).subquery()
    q = select(ranked.c.event_key, ranked.c.period, ranked.c.n, ranked.c.org_code).where(ranked.c.rn <= first)
    return [PreparerRow(k or "", p, int(n), c) for k, p, n, c in session.execute(q.order_by(ranked.c.period, ranked.c.rn))]


def dispatch_items(*, session: Session, as_of: date, against: str = "extended") -> tuple[list[DispatchRow], list[ItemRow]]:
    """The active dispatches, and per active task the organisations holding it and its occurrences in
    the four buckets (one GROUP BY over the occurrences; a task nobody holds counts zero)."""
    b = _buckets(as_of, against)
    per_task = (
        select(occ.c.task_id, func.count(occ.c.org_code.distinct()).label("orgs"), func.sum(b.on_time).label("on_time"),
               func.sum(b.late).label("late"), func.sum(b.open).label("open"), func.sum(b.overdue).label("overdue"))
        .select_from(occ.join(task, task.c.id == occ.c.task_id))
        .where(_counted())
        .group_by(occ.c.task_id)
    ).subquery()
    q = (
        select(task.c.dispatch_id, task.c.id, task.c.key, task.c.title, task.c.kind, per_task.c.orgs, per_task.c.on_time,
               per_task.c.late, per_task.c.open, per_task.c.overdue)
        .select_from(task.join(disp, disp.c.id == task.c.dispatch_id).outerjoin(per_task, per_task.c.task_id == task.c.id))
        .where(task.c.active.is_(True), disp.c.active.is_(True))
    )
    items = [ItemRow(d, t, k, ti or "", kind, *(int(x or 0) for x in rest)) for d, t, k, ti, kind, *rest in session.execute(q)]
    dq = select(disp.c.id, disp.c.identity, disp.c.number, disp.c.issuer, disp.c.issued_on, disp.c.subject).where(
        disp.c.active.is_(True))
    dispatches = [DispatchRow(i, ident, n, iss, _date(on), subj) for i, ident, n, iss, on, subj in session.execute(dq)]
    return dispatches, items


def any_sent(*, session: Session, as_of: date) -> bool:
    """Whether a message planned for `as_of` has been sent (by any sweep of that day)."""
    box = m.Outbox.__table__  # type: ignore[attr-defined]
    found = session.execute(select(box.c.id).where(box.c.status == "sent", box.c.as_of == as_of).limit(1)).first()
    return found is not None


def installation_province(*, session: Session) -> str | None:
    """The province the directory file named (config/organizations.yaml's `province:`), if any."""
    meta = session.get(m.Meta, "directory")
    value = (meta.value or {}).get("province") if meta is not None else None
    return str(value) if value else None
