"""The next notice date of open occurrences: their facts read in bulk, the date computed by the pure rule
(dondoc.schedule.plan.next_notice), and written back in a few set-based UPDATEs.

The date is the first day a sweep has something new to send about an occurrence. What moves it
earlier is written where it happens: a new occurrence gets its first date when it is materialised;
an extension or a move marks it LOOK_AGAIN, so that the next sweep looks at it (and plans what the
level-triggered planner plans on that day) and stores its date again; a change of the ladders, the
observance calendar or the working calendar marks every open occurrence so (`refresh_on_new_rules`).
What only removes notices (work done, a receipt confirmed) needs nothing: the stored date is then
early, the sweep finds nothing new, and stores the next one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select as sa_select, update
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from dondoc.schedule import plan as planmod
from dondoc.schedule.ladder import ack_reminder_day
from dondoc.store import models as m
from dondoc.store.bulk import among, dialect_of, insert_ignore
from dondoc.store.statistics import refresh_after_bulk

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext

CHUNK = 5000  # ids in one IN list (well under SQLite's and PostgreSQL's bound parameter limits)


@dataclass(frozen=True)
class TaskFacts:
    """What an occurrence's notices depend on at the level of its task."""

    repeat: str
    ack_from: date | None  # the day owners are asked to acknowledge it (None for a task no longer active)


def chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def received_day(received: date | None, loaded_at: datetime, tz: str) -> date:
    """When the owners got a task: the day its dispatch arrived, else the local day it was loaded."""
    if received is not None:
        return received
    at = loaded_at if loaded_at.tzinfo else loaded_at.replace(tzinfo=timezone.utc)
    return at.astimezone(ZoneInfo(tz)).date()


def task_facts(session: Session, task_ids: Iterable[int], ctx: SweepContext) -> dict[int, TaskFacts]:
    """Cadence and acknowledgement day of each task (one query per 5,000 tasks)."""
    out: dict[int, TaskFacts] = {}
    asked: dict[date, date] = {}
    for ids in chunks(sorted(set(task_ids))):
        rows = session.execute(sa_select(col(m.Task.id), col(m.Task.repeat), col(m.Task.active), col(m.Dispatch.received_on), col(m.Dispatch.loaded_at))
                            .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
                            .where(col(m.Task.id).in_(ids))).all()
        for task_id, repeat, active, received, loaded_at in rows:
            day = received_day(received, loaded_at, ctx.tz)
            if day not in asked:
                asked[day] = ack_reminder_day(day, ctx.ack_after, ctx.cal)
            out[task_id or 0] = TaskFacts(repeat=repeat, ack_from=asked[day] if active else None)
    return out


def view(*, id: int, task_id: int, org_code: str, kind: str, event_key: str | None, stated_due: date,
         effective_due: date, extended_effective_due: date | None, status: str, ack_open: bool,
         task: TaskFacts | None, ctx: SweepContext) -> planmod.OccurrenceView:
    """An occurrence as the planner sees it: its observance's ladder and preparation window, its cadence,
    and the acknowledgement day while its owner's receipt may be unconfirmed."""
    prepare = None
    ladder = None
    if kind == "event" and event_key:
        obs = ctx.catalog.by_key(event_key)
        if obs is not None:
            ladder = tuple(obs.remind_days) if obs.remind_days else None
            if obs.prepare_from:
                p = date(stated_due.year, int(obs.prepare_from[2:4]), int(obs.prepare_from[5:7]))
                prepare = p if p < stated_due else None
    weekly = task is not None and task.repeat == "weekly" and kind != "event"
    return planmod.OccurrenceView(id=id, kind=kind, org_code=org_code, effective_due=effective_due, status=status,
                                  prepare_from=prepare, ladder=ladder, repeat="weekly" if weekly else None,
                                  extended_due=extended_effective_due, task_id=task_id,
                                  ack_from=task.ack_from if task is not None and ack_open else None)


def stored(found: tuple[date, str] | None) -> tuple[date, str | None]:
    """A next notice as the columns hold it: NO_NOTICE when there will be none."""
    return (found[0], found[1]) if found is not None else (m.NO_NOTICE, None)


Updates = dict[tuple[date | None, date, str | None], list[int]]  # (date read, new date, kind) → occurrence ids


def date_writes(updates: Updates, slices: int) -> list[Callable[[Connection], None]]:
    """write_next in about `slices` writes of a connection (for the writer thread, dondoc.store.writer, to run
    between other writes), in write_next's order, the statistics refreshed after the last."""
    total = sum(len(ids) for ids in updates.values())
    size = max(1, -(-total // max(1, slices)))
    out: list[Callable[[Connection], None]] = []
    part: Updates = {}
    held = 0
    for key, ids in sorted(updates.items(), key=_order):
        ids = sorted(ids)
        while ids:
            take = ids[: size - held]
            ids = ids[len(take):]
            part[key] = take
            held += len(take)
            if held == size:
                out.append(partial(write_next, updates=part, analyze=False))
                part, held = {}, 0
    if part:
        out.append(partial(write_next, updates=part, analyze=False))
    if out:
        out.append(partial(_refresh, written=total))
    return out


def _refresh(conn: Connection, written: int) -> None:
    refresh_after_bulk(conn, "occurrence_next", written)


def _order(kv: tuple[tuple[date | None, date, str | None], list[int]]) -> tuple[str, date, str]:
    return (str(kv[0][0]), kv[0][1], kv[0][2] or "")


def write_next(db: Session | Connection, updates: Updates, *, analyze: bool = True) -> None:
    """Store new next notice dates, a few UPDATEs for a whole sweep (occurrences share their dates). An
    UPDATE keyed on the date it read changes nothing where an extension or a move was written meanwhile.
    `db`: the session, or its connection (from the writer's thread, dondoc.store.writer)."""
    table = m.OccurrenceNext.__table__  # type: ignore[attr-defined]
    if not updates:
        return
    sqlite = dialect_of(db) == "sqlite"
    for (old, new, kind), ids in sorted(updates.items(), key=_order):
        if sqlite:  # one statement per date moved, its ids one JSON text (SQLite compiles an IN list of 5,000 anew)
            conn = db if isinstance(db, Connection) else db.connection()
            conn.exec_driver_sql(
                "UPDATE occurrence_next SET next_notice_at = ?, next_notice_kind = ? WHERE occurrence_id IN "
                "(SELECT value FROM json_each(?))" + (" AND next_notice_at = ?" if old is not None else ""),
                (new.isoformat(), kind, json.dumps(sorted(ids)), *((old.isoformat(),) if old is not None else ())))
            continue
        for part in chunks(sorted(ids)):
            q = update(table).where(among(db, table.c.occurrence_id, part))
            if old is not None:
                q = q.where(table.c.next_notice_at == old)
            db.execute(q.values(next_notice_at=new, next_notice_kind=kind))
    # after many dates moved (a first sweep, a busy day), the statistics the next sweep's plan reads by: with the
    # dates of before, a quiet day was estimated to have a third of the table due and read every occurrence.
    # (Each row is found by its key above: the table was analysed when its rows were created.)
    if analyze:
        refresh_after_bulk(db, "occurrence_next", sum(len(ids) for ids in updates.values()))


def rules_fingerprint(ctx: SweepContext) -> str:
    """What the next notice dates were computed from besides the occurrences: the ladders, the observances'
    ladders and windows, the acknowledgement delay and the working calendar's notices."""
    cal = ctx.cal
    parts = [repr(ctx.ladders), repr(ctx.ack_after), repr(cal.shift),
             repr(sorted((o.key, o.remind_days, o.prepare_from) for o in ctx.catalog.observances)),
             repr(sorted((d.isoformat(), "off") for n in cal.notices.values() for d in n.days_off)
                  + sorted((d.isoformat(), "on") for n in cal.notices.values() for d in n.working_days))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def refresh_on_new_rules(session: Session, ctx: SweepContext) -> bool:
    """Mark open occurrences to be looked at again (LOOK_AGAIN) when their dates may be late: every open
    one when the rules changed since the dates were computed, and those dated after `as_of` when a later
    day was planned already (a replay back in time: their dates were advanced past it). That sweep then
    costs what a sweep cost before the index. True when it marked. Written only on a change of rules, so
    that sweeps running at once (shards) do not wait for one another on it."""
    fingerprint = rules_fingerprint(ctx)
    meta = session.get(m.Meta, "plan_rules")
    table, occ = m.OccurrenceNext.__table__, m.Occurrence.__table__  # type: ignore[attr-defined]
    look_again = update(table).where(table.c.occurrence_id.in_(sa_select(occ.c.id).where(occ.c.status == "open"))
                                     ).values(next_notice_at=m.LOOK_AGAIN, next_notice_kind=None)
    if meta is None:  # a new database, or the first sweep after the upgrade (every date is LOOK_AGAIN then)
        insert_ignore(session, m.Meta, [{"key": "plan_rules", "value": {"sha256": fingerprint}}])
    elif meta.value.get("sha256") != fingerprint:
        session.execute(look_again)
        meta.value = {"sha256": fingerprint}
        session.add(meta)
        session.flush()
        return True
    later = session.exec(select(col(m.Outbox.as_of)).where(col(m.Outbox.as_of) > ctx.as_of).limit(1)).first()
    if later is None:
        return False
    session.execute(look_again.where(table.c.next_notice_at > ctx.as_of))
    return True
