"""The daily sweep against the database: materialise occurrences, plan notices, board.

Each step is idempotent and safe to run twice at once: occurrences and notices are
inserted with ON CONFLICT DO NOTHING on their unique keys, so the database, not the
scheduler, decides what happens once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, func, select

from dondoc.notify.render import message_id_for
from dondoc.observances import Observance, ObservanceCatalog
from dondoc.schedule import plan as planmod
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.observances import observance_days
from dondoc.schedule.periods import window_phrase
from dondoc.schedule.recurrence import due_dates, relative_due
from dondoc.store import models as m
from dondoc.taskset import Schedule

LOOKBACK_DAYS = 45  # how far back a first sweep looks for occurrences still worth tracking
BOARD_AHEAD_DAYS = 60


@dataclass(frozen=True)
class SweepContext:
    """Everything a sweep needs that is not in the database."""

    as_of: date
    cal: WorkCalendar
    catalog: ObservanceCatalog
    ladders: planmod.LadderConfig
    horizon_days: int = 400
    before_means: str = "same_day"
    mail_domain: str = "dondoc.local"
    tz: str = "Asia/Ho_Chi_Minh"
    cascade_working_days: int = 3

    @property
    def day_starts(self) -> datetime:
        """Local midnight of `as_of`, in UTC: what it plans is due to be sent from then on."""
        return datetime.combine(self.as_of, time(0, 0), tzinfo=ZoneInfo(self.tz)).astimezone(timezone.utc)


def _insert_ignore(session: Session, model: type, rows: list[dict[str, Any]], *, returning: Any = None) -> list[Any]:
    """INSERT … ON CONFLICT DO NOTHING on the table's unique keys; returns what was inserted."""
    if not rows:
        return []
    # a multi-row VALUES needs every column in every row: fill what a row leaves out with the field default
    keys = {k for r in rows for k in r}
    fields = model.model_fields  # type: ignore[attr-defined]
    fill = {k: (fields[k].default_factory() if fields[k].default_factory else fields[k].default) for k in keys}
    rows = [{**fill, **r} for r in rows]
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    # one cached statement, executed for many rows (SQLAlchemy's insertmanyvalues), on the Core connection
    stmt = mod.insert(model.__table__).on_conflict_do_nothing()  # type: ignore[attr-defined]
    conn = session.connection()
    if returning is not None:
        return list(conn.execute(stmt.returning(returning), rows).scalars())
    conn.execute(stmt, rows)
    return []


def _event_observance(ev: str, catalog: ObservanceCatalog) -> Observance:
    found = catalog.by_key(ev) or (catalog.by_date(ev)[0] if catalog.by_date(ev) else None)
    if found is not None:
        return found
    mm, dd = ev[2:4], ev[5:7]
    return Observance(key=f"ngay-{dd}-{mm}", name=f"Ngày {dd}/{mm}", date=ev)


def materialise(*, session: Session, ctx: SweepContext) -> int:
    """Create the occurrences (task × owner × period) due between the look-back and the horizon."""
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
    # an item whose reporting dates are split out as its own report tasks (8 → 8.R1, 8.R2) is
    # reminded through those, not a second time under the item
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    weekly_reports: set[tuple[str, str]] = set()  # items with a weekly report of their own (its day may be unsaid)
    for task, _ in pairs:
        if task.kind == "report" and ".R" in task.key:
            reported[(task.dispatch_id, task.key.rsplit(".R", 1)[0])].update(task.due)
            if task.repeat == "weekly":
                weekly_reports.add((task.dispatch_id, task.key.rsplit(".R", 1)[0]))
    for task, dispatch in pairs:
        orgs = list(owners.get(task.id or -1, []))
        if task.cascade_by and task.cascade_by not in orgs:
            orgs.append(task.cascade_by)  # the consolidator owes the consolidated report itself
        if not orgs:
            continue
        anchor = dispatch.issued_on or start
        lo = max(start, anchor)
        split_out = bool(task.due) and set(task.due) <= reported.get((task.dispatch_id, task.key), set()) or (
            task.repeat == "weekly" and not task.due and (task.dispatch_id, task.key) in weekly_reports)
        for spec in _task_occurrences(task, anchor=anchor, between=(lo, end), ctx=ctx, dated=not split_out,
                                      received=dispatch.received_on or dispatch.issued_on or dispatch.loaded_at.date()):
            for org in orgs:
                own = spec
                if task.cascade_by and org != task.cascade_by and spec["kind"] == "report":
                    own = _internal(spec, task, ctx)
                holder = successor_on(org, own["stated_due"], valid)
                if holder is not None:
                    rows.append({"task_id": task.id, "org_code": holder, "event_key": None, "data_from": None,
                                 "data_to": None, "written_due": None, "notes": [], "status": "open",
                                 "created_at": m.utcnow(), **own})
    count = select(func.count()).select_from(m.Occurrence)
    before = session.exec(count).one()
    for i in range(0, len(rows), 500):
        _insert_ignore(session, m.Occurrence, rows[i : i + 500])
    return session.exec(count).one() - before


def _lunar_occurrences(task: m.Task, lu: dict[str, Any], *, between: tuple[date, date],
                       ctx: SweepContext) -> list[dict[str, Any]]:
    """One occurrence a year for a deadline anchored on a lunar date (Vietnamese calendar, UTC+7)."""
    from dondoc.schedule.calendar import fmt
    from dondoc.schedule.lunar import days_before_lunar

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
    """A sub-unit's occurrence of a consolidated report: due N working days before the consolidator."""
    from dondoc.schedule.calendar import fmt
    from dondoc.schedule.periods import internal_deadline

    days = task.cascade_days if task.cascade_days is not None else ctx.cascade_working_days
    upper = spec["effective_due"]
    inner = internal_deadline(upper, working_days=days, cal=ctx.cal)
    note = (f"Hạn nội bộ: gửi đơn vị tổng hợp trước {days} ngày làm việc so với hạn báo cáo chung "
            f"{fmt(upper)} (Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5 điểm b)")
    return {**spec, "stated_due": inner, "effective_due": ctx.cal.effective_due(inner),
            "written_due": spec.get("written_due") or spec["stated_due"], "notes": [*spec.get("notes", []), note]}


def successor_on(code: str, day: date, valid: dict[str, tuple[date | None, str | None]]) -> str | None:
    """Who holds an owner's duties on `day`: itself, or its successor after a merger or abolition."""
    seen: set[str] = set()
    while code in valid and code not in seen:
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
        from dondoc.taskset import Relative

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


# ---------------------------------------------------------------- planning


@dataclass
class PlanReport:
    messages: int = 0
    notices: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    no_address: list[str] = field(default_factory=list)
    outbox_ids: list[str] = field(default_factory=list)


def _recipients(contacts: dict[str, list[m.Contact]], org_code: str, *, prefer: str) -> list[m.Contact]:
    """The organisation's contacts in the preferred role, or all of them when it has none in that role."""
    mine = contacts.get(org_code, [])
    return [c for c in mine if c.role == prefer] or list(mine)


def plan_notices(*, session: Session, ctx: SweepContext, kinds: set[str]) -> PlanReport:
    """Insert the notices due by `as_of` (once each) and one digest outbox row per recipient."""
    report = PlanReport()
    if kinds & {"failure", "unassigned"}:  # the admins' digest: failed deliveries, tasks with no office
        from dondoc.store.admin_digest import plan_admin

        plan_admin(session=session, ctx=ctx, report=report, kinds=kinds)
    occs = session.exec(
        select(m.Occurrence).where(m.Occurrence.status == "open",
                                   m.Occurrence.effective_due <= ctx.as_of + timedelta(days=366))
    ).all()
    by_id = {o.id: o for o in occs}
    weekly = set(session.exec(select(m.Task.id).where(m.Task.repeat == "weekly")).all())
    views = [_view(o, ctx, weekly=o.task_id in weekly) for o in occs]
    cands = [c for c in planmod.plan(views, as_of=ctx.as_of, cfg=ctx.ladders, cal=ctx.cal) if c.kind in kinds]
    if not cands:
        return report
    tasks = {t.id: t for t in session.exec(select(m.Task).where(col(m.Task.id).in_({by_id[c.occurrence_id].task_id for c in cands}))).all()}
    dispatches = {d.id: d for d in session.exec(select(m.Dispatch).where(col(m.Dispatch.id).in_({t.dispatch_id for t in tasks.values()}))).all()}
    orgs = {o.code: o for o in session.exec(select(m.Organization)).all()}
    contacts: dict[str, list[m.Contact]] = defaultdict(list)
    for contact in session.exec(select(m.Contact)).all():
        contacts[contact.org_code].append(contact)
    per_recipient: dict[tuple[str, str], list[tuple[planmod.Candidate, m.Contact]]] = defaultdict(list)
    for c in cands:
        target = c.org_code
        if c.kind == "escalation":
            parent = orgs[c.org_code].parent if c.org_code in orgs else None
            if parent is None:
                report.no_address.append(f"{c.org_code}: no supervising organisation (parent) to escalate to")
                continue
            target = parent
        chosen = _recipients(contacts, target, prefer="head" if c.kind == "escalation" else "coordinator")
        if not chosen:
            report.no_address.append(f"{target}: no contact address")
            continue
        for contact in chosen:
            per_recipient[(contact.email, target)].append((c, contact))
    for (email, target), items in sorted(per_recipient.items()):
        contact = items[0][1]
        notices = [(f"{c.dedupe_key}:{email}", dict(kind=c.kind, occurrence_id=c.occurrence_id, rung=c.rung))
                   for c, _ in items]
        opened = _open_digest(session, ctx, email=email, name=contact.name, org_code=target, notices=notices)
        if opened is None:
            continue
        row, new_keys = opened
        fresh = [c for c, _ in items if f"{c.dedupe_key}:{email}" in new_keys]
        payload_items = []
        for c in fresh:
            occ = by_id[c.occurrence_id]
            task = tasks[occ.task_id]
            payload_items.append(_item(c, occ, task, dispatches[task.dispatch_id], orgs, ctx))
            report.by_kind[c.kind] += 1
            if c.kind in ("overdue", "escalation"):
                _insert_ignore(session, m.Escalation, [dict(
                    occurrence_id=occ.id, step=c.kind, as_of=ctx.as_of,
                    to_org=target if c.kind == "escalation" else occ.org_code, created_at=m.utcnow())])
        first_dispatch = dispatches[tasks[by_id[fresh[0].occurrence_id].task_id].dispatch_id]
        issuer_org = orgs.get(first_dispatch.issuer_org or "")
        reply = _recipients(contacts, issuer_org.code, prefer="coordinator") if issuer_org else []
        org = orgs.get(target)
        _close_digest(session, row, report, {
            "recipient_name": contact.name, "org_name": org.name if org else target, "as_of": ctx.as_of.isoformat(),
            "issuer": issuer_org.name if issuer_org else first_dispatch.issuer,
            "reply_to": reply[0].email if reply else None, "items": payload_items,
        })
    return report


def _open_digest(session: Session, ctx: SweepContext, *, email: str, name: str, org_code: str | None,
                 notices: list[tuple[str, dict[str, Any]]]) -> tuple[m.Outbox, set[str]] | None:
    """Start one recipient's digest: insert its notices once each (ON CONFLICT DO NOTHING on the
    dedupe key). Returns the row and the keys that are new, or None when every notice was already
    planned (by an earlier sweep, or by a concurrent one that committed first)."""
    row = m.Outbox(recipient_email=email, recipient_name=name, org_code=org_code, as_of=ctx.as_of,
                   status="planning", next_attempt_at=ctx.day_starts)
    row.message_id = message_id_for(row.id, ctx.mail_domain)
    session.add(row)
    session.flush()
    rows = [dict(dedupe_key=key, recipient_email=email, outbox_id=row.id, created_at=m.utcnow(), **fields)
            for key, fields in notices]
    new_keys = set(_insert_ignore(session, m.Notice, rows, returning=m.Notice.dedupe_key))
    if not new_keys:
        session.delete(row)
        session.flush()
        return None
    return row, new_keys


def _close_digest(session: Session, row: m.Outbox, report: PlanReport, payload: dict[str, Any]) -> None:
    """Fill the digest and queue it."""
    row.payload = payload
    row.status = "pending"
    session.add(row)
    report.messages += 1
    report.notices += len(payload["items"])
    report.outbox_ids.append(row.id)


def _view(o: m.Occurrence, ctx: SweepContext, *, weekly: bool = False) -> planmod.OccurrenceView:
    prepare = None
    ladder = None
    if o.kind == "event" and o.event_key:
        obs = ctx.catalog.by_key(o.event_key)
        if obs is not None:
            ladder = tuple(obs.remind_days) if obs.remind_days else None
            if obs.prepare_from:
                p = date(o.stated_due.year, int(obs.prepare_from[2:4]), int(obs.prepare_from[5:7]))
                prepare = p if p < o.stated_due else None
    return planmod.OccurrenceView(id=o.id or 0, kind=o.kind, org_code=o.org_code, effective_due=o.effective_due,
                                  status=o.status, prepare_from=prepare, ladder=ladder,
                                  repeat="weekly" if weekly and o.kind != "event" else None)


def _item(c: planmod.Candidate, occ: m.Occurrence, task: m.Task, d: m.Dispatch,
          orgs: dict[str, m.Organization], ctx: SweepContext) -> dict[str, Any]:
    obs = ctx.catalog.by_key(occ.event_key) if occ.event_key else None
    anniversary, round_year = None, False
    if obs is not None:
        days = observance_days([obs], between=(occ.stated_due, occ.stated_due))
        if days:
            anniversary, round_year = days[0].anniversary, days[0].round_year
    window = (occ.data_from, occ.data_to) if occ.data_from and occ.data_to else None
    owner = orgs.get(occ.org_code)
    return {
        "kind": c.kind, "dispatch_number": d.number, "dispatch_subject": d.subject, "task_key": task.key,
        "title": task.title, "text": task.text, "owner_name": owner.name if owner else occ.org_code,
        "due_stated": occ.stated_due.isoformat(), "due_effective": occ.effective_due.isoformat(),
        "days_left": (occ.effective_due - ctx.as_of).days, "period_label": _period_words(occ, task),
        "window_phrase": window_phrase(window) if window else None, "report_to": task.report_to,
        "observance_name": obs.name if obs else None, "anniversary": anniversary, "round_year": round_year,
        "classified": d.classified, "occurrence_id": occ.id,
        "note": None if occ.kind == "event" else _due_note(occ, ctx),
    }


def _period_words(occ: m.Occurrence, task: m.Task) -> str | None:
    """The period a report covers, in words ("6 tháng đầu năm 2025"; a week with its day: "tuần 5/2026
    (từ 26/01/2026 đến 01/02/2026); định kỳ thứ Năm hằng tuần"); None for one-off and events."""
    from dondoc.schedule.words import period_words, repeat_phrase

    if occ.kind == "event":
        return None
    words = period_words(occ.period)
    if words is not None and task.repeat == "weekly":
        words += f"; định kỳ {repeat_phrase('weekly', task.due)}"
    return words


def _due_note(occ: m.Occurrence, ctx: SweepContext) -> str:
    """The date the reminder means, in words: which day, and why when it moved."""
    from dondoc.schedule.calendar import fmt

    phrase = ctx.cal.due_phrase(occ.stated_due)
    if occ.written_due and occ.written_due != occ.stated_due:
        phrase += f"; “trước ngày {fmt(occ.written_due)}” được hiểu là hạn cuối ngày {fmt(occ.stated_due)}"
    return "; ".join([phrase[0].upper() + phrase[1:], *occ.notes])


# ---------------------------------------------------------------- submissions and the board


def submit(*, session: Session, occurrence: m.Occurrence, at: date) -> None:
    occurrence.status = "submitted"
    occurrence.submitted_at = at
    session.add(occurrence)


@dataclass
class BoardRow:
    org_code: str
    org_name: str
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def rate(self) -> float | None:
        done = self.on_time + self.late
        return None if done == 0 else self.on_time / done


def board(*, session: Session, as_of: date) -> list[BoardRow]:
    """Per organisation, the four buckets of Vietnamese task statistics, for occurrences due by
    `as_of` and open ones due within the next 60 days."""
    orgs = {o.code: o for o in session.exec(select(m.Organization)).all()}
    rows: dict[str, BoardRow] = {}
    occs = session.exec(
        select(m.Occurrence).where(m.Occurrence.kind != "event",
                                   m.Occurrence.effective_due <= as_of + timedelta(days=BOARD_AHEAD_DAYS))
    ).all()
    for o in occs:
        b = planmod.bucket(effective_due=o.effective_due, status=o.status,
                           submitted_at=o.submitted_at if o.submitted_at and o.submitted_at <= as_of else None,
                           as_of=as_of)
        if b is None:
            continue
        row = rows.setdefault(o.org_code, BoardRow(o.org_code, orgs[o.org_code].name if o.org_code in orgs else o.org_code))
        setattr(row, b, getattr(row, b) + 1)
    return sorted(rows.values(), key=lambda r: (-r.overdue, r.org_name))
