"""Materialise occurrences (task × owner × period) into the database, once each.

A task's first sweep materialises its whole past (from the dispatch's date), so a dispatch
loaded late still shows what is already overdue; later sweeps look back LOOKBACK_DAYS only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from dondoc.observances import Observance, ObservanceCatalog
from dondoc.schedule.calendar import fmt
from dondoc.schedule.lunar import days_before_lunar
from dondoc.schedule.observances import observance_days
from dondoc.schedule.periods import internal_deadline
from dondoc.schedule.recurrence import due_dates, relative_due
from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore
from dondoc.taskset import Relative, Schedule

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext

LOOKBACK_DAYS = 45  # how far back a later sweep looks for occurrences still worth tracking


def _event_observance(ev: str, catalog: ObservanceCatalog) -> Observance:
    found = catalog.by_key(ev) or (catalog.by_date(ev)[0] if catalog.by_date(ev) else None)
    if found is not None:
        return found
    mm, dd = ev[2:4], ev[5:7]
    return Observance(key=f"ngay-{dd}-{mm}", name=f"Ngày {dd}/{mm}", date=ev)


def materialise(*, session: Session, ctx: SweepContext, orgs: frozenset[str] | None = None) -> int:
    """Create the occurrences due between the look-back (the whole past, the first time) and the horizon.

    With `orgs` (a shard), only the occurrences those organisations hold; a task's whole past then
    counts as materialised only when every owner of it is in the shard and none has ended.
    """
    start = ctx.as_of - timedelta(days=LOOKBACK_DAYS)
    end = ctx.as_of + timedelta(days=ctx.horizon_days)
    rows: list[dict[str, Any]] = []
    q = (
        select(m.Task, m.Dispatch)
        .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
        .where(m.Task.active == True, m.Dispatch.active == True)  # noqa: E712
    )
    owners: dict[int, list[str]] = defaultdict(list)
    for o in session.exec(select(m.TaskOwner).where(m.TaskOwner.role == "lead")).all():
        if o.org_code and o.org_code not in owners[o.task_id]:
            owners[o.task_id].append(o.org_code)
    valid = {o.code: (o.valid_to, o.successor) for o in session.exec(select(m.Organization)).all()}
    pairs = session.exec(q).all()
    # work a reorganisation moved away from its owner is not materialised for that owner again
    moved = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.period, m.Occurrence.moved_from)
                             .where(col(m.Occurrence.moved_from).is_not(None))).all())
    # … nor for its successor while the agency that ended still holds it (the sweep on the date moves it)
    ended = [code for code, (valid_to, _) in valid.items() if valid_to is not None]
    held = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.period, m.Occurrence.org_code)
                            .where(col(m.Occurrence.org_code).in_(ended))).all()) if ended else set()
    # an item whose reporting dates are split out as its own report tasks (8 → 8.R1, 8.R2) is
    # reminded through those, not a second time under the item
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    weekly_reports: set[tuple[str, str]] = set()  # items with a weekly report of their own (its day may be unsaid)
    for task, _ in pairs:
        if task.kind == "report" and ".R" in task.key:
            reported[(task.dispatch_id, task.key.rsplit(".R", 1)[0])].update(task.due)
            if task.repeat == "weekly":
                weekly_reports.add((task.dispatch_id, task.key.rsplit(".R", 1)[0]))
    first_time: dict[date, list[int]] = defaultdict(list)
    for task, dispatch in pairs:
        owners_of = list(owners.get(task.id or -1, []))
        if task.cascade_by and task.cascade_by not in owners_of:
            owners_of.append(task.cascade_by)  # the consolidator owes the consolidated report itself
        if not owners_of or orgs is not None and not any(
                o in orgs or valid.get(o, (None, None))[0] is not None for o in owners_of):
            continue  # nobody of the shard holds it (an owner that ended may pass it to one that does)
        anchor = dispatch.issued_on or start
        lo = anchor if task.materialised_from is None else max(start, anchor)
        whole = orgs is None or all(o in orgs and valid.get(o, (None, None))[0] is None for o in owners_of)
        if task.materialised_from is None and whole:
            first_time[lo].append(task.id or -1)
        split_out = bool(task.due) and set(task.due) <= reported.get((task.dispatch_id, task.key), set()) or (
            task.repeat == "weekly" and not task.due and (task.dispatch_id, task.key) in weekly_reports)
        for spec in _task_occurrences(task, anchor=anchor, between=(lo, end), ctx=ctx, dated=not split_out,
                                      received=dispatch.received_on or dispatch.issued_on or dispatch.loaded_at.date()):
            consolidator = successor_on(task.cascade_by, spec["stated_due"], valid) if task.cascade_by else None
            for org in owners_of:
                if (task.id, spec["period"], org) in moved:
                    continue
                own = spec
                if consolidator and spec["kind"] == "report" and successor_on(org, spec["stated_due"], valid) != consolidator:
                    own = _internal(spec, task, ctx)
                holder = successor_on(org, own["stated_due"], valid)
                if holder != org and (task.id, spec["period"], org) in held:
                    continue
                if holder is not None and (orgs is None or holder in orgs):
                    rows.append({"task_id": task.id, "org_code": holder, "event_key": None, "data_from": None,
                                 "data_to": None, "written_due": None, "notes": [], "status": "open",
                                 "upper_due": None, "created_at": m.utcnow(), **own})
    created = 0  # counted from what was inserted: a concurrent sweep's rows are not ours
    for i in range(0, len(rows), 500):
        created += len(insert_ignore(session, m.Occurrence, rows[i : i + 500], returning=m.Occurrence.id))
    for lo, ids in first_time.items():
        session.execute(update(m.Task).where(col(m.Task.id).in_(ids), col(m.Task.materialised_from).is_(None))
                        .values(materialised_from=lo))
    return created


def _lunar_occurrences(task: m.Task, lu: dict[str, Any], *, between: tuple[date, date],
                       ctx: SweepContext) -> list[dict[str, Any]]:
    """One occurrence a year for a deadline anchored on a lunar date (Vietnamese calendar, UTC+7)."""
    out = []
    for year in range(between[0].year, between[1].year + 2):
        try:
            stated = days_before_lunar(year, lu["month"], lu["day"], lu.get("days_before", 0))
        except ValueError:
            continue
        if not between[0] <= stated <= between[1]:
            continue
        anchor = days_before_lunar(year, lu["month"], lu["day"], 0)
        what = lu.get("name") or f"ngày {lu['day']:02d}/{lu['month']:02d} âm lịch"
        note = (f"{lu.get('days_before', 0)} ngày trước {what} ({fmt(anchor)} dương lịch)"
                if lu.get("days_before") else f"{what}: {fmt(anchor)} dương lịch")
        out.append(dict(period=f"{year}@am-{lu['month']:02d}-{lu['day']:02d}", kind=task.kind, stated_due=stated,
                        effective_due=ctx.cal.effective_due(stated), notes=[note]))
    return out


def _internal(spec: dict[str, Any], task: m.Task, ctx: SweepContext) -> dict[str, Any]:
    """A sub-unit's occurrence of a consolidated report: due N working days before the consolidator's
    stated deadline, counted once from it (ND 09/2019 Art. 8(5)(b)). The consolidator's deadline is kept
    as `upper_due`; what the dispatch wrote stays in `written_due`, never replaced by the internal date."""
    days = task.cascade_days if task.cascade_days is not None else ctx.cascade_working_days
    inner = internal_deadline(spec["stated_due"], working_days=days, cal=ctx.cal)
    return {**spec, "stated_due": inner, "effective_due": ctx.cal.effective_due(inner), "upper_due": spec["stated_due"]}


def successor_on(code: str | None, day: date, valid: dict[str, tuple[date | None, str | None]]) -> str | None:
    """Who holds an owner's duties on `day`: itself, or its successor after a merger or abolition."""
    seen: set[str] = set()
    while code is not None and code in valid and code not in seen:
        valid_to, successor = valid[code]
        if valid_to is None or day <= valid_to:
            return code
        seen.add(code)
        if successor is None:
            return None  # abolished without a successor: nobody to remind
        code = successor
    return code if code not in seen else None


def _task_occurrences(task: m.Task, *, anchor: date, between: tuple[date, date], ctx: SweepContext,
                      received: date, dated: bool = True) -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = []
    for ev in task.events:
        obs = _event_observance(ev, ctx.catalog)
        for day in observance_days([obs], between=between):
            specs.append(dict(period=f"{day.day.year}@{obs.key}", kind="event", event_key=obs.key,
                              stated_due=day.day, effective_due=day.day))
    for lu in task.lunar:
        specs.extend(_lunar_occurrences(task, lu, between=between, ctx=ctx))
    if task.relative:
        stated = relative_due(Relative(**task.relative), received=received, cal=ctx.cal)
        if between[0] <= stated <= between[1]:
            specs.append(dict(period="once", kind=task.kind, stated_due=stated,
                              effective_due=ctx.cal.effective_due(stated)))
        return specs
    if not dated:
        return specs
    schedule = Schedule(repeat=task.repeat, due=task.due, until=task.until)  # type: ignore[arg-type]
    for pd in due_dates(schedule, anchor=anchor, between=between, before_means=ctx.before_means,  # type: ignore[arg-type]
                        cal=ctx.cal):
        window = pd.data_window
        specs.append(dict(period=pd.period, kind=task.kind, stated_due=pd.stated,
                          written_due=pd.written if pd.written and pd.written != pd.stated else None,
                          notes=list(pd.notes), effective_due=ctx.cal.effective_due(pd.stated),
                          data_from=window[0] if window else None, data_to=window[1] if window else None))
    return specs
