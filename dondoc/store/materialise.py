"""Materialise occurrences (task × owner × period) into the database, once each, when something changes.

A task is materialised when it is new (its whole past, from the dispatch's date, so that a dispatch
loaded late still shows what is already overdue), when its owners or their successors change (again
over the look-back window, LOOKBACK_DAYS: `Task.materialised_until` is then cleared), and when the
horizon reaches its next period: `Task.materialised_until` is the day before that period, so the
daily pass finds, through an index, the few tasks with a period entering the horizon that day and
materialises only the days since. Each new occurrence is stored with its first next notice date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select as sa_select, update
from sqlmodel import Session, col, select

from dondoc.observances import Observance, ObservanceCatalog
from dondoc.schedule.calendar import fmt
from dondoc.schedule.lunar import days_before_lunar
from dondoc.schedule.observances import observance_days
from dondoc.schedule.periods import internal_deadline
from dondoc.schedule.plan import NoticeClock
from dondoc.schedule.recurrence import due_dates, relative_due
from dondoc.store import models as m
from dondoc.store import notice_facts as nf
from dondoc.store.bulk import insert_ignore
from dondoc.store.statistics import refresh_after_bulk
from dondoc.taskset import Relative, Schedule

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext

LOOKBACK_DAYS = 45  # how far back a task materialised again looks for occurrences still worth tracking
PROBE_DAYS = 366  # how far past the horizon a task's next period is looked for (a year holds every cadence's)


def _event_observance(ev: str, catalog: ObservanceCatalog) -> Observance:
    found = catalog.by_key(ev) or (catalog.by_date(ev)[0] if catalog.by_date(ev) else None)
    if found is not None:
        return found
    mm, dd = ev[2:4], ev[5:7]
    return Observance(key=f"ngay-{dd}-{mm}", name=f"Ngày {dd}/{mm}", date=ev)


def due_tasks(session: Session, *, until: date, orgs: Collection[str] | None = None) -> list[tuple[m.Task, Any]]:
    """Active tasks never materialised, materialised again, or with a period entering the horizon by
    `until` (through the index on materialised_until); with `orgs`, those that any of them owns."""
    q = (sa_select(m.Task, col(m.Dispatch.issued_on), col(m.Dispatch.received_on), col(m.Dispatch.loaded_at))
         .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
         .where(col(m.Task.active).is_(True), col(m.Dispatch.active).is_(True),
                or_(col(m.Task.materialised_until).is_(None), col(m.Task.materialised_until) < until)))
    if orgs is not None:
        owned = select(m.TaskOwner.task_id).where(m.TaskOwner.role == "lead", col(m.TaskOwner.org_code).in_(list(orgs)))
        q = q.where(or_(col(m.Task.id).in_(owned), col(m.Task.cascade_by).in_(list(orgs))))
    return [(row[0], row[1:]) for row in session.execute(q.order_by(col(m.Task.id))).all()]


def materialise(*, session: Session, ctx: SweepContext, orgs: Collection[str] | None = None) -> int:
    """Create the occurrences of the tasks that need it, up to the horizon; returns how many are new."""
    start = ctx.as_of - timedelta(days=LOOKBACK_DAYS)
    end = ctx.as_of + timedelta(days=ctx.horizon_days)
    pairs = due_tasks(session, until=end, orgs=orgs)
    if not pairs:
        return 0
    ids = [t.id for t, _ in pairs if t.id is not None]
    owners: dict[int, list[str]] = defaultdict(list)
    for task_id, code in session.exec(select(m.TaskOwner.task_id, m.TaskOwner.org_code)
                                      .where(m.TaskOwner.role == "lead", col(m.TaskOwner.task_id).in_(ids))
                                      .order_by(col(m.TaskOwner.id))).all():
        if code and code not in owners[task_id]:
            owners[task_id].append(code)
    # only agencies that ended have a successor to follow (successor_on returns any other code as it is)
    valid = {code: (valid_to, successor) for code, valid_to, successor in session.execute(
        sa_select(col(m.Organization.code), col(m.Organization.valid_to), col(m.Organization.successor))
        .where(col(m.Organization.valid_to).is_not(None))).all()}
    # work a reorganisation moved away from its owner is not materialised for that owner again
    moved = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.period, m.Occurrence.moved_from)
                             .where(col(m.Occurrence.task_id).in_(ids), col(m.Occurrence.moved_from).is_not(None))).all())
    # … nor for its successor while the agency that ended still holds it (the sweep on the date moves it)
    held = _held(session, ids, valid)
    settled = _settled(session, ids)
    reported, weekly_reports = _split_out_items(session, {t.dispatch_id for t, _ in pairs})
    facts = nf.task_facts(session, ids, ctx)
    clock = NoticeClock(ctx.ladders, ctx.cal)
    rows: list[dict[str, Any]] = []
    marks: dict[int, tuple[date, date | None]] = {}  # task id → (materialised_until, materialised_from if first)
    firsts: dict[tuple[Any, ...], tuple[date, str | None]] = {}
    nexts: dict[tuple[Any, ...], tuple[date, str | None]] = {}  # (task, holder, period) → its first next notice
    for task, (issued_on, received_on, loaded_at) in pairs:
        orgs_of = list(owners.get(task.id or -1, []))
        if task.cascade_by and task.cascade_by not in orgs_of:
            orgs_of.append(task.cascade_by)  # the consolidator owes the consolidated report itself
        anchor = issued_on or start
        if task.materialised_from is None:
            lo = anchor  # the whole past, the first time
        elif task.materialised_until is None:
            lo = max(start, anchor)  # materialised again after a change of owners: the look-back window
        else:
            lo = max(task.materialised_until + timedelta(days=1), anchor)
        split_out = bool(task.due) and set(task.due) <= reported.get((task.dispatch_id, task.key), set()) or (
            task.repeat == "weekly" and not task.due and (task.dispatch_id, task.key) in weekly_reports)
        specs = _task_occurrences(task, anchor=anchor, between=(lo, end + timedelta(days=PROBE_DAYS)), ctx=ctx,
                                  dated=not split_out, received=received_on or issued_on or loaded_at.date())
        later = [s["_at"] for s in specs if s["_at"] > end]
        # a task without an owner yet keeps its whole past for the day it is assigned one
        marks[task.id or -1] = (min(later) - timedelta(days=1) if later else end + timedelta(days=PROBE_DAYS),
                                lo if task.materialised_from is None and orgs_of else None)
        if not orgs_of:
            continue
        for spec in specs:
            if spec.pop("_at") > end:
                continue
            consolidator = successor_on(task.cascade_by, spec["stated_due"], valid) if task.cascade_by else None
            for org in orgs_of:
                if (task.id, spec["period"], org) in moved:
                    continue
                own = spec
                if consolidator and spec["kind"] == "report" and successor_on(org, spec["stated_due"], valid) != consolidator:
                    own = _internal(spec, task, ctx)
                holder = successor_on(org, own["stated_due"], valid)
                if holder != org and (task.id, spec["period"], org) in held:
                    continue
                if holder is not None:
                    row = {"task_id": task.id, "org_code": holder, "event_key": None, "data_from": None,
                           "data_to": None, "written_due": None, "notes": [], "status": "open",
                           "upper_due": None, "created_at": m.utcnow(), **own,
                           "ack_open": (task.id, holder) not in settled}
                    shape = (task.id, row["kind"], row["event_key"], row["stated_due"], row["effective_due"], row["ack_open"])
                    if shape not in firsts:  # the owners of one period share their dates
                        firsts[shape] = nf.stored(clock.first(nf.view(
                            id=0, task_id=task.id or 0, org_code=holder, kind=row["kind"], event_key=row["event_key"],
                            stated_due=row["stated_due"], effective_due=row["effective_due"],
                            extended_effective_due=None, status="open", ack_open=row["ack_open"],
                            task=facts.get(task.id or -1), ctx=ctx)))
                    nexts[(task.id, holder, row["period"])] = firsts[shape]
                    rows.append(row)
    created = 0
    occ = m.Occurrence.__table__  # type: ignore[attr-defined]
    for part in nf.chunks(rows, 1000):
        made = insert_ignore(session, m.Occurrence, part, returning=(occ.c.id, occ.c.task_id, occ.c.org_code, occ.c.period))
        # each new occurrence's first next notice date, in its row of occurrence_next
        insert_ignore(session, m.OccurrenceNext, [
            {"occurrence_id": i, "org_code": org, "next_notice_at": nexts[(t, org, period)][0],
             "next_notice_kind": nexts[(t, org, period)][1]} for i, t, org, period in made])
        created += len(made)
    refresh_after_bulk(session, "occurrence", created)
    refresh_after_bulk(session, "occurrence_next", created)
    _mark(session, marks)
    return created


def _held(session: Session, task_ids: list[int], valid: dict[str, Any]) -> set[tuple[int, str, str]]:
    """(task, period, owner) of these tasks' occurrences held by an agency that has ended."""
    if not valid or not task_ids:
        return set()
    q = select(m.Occurrence.task_id, m.Occurrence.period, m.Occurrence.org_code).where(col(m.Occurrence.task_id).in_(task_ids))
    if len(valid) <= nf.CHUNK:
        return set(session.exec(q.where(col(m.Occurrence.org_code).in_(list(valid)))).all())
    return {row for row in session.exec(q).all() if row[2] in valid}


def _settled(session: Session, task_ids: list[int]) -> set[tuple[int, str]]:
    """(task, owner) pairs whose receipt is known: acknowledged, or marked on an occurrence already."""
    if not task_ids:
        return set()
    acked = session.exec(select(m.Acknowledgement.task_id, m.Acknowledgement.org_code)
                         .where(col(m.Acknowledgement.task_id).in_(task_ids))).all()
    known = session.exec(select(m.Occurrence.task_id, m.Occurrence.org_code).distinct()
                         .where(col(m.Occurrence.task_id).in_(task_ids), col(m.Occurrence.ack_open).is_(False))).all()
    return {(t, o) for t, o in acked} | {(t, o) for t, o in known}


def _split_out_items(session: Session, dispatch_ids: set[str]) -> tuple[dict[tuple[str, str], set[str]], set[tuple[str, str]]]:
    """Items whose reporting dates are split out as report tasks of their own (8 → 8.R1, 8.R2): they are
    reminded through those, not a second time under the item; and items with a weekly report of their own."""
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    weekly_reports: set[tuple[str, str]] = set()  # its day may be unsaid
    for dispatch_id, key, due, repeat in session.exec(
            select(m.Task.dispatch_id, m.Task.key, m.Task.due, m.Task.repeat)
            .where(col(m.Task.dispatch_id).in_(dispatch_ids), m.Task.active == True,  # noqa: E712
                   m.Task.kind == "report", col(m.Task.key).contains(".R"))).all():
        item = key.rsplit(".R", 1)[0]
        reported[(dispatch_id, item)].update(due)
        if repeat == "weekly":
            weekly_reports.add((dispatch_id, item))
    return reported, weekly_reports


def _mark(session: Session, marks: dict[int, tuple[date, date | None]]) -> None:
    """Store each task's materialised-until day (and the first day, the first time), grouped by value."""
    groups: dict[tuple[date, date | None], list[int]] = defaultdict(list)
    for task_id, value in marks.items():
        groups[value].append(task_id)
    table = m.Task.__table__  # type: ignore[attr-defined]
    for (until, first), ids in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or date.min)):
        values: dict[str, Any] = {"materialised_until": until}
        q = update(table).where(table.c.id.in_(ids))
        if first is not None:
            session.execute(q.where(table.c.materialised_from.is_(None)).values(materialised_from=first))
        session.execute(q.values(**values))


def reset(session: Session, *, codes: Collection[str] = (), task_ids: Collection[int] = ()) -> None:
    """Materialise these tasks again at the next sweep, over the look-back window: their owners, or the
    successors of their owners, changed. `codes` names organisations whose tasks (as lead or consolidator)
    are concerned, together with every organisation whose line of successors passes through them."""
    ids = set(task_ids)
    if codes:
        ended = dict(session.exec(select(m.Organization.code, m.Organization.successor)
                                  .where(col(m.Organization.valid_to).is_not(None))).all())
        concerned = set(codes)
        grown = True
        while grown:  # whoever's duties pass to a concerned agency is concerned too
            more = {code for code, succ in ended.items() if succ in concerned} - concerned
            concerned |= more
            grown = bool(more)
        owners = select(m.TaskOwner.task_id).where(col(m.TaskOwner.org_code).in_(concerned))
        ids |= set(i for i in session.exec(  # type: ignore[misc]
            select(m.Task.id).where(or_(col(m.Task.id).in_(owners),
                                                              col(m.Task.cascade_by).in_(concerned)))).all())
    for part in nf.chunks(sorted(i for i in ids if i is not None)):
        session.execute(update(m.Task).where(col(m.Task.id).in_(part)).values(materialised_until=None))


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
                        effective_due=ctx.cal.effective_due(stated), notes=[note], _at=stated))
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
                              stated_due=day.day, effective_due=day.day, _at=day.day))
    for lu in task.lunar:
        specs.extend(_lunar_occurrences(task, lu, between=between, ctx=ctx))
    if task.relative:
        stated = relative_due(Relative(**task.relative), received=received, cal=ctx.cal)
        if between[0] <= stated <= between[1]:
            specs.append(dict(period="once", kind=task.kind, stated_due=stated,
                              effective_due=ctx.cal.effective_due(stated), _at=stated))
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
                          data_from=window[0] if window else None, data_to=window[1] if window else None,
                          _at=pd.written or pd.stated))
    return specs
