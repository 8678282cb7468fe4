"""The next notice date stands for the level-triggered planner: a sweep on day D has something new
for an occurrence exactly when its next notice date is D or earlier.

The oracle below is the planner as it was before the index (every open occurrence due within a
year, every day): the latest reminder rung reached, the latest escalation rungs reached, and the
acknowledgement request from its day on. A notice is new on D when its dedupe key was not planned
by an earlier sweep.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.ladder import Rung, rungs_reached
from dondoc.schedule.plan import LadderConfig, NoticeClock, OccurrenceView, next_notice, turning_days

CAL = WorkCalendar()
CFG = LadderConfig()


# ---------------------------------------------------------------- the oracle: the old planner, as it was


def old_plan(o: OccurrenceView, day: date, cfg: LadderConfig, cal: WorkCalendar) -> set[str]:
    """The dedupe keys the old planner had for `o` on `day` (its query, its rungs, its acknowledgement rule)."""
    if o.status != "open" or o.effective_due > day + timedelta(days=366):  # the old query's window
        return set()
    due = o.extended_due or o.effective_due
    key = f"{o.id}@{o.extended_due.isoformat()}" if o.extended_due else str(o.id)
    keys: set[str] = set()
    if o.repeat == "weekly" and o.kind != "event" and o.ladder is None:
        reached = [n for n in cfg.weekly if cal.subtract_working_days(due, n) <= day] if day <= due else []
    else:
        ladder = list(o.ladder if o.ladder is not None else {"event": cfg.observance, "report": cfg.report}.get(
            o.kind, cfg.action))
        if o.prepare_from is not None and o.prepare_from < o.effective_due:
            ladder.append((o.effective_due - o.prepare_from).days)
        reached = [d for d in ladder if due - timedelta(days=d) <= day] if day <= due else []
    if reached:
        kind = "observance" if o.kind == "event" else "reminder"
        keys.add(f"{kind}:{key}:{min(reached)}")
    if o.kind in ("report", "action"):
        for r in rungs_reached(due, cfg.escalation, day, cal):
            chase = "overdue" if r.to == "owner_coordinator" else "escalation"
            keys.add(f"{chase}:{key}:{r.days}:{r.to}")
    if o.ack_from is not None and o.ack_from <= day:  # not acknowledged, not done, N working days after receipt
        keys.add(f"ack:{o.task_id}:{o.org_code}")
    return keys


# ---------------------------------------------------------------- tables


def occ(kind: str = "report", due: date = date(2025, 6, 16), status: str = "open", **kw) -> OccurrenceView:  # type: ignore[no-untyped-def]
    return OccurrenceView(id=7, kind=kind, org_code="so-a", effective_due=due, status=status, task_id=3, **kw)


@pytest.mark.parametrize(("o", "after", "sent", "expected"), [
    (occ(), None, frozenset(), (date(2025, 6, 2), "reminder")),  # 14 days before Monday 16/6
    (occ(), date(2025, 6, 3), frozenset({"reminder:7:14"}), (date(2025, 6, 9), "reminder")),  # the 7-day rung
    (occ(), date(2025, 6, 3), frozenset(), (date(2025, 6, 3), "reminder")),  # rung 14 not planned yet: today
    (occ(), date(2025, 6, 17), frozenset({"reminder:7:0"}), (date(2025, 6, 17), "overdue")),  # Tuesday: rung 1
    (occ(), date(2025, 6, 18), frozenset({"overdue:7:1:owner_coordinator"}), (date(2025, 6, 19), "escalation")),
    (occ(), date(2025, 6, 24), frozenset({"escalation:7:5:parent_head"}), (date(2025, 6, 30), "escalation")),
    (occ(), date(2025, 7, 1), frozenset({"escalation:7:10:issuer_office"}), None),  # the top rung: nothing more
    (occ(status="submitted"), None, frozenset(), None),  # done: nothing, ever
    (occ(kind="event", due=date(2025, 8, 19)), date(2025, 8, 20), frozenset(), None),  # a passed observance
    (occ(kind="event", due=date(2025, 8, 19), prepare_from=date(2025, 7, 1)), None, frozenset(),
     (date(2025, 7, 1), "observance")),  # the preparation window opens
    (occ(extended_due=date(2025, 6, 30)), date(2025, 6, 17), frozenset({"reminder:7:0"}),
     (date(2025, 6, 17), "reminder")),  # an extension: a new series of keys on the new date
    (occ(repeat="weekly", due=date(2025, 6, 16)), None, frozenset(), (date(2025, 6, 13), "reminder")),  # Friday
    (occ(ack_from=date(2025, 6, 4)), date(2025, 6, 3), frozenset({"reminder:7:14"}), (date(2025, 6, 4), "ack")),
    (occ(due=date(2026, 9, 1)), None, frozenset(), (date(2026, 8, 18), "reminder")),
    (occ(due=date(2026, 9, 1), ack_from=date(2025, 6, 4)), None, frozenset(),
     (date(2025, 8, 31), "ack")),  # asked once the occurrence is within a year
], ids=lambda v: str(v) if not isinstance(v, OccurrenceView) else f"{v.kind}-{v.effective_due}")
def test_the_next_notice_date_of_an_occurrence(o: OccurrenceView, after: date | None, sent: frozenset[str],
                                               expected: tuple[date, str] | None) -> None:
    assert next_notice(o, cfg=CFG, cal=CAL, after=after, sent=sent) == expected


def test_the_candidates_change_only_on_the_turning_days() -> None:
    o = occ(ack_from=date(2025, 6, 5))
    days = turning_days(o, cfg=CFG, cal=CAL)
    day = date(2024, 6, 1)
    while day < date(2025, 8, 1):
        if day + timedelta(days=1) not in days:
            assert old_plan(o, day, CFG, CAL) == old_plan(o, day + timedelta(days=1), CFG, CAL), day
        day += timedelta(days=1)


# ---------------------------------------------------------------- every occurrence, every day


def _day(lo: date, span: int) -> st.SearchStrategy[date]:
    return st.integers(0, span).map(lambda n: lo + timedelta(days=n))


BASE = date(2025, 1, 1)


@st.composite
def occurrences(draw: st.DrawFn) -> OccurrenceView:
    kind = draw(st.sampled_from(["report", "action", "event"]))
    due = draw(_day(BASE + timedelta(days=20), 500))
    extended = draw(st.none() | st.integers(1, 60).map(lambda n: due + timedelta(days=n)))
    prepare = draw(st.none() | st.integers(1, 420).map(lambda n: due - timedelta(days=n))) if kind == "event" else None
    ladder = draw(st.none() | st.lists(st.integers(0, 400), min_size=1, max_size=4).map(tuple))
    return OccurrenceView(
        id=draw(st.integers(1, 10**6)), kind=kind, org_code=draw(st.sampled_from(["so-a", "xa-b"])),
        effective_due=due, status="open", prepare_from=prepare,
        ladder=ladder if kind == "event" else None, repeat=draw(st.sampled_from([None, "weekly", "monthly"])),
        extended_due=extended, task_id=draw(st.integers(1, 99)),
        ack_from=draw(st.none() | _day(BASE - timedelta(days=30), 700)))


CONFIGS = st.builds(
    LadderConfig,
    report=st.lists(st.integers(0, 40), min_size=1, max_size=5).map(tuple),
    action=st.lists(st.integers(0, 40), min_size=1, max_size=4).map(tuple),
    observance=st.lists(st.integers(0, 60), min_size=1, max_size=4).map(tuple),
    escalation=st.lists(st.builds(Rung, st.integers(1, 12), st.sampled_from(
        ["owner_coordinator", "owner_head", "parent_head", "issuer_office"])), min_size=1, max_size=4,
        unique=True).map(lambda rs: tuple(sorted(rs))),
    weekly=st.lists(st.integers(0, 3), min_size=1, max_size=2).map(tuple),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(o=occurrences(), cfg=CONFIGS, start=_day(BASE - timedelta(days=400), 900))
def test_swept_every_day_a_notice_is_due_exactly_when_the_next_notice_date_has_come(
        o: OccurrenceView, cfg: LadderConfig, start: date) -> None:
    """Created on `start` (its first date may have passed: it is looked at by the first sweep), then swept
    every day for 600 days: the old planner has a key not planned before ⇔ the next notice date is that
    day or earlier; the date is then recomputed from everything planned (and, as the store does it, from
    that day's candidates alone: the same)."""
    clock = NoticeClock(cfg, CAL)
    sent: set[str] = set()
    nxt = next_notice(o, cfg=cfg, cal=CAL)
    assert nxt == clock.first(o)
    for n in range(600):
        day = start + timedelta(days=n)
        keys = old_plan(o, day, cfg, CAL)
        if n:
            assert bool(keys - sent) == (nxt is not None and nxt[0] <= day), (day, nxt, keys - sent)
        else:  # the first sweep looks at every occurrence whose first notice date has come, passed or not
            assert (nxt is not None and nxt[0] <= day) == any(old_plan(o, d, cfg, CAL) for d in _days(day - timedelta(days=900), day))
        if nxt is not None and nxt[0] <= day:
            assert {c.dedupe_key for c in clock.due_on(o, day)} == keys
            sent |= keys
            nxt = next_notice(o, cfg=cfg, cal=CAL, after=day + timedelta(days=1), sent=frozenset(sent))
            assert nxt == clock.after_sweep(o, day)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(o=occurrences(), cfg=CONFIGS, gaps=st.lists(st.integers(1, 12), min_size=1, max_size=80),
       start=_day(BASE - timedelta(days=400), 900))
def test_after_downtime_the_sweep_plans_what_the_old_planner_planned_and_nothing_is_late(
        o: OccurrenceView, cfg: LadderConfig, gaps: list[int], start: date) -> None:
    """Sweeps on arbitrary days (downtime of up to 12 days between them). On each day D after a sweep on L:
    the next notice date is D or earlier ⇔ on some day of (L, D] the old planner would have had a new key;
    a sweep that selects the occurrence plans the old planner's keys of D (the latest rung, never the
    backlog), and one that does not select it leaves nothing unplanned."""
    clock = NoticeClock(cfg, CAL)
    sent: set[str] = set()
    nxt = next_notice(o, cfg=cfg, cal=CAL)
    last = start - timedelta(days=800)  # "never swept": the whole past counts
    day = start
    for gap in gaps:
        keys = old_plan(o, day, cfg, CAL)
        since = any(old_plan(o, d, cfg, CAL) - sent for d in _days(max(last + timedelta(days=1), day - timedelta(days=900)), day))
        assert since == (nxt is not None and nxt[0] <= day), (day, nxt)
        if nxt is not None and nxt[0] <= day:  # selected: it plans what the old planner planned
            assert {c.dedupe_key for c in clock.due_on(o, day)} == keys
            sent |= keys
            nxt = next_notice(o, cfg=cfg, cal=CAL, after=day + timedelta(days=1), sent=frozenset(sent))
            assert nxt == clock.after_sweep(o, day)
        else:  # not selected: the old planner had nothing new either
            assert not keys - sent
        last, day = day, day + timedelta(days=gap)


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=n) for n in range((hi - lo).days + 1)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(o=occurrences(), days=st.lists(_day(BASE - timedelta(days=60), 800), min_size=1, max_size=6, unique=True),
       to=st.integers(1, 90))
def test_an_extension_granted_between_sweeps_is_found_by_looking_again(o: OccurrenceView, days: list[date],
                                                                       to: int) -> None:
    """An extension changes the keys: the store marks the occurrence to be looked at again (its next notice
    date in the past), and the sweep's recomputation after that day is as exact as before."""
    from dataclasses import replace

    sent: set[str] = set()
    days.sort()
    for day in days[:-1]:
        sent |= old_plan(o, day, CFG, CAL)
    extended = replace(o, extended_due=(o.extended_due or o.effective_due) + timedelta(days=to))
    last = days[-1]
    new = old_plan(extended, last, CFG, CAL) - sent
    clock = NoticeClock(CFG, CAL)
    # looked at again on `last` whatever its date was: what the sweep plans is the old planner's
    assert {c.dedupe_key for c in clock.due_on(extended, last)} - sent == new
    sent |= old_plan(extended, last, CFG, CAL)
    assert clock.after_sweep(extended, last) == next_notice(extended, cfg=CFG, cal=CAL,
                                                            after=last + timedelta(days=1), sent=frozenset(sent))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(o=occurrences(), cfg=CONFIGS, day=_day(BASE - timedelta(days=60), 800),
       owners=st.lists(st.tuples(st.integers(1, 10**7), st.sampled_from(["xa-a", "xa-b", "so-c"]), st.integers(1, 99)),
                       min_size=2, max_size=6))
def test_occurrences_of_one_shape_share_the_clock_s_answer_but_keep_their_own_keys(
        o: OccurrenceView, cfg: LadderConfig, day: date, owners: list[tuple[int, str, int]]) -> None:
    """The clock remembers candidates by an occurrence's shape (a busy day asks about 300,000 occurrences of
    a few hundred shapes): each occurrence still gets exactly the candidates the planner has for it."""
    from dataclasses import replace

    from dondoc.schedule.plan import candidates

    clock = NoticeClock(cfg, CAL)
    for id_, org, task in owners:
        occ = replace(o, id=id_, org_code=org, task_id=task)
        assert clock.due_on(occ, day) == candidates(occ, as_of=day, cfg=cfg, cal=CAL)
        assert clock.shape(occ) is clock.shape(o)
