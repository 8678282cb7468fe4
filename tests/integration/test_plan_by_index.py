"""The sweep that plans by index against the level-triggered planner it replaced, over replayed days.

A small part of the synthetic nation (one province, two communes: every cadence, observances,
weekly reports, actions) is loaded through the real code and swept day by day with gaps (downtime),
work done and a deadline extended between sweeps. Before each sweep the oracle, the old planner
written out (every open occurrence of the next 366 days through `schedule.plan.plan`, plus one
acknowledgement request per task and owner whose receipt is unconfirmed), says what is due and not yet
planned; the sweep through the index must plan exactly that: the same notices on the same days.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import yaml
from sqlmodel import col, select

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import vietnam  # noqa: E402
import vietnam_tasks as vt  # noqa: E402


def _files(tmp: Path) -> tuple[list[str], list[str]]:
    scale = vietnam.Scale(provinces=1, communes=2)
    data = vietnam.directory_data(scale)
    d = tmp / "orgs.yaml"
    d.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sets = []
    for i, ts in enumerate(vt.tasksets(scale, data)):
        p = tmp / f"taskset-{i:03d}.yaml"
        p.write_text(yaml.safe_dump(ts, allow_unicode=True, sort_keys=False), encoding="utf-8")
        sets.append(str(p))
    return [str(d)], sets


def _oracle(session, ctx) -> set[str]:  # type: ignore[no-untyped-def]
    """What the level-triggered planner has on ctx.as_of (candidate keys, every kind but the admins')."""
    from dondoc.schedule import plan as planmod
    from dondoc.schedule.ladder import ack_reminder_due
    from dondoc.store import models as m
    from dondoc.store.chase import received_on

    occs = session.exec(select(m.Occurrence).where(m.Occurrence.status == "open",
                                                   m.Occurrence.effective_due <= ctx.as_of + timedelta(days=366))).all()
    weekly = set(session.exec(select(m.Task.id).where(m.Task.repeat == "weekly")).all())
    views = []
    for o in occs:
        prepare, ladder = None, None
        if o.kind == "event" and o.event_key:
            obs = ctx.catalog.by_key(o.event_key)
            if obs is not None:
                ladder = tuple(obs.remind_days) if obs.remind_days else None
                if obs.prepare_from:
                    p = date(o.stated_due.year, int(obs.prepare_from[2:4]), int(obs.prepare_from[5:7]))
                    prepare = p if p < o.stated_due else None
        views.append(planmod.OccurrenceView(
            id=o.id, kind=o.kind, org_code=o.org_code, effective_due=o.effective_due, status=o.status,
            prepare_from=prepare, ladder=ladder, repeat="weekly" if o.task_id in weekly and o.kind != "event" else None,
            extended_due=o.extended_effective_due))
    keys = {c.dedupe_key for c in planmod.plan(views, as_of=ctx.as_of, cfg=ctx.ladders, cal=ctx.cal)}
    first: dict[tuple[int, str], m.Occurrence] = {}
    for o in sorted(occs, key=lambda o: (o.effective_due, o.id)):
        first.setdefault((o.task_id, o.org_code), o)
    acked = set(session.exec(select(m.Acknowledgement.task_id, m.Acknowledgement.org_code)).all())
    done = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.org_code)
                            .where(m.Occurrence.status == "submitted")).all())
    received = {t.id: received_on(d, ctx.tz) for t, d in session.exec(
        select(m.Task, m.Dispatch).join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
        .where(m.Task.active == True)).all()}  # noqa: E712
    for (task_id, org) in first:
        if (task_id, org) in acked or (task_id, org) in done or task_id not in received:
            continue
        if ack_reminder_due(received[task_id], ctx.ack_after, ctx.as_of, ctx.cal):
            keys.add(f"ack:{task_id}:{org}")
    return keys


def _planned(session) -> set[str]:  # type: ignore[no-untyped-def]
    from dondoc.store import models as m

    return {k.rsplit(":", 1)[0] for k in session.exec(select(m.Notice.dedupe_key)).all()}


# Friday 12/6/2026 to the end of July, with a long weekend and a week of downtime left out
DAYS = [d for d in (date(2026, 6, 12) + timedelta(days=i) for i in range(50))
        if d not in {date(2026, 6, 20), date(2026, 6, 21)} and not date(2026, 7, 6) <= d <= date(2026, 7, 12)]


def test_the_indexed_sweep_plans_what_the_level_triggered_planner_planned_day_by_day(database_url, tmp_path):  # type: ignore[no-untyped-def]
    import nationwide_steps as bench_steps

    from dondoc.app import steps
    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope
    from dondoc.store.extensions import grant
    from dondoc.store.progress import submit

    url = database_url
    dirs, sets = _files(tmp_path)
    bench_steps.load(url, dirs, sets)
    settings = bench_steps._settings(url)
    engine = get_engine(url)
    total = 0
    for n, day in enumerate(DAYS):
        steps.materialise_step(settings, day)
        ctx = steps.context(settings, day)
        with session_scope(engine) as s:
            expected = _oracle(s, ctx) - _planned(s)
            before = _planned(s)
        steps.plan_step(settings, day, steps.REMIND_KINDS | steps.ESCALATE_KINDS)
        with session_scope(engine) as s:
            got = _planned(s) - before
            assert got == expected, (day, sorted(got - expected)[:5], sorted(expected - got)[:5])
            total += len(got)
            # between sweeps, offices work: every third open report due by then is done, one is extended
            due = s.exec(select(m.Occurrence).where(m.Occurrence.status == "open", m.Occurrence.kind == "report",
                                                    m.Occurrence.effective_due <= day + timedelta(days=3))
                         .order_by(col(m.Occurrence.id))).all()
            for o in due[::3]:
                submit(session=s, occurrence=o, at=day)
            if n % 5 == 0 and due[1::3]:
                o = due[1]
                grant(session=s, occurrence=o, to_due=(o.extended_effective_due or o.effective_due) + timedelta(days=9),
                      reason="kiểm thử", document=None, actor="test", cal=ctx.cal)
    assert total > 500  # the replay planned real work: reminders, observances, the ladder, acknowledgements
