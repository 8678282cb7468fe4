"""What should have been sent by now: level-triggered notice planning (pure).

A sweep on day D asks, for every open occurrence, which rung of its ladder is the latest
one already reached. Only that rung is a candidate; its dedupe key makes it happen once.
So a sweep after three days of downtime sends the latest useful reminder, never three, and
a date that has passed is not announced afterwards.

After the date, work that is still open (reports and actions alike; observances are not
chased) climbs the escalation ladder of `schedule.ladder`, counted in working days from the
deadline that applies: the extended one when an extension was granted. An extension starts
the reminders and the ladder again on the new date (its keys carry that date).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from dondoc.schedule.ladder import DEFAULT_ACK_AFTER, DEFAULT_LADDER, Rung, rung_day, rungs_reached

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar

NoticeKind = Literal["reminder", "observance", "overdue", "escalation", "ack"]
CHASED_KINDS = ("report", "action")  # what has a deadline to chase; an observance is a date, not a duty


@dataclass(frozen=True)
class OccurrenceView:
    """The facts about one occurrence that planning needs."""

    id: int
    kind: str  # action | report | event
    org_code: str
    effective_due: date
    status: str  # open | submitted | cancelled
    prepare_from: date | None = None  # observances: the preparation window opens
    ladder: tuple[int, ...] | None = None  # per-occurrence override (observance remind_days)
    repeat: str | None = None  # the task's cadence: "weekly" takes the weekly ladder
    extended_due: date | None = None  # the effective deadline granted by an extension, when there is one
    task_id: int = 0
    ack_from: date | None = None  # while its owner may not have confirmed receipt: the day it is asked to

    @property
    def due(self) -> date:
        """The deadline reminders and the ladder follow: the extended one when granted."""
        return self.extended_due or self.effective_due

    @property
    def key(self) -> str:
        """The occurrence as its dedupe keys name it; an extension starts a new series of notices."""
        return f"{self.id}@{self.extended_due.isoformat()}" if self.extended_due else str(self.id)


@dataclass(frozen=True)
class LadderConfig:
    report: tuple[int, ...] = (14, 7, 3, 1, 0)
    action: tuple[int, ...] = (7, 1, 0)
    observance: tuple[int, ...] = (30, 14, 7, 1)
    escalation: tuple[Rung, ...] = DEFAULT_LADDER  # after the date: working days and recipients
    # Weekly tasks (reports and actions alike), in WORKING days before the effective date: a
    # fortnight's ladder would announce next week's occurrence before this week's is due.
    weekly: tuple[int, ...] = (1, 0)
    ack_after: int = DEFAULT_ACK_AFTER  # working days after receipt before the acknowledgement request


# not frozen (hashable by its fields all the same): a busy day makes 300,000, and a frozen dataclass's
# __init__ (object.__setattr__ per field) costs five times a plain one's; nothing changes one once made
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """A notice that is due by `as_of`; `dedupe_key` is what makes it happen once."""

    occurrence_id: int
    kind: NoticeKind
    org_code: str  # whose occurrence it is
    rung: int  # days before (reminders) or working days after (overdue, escalation) the effective date
    dedupe_key: str
    to: str | None = None  # the ladder's recipient (owner_coordinator, owner_head, parent_head, issuer_office)


def latest_rung(due: date, ladder: Sequence[int], as_of: date) -> int | None:
    """The smallest lead time already reached on `as_of` (None before the first, or after the date)."""
    if as_of > due:
        return None
    reached = [d for d in ladder if due - timedelta(days=d) <= as_of]
    return min(reached) if reached else None


def latest_working_rung(due: date, ladder: Sequence[int], as_of: date, cal: WorkCalendar | None) -> int | None:
    """`latest_rung` with lead times in working days: rung n is reached on the n-th working day before
    `due` (a Monday's 1 is the Friday before). Without a calendar they count as calendar days."""
    if cal is None:
        return latest_rung(due, ladder, as_of)
    if as_of > due:
        return None
    reached = [n for n in ladder if cal.subtract_working_days(due, n) <= as_of]
    return min(reached) if reached else None


def _ladder(occ: OccurrenceView, cfg: LadderConfig) -> tuple[int, ...]:
    if occ.ladder is not None:
        base = occ.ladder
    elif occ.kind == "event":
        base = cfg.observance
    elif occ.kind == "report":
        base = cfg.report
    else:
        base = cfg.action
    if occ.prepare_from is not None and occ.prepare_from < occ.effective_due:
        base = (*base, (occ.effective_due - occ.prepare_from).days)
    return tuple(sorted(set(base), reverse=True))


def _weekly(occ: OccurrenceView) -> bool:
    return occ.repeat == "weekly" and occ.kind != "event" and occ.ladder is None


def _rungs(occ: OccurrenceView, as_of: date, cfg: LadderConfig, cal: WorkCalendar | None) -> list[Candidate]:
    """The latest reminder rung and the latest escalation rungs reached on `as_of` (level-triggered)."""
    out: list[Candidate] = []
    due = occ.due
    if _weekly(occ):
        rung = latest_working_rung(due, sorted(set(cfg.weekly), reverse=True), as_of, cal)
    else:
        rung = latest_rung(due, _ladder(occ, cfg), as_of)
    if rung is not None:
        kind: NoticeKind = "observance" if occ.kind == "event" else "reminder"
        out.append(Candidate(occ.id, kind, occ.org_code, rung, f"{kind}:{occ.key}:{rung}"))
    if occ.kind not in CHASED_KINDS:
        return out
    for r in rungs_reached(due, cfg.escalation, as_of, cal or _plain_calendar()):
        chase: NoticeKind = "overdue" if r.to == "owner_coordinator" else "escalation"
        out.append(Candidate(occ.id, chase, occ.org_code, r.days, f"{chase}:{occ.key}:{r.days}:{r.to}", r.to))
    return out


def plan(occurrences: Iterable[OccurrenceView], *, as_of: date, cfg: LadderConfig,
         cal: WorkCalendar | None = None) -> list[Candidate]:
    """Every notice due by `as_of`: at most one reminder rung per occurrence, then the ladder's latest rung.

    A weekly occurrence takes `cfg.weekly`, counted in working days on `cal`. The ladder counts
    working days on `cal` (without one, a calendar of weekends and public holidays).
    """
    out: list[Candidate] = []
    for occ in occurrences:
        if occ.status == "open":
            out += _rungs(occ, as_of, cfg, cal)
    return out


def _plain_calendar() -> WorkCalendar:
    from dondoc.schedule.calendar import WorkCalendar

    return WorkCalendar()


# ---------------------------------------------------------------- the next notice (what the index holds)

LOOK_AHEAD_DAYS = 366  # an open occurrence is planned from a year before its date on


def candidates(occ: OccurrenceView, *, as_of: date, cfg: LadderConfig,
               cal: WorkCalendar | None = None) -> list[Candidate]:
    """What the level-triggered planner has for one occurrence on `as_of`: its latest reminder rung, its
    latest escalation rungs, and the request to acknowledge the task while receipt may be unconfirmed
    (`ack_from` reached). Nothing for work that is closed or due more than LOOK_AHEAD_DAYS ahead."""
    if occ.status != "open" or occ.effective_due > as_of + timedelta(days=LOOK_AHEAD_DAYS):
        return []
    out = _rungs(occ, as_of, cfg, cal)
    if occ.ack_from is not None and occ.ack_from <= as_of:
        out.append(Candidate(occ.id, "ack", occ.org_code, cfg.ack_after, f"ack:{occ.task_id}:{occ.org_code}"))
    return out


def turning_days(occ: OccurrenceView, *, cfg: LadderConfig, cal: WorkCalendar | None = None) -> list[date]:
    """The days on which `candidates` may change, in order: between two of them it is the same every day."""
    due = occ.due
    days = {occ.effective_due - timedelta(days=LOOK_AHEAD_DAYS), due + timedelta(days=1)}
    if _weekly(occ):
        days |= {cal.subtract_working_days(due, n) if cal else due - timedelta(days=n) for n in cfg.weekly}
    else:
        days |= {due - timedelta(days=d) for d in _ladder(occ, cfg)}
    if occ.kind in CHASED_KINDS:
        work = cal or _plain_calendar()
        days |= {rung_day(due, r.days, work) for r in cfg.escalation}
    if occ.ack_from is not None:
        days.add(occ.ack_from)
    return sorted(days)


def next_notice(occ: OccurrenceView, *, cfg: LadderConfig, cal: WorkCalendar | None = None,
                after: date | None = None, sent: frozenset[str] = frozenset()) -> tuple[date, NoticeKind] | None:
    """The first day (on or after `after`; any day without it) on which `candidates` holds a notice whose
    dedupe key is not in `sent`, with that notice's kind; None when there will be none.

    A sweep on day D has something new for the occurrence exactly when this day is D or earlier: the
    index of next notice dates stands for the level-triggered planner without asking it every day.
    """
    if occ.status != "open":
        return None
    days = turning_days(occ, cfg=cfg, cal=cal)
    if after is not None:
        days = [after, *(d for d in days if d > after)]
    for day in days:
        for c in candidates(occ, as_of=day, cfg=cfg, cal=cal):
            if c.dedupe_key not in sent:
                return day, c.kind
    return None


class NoticeClock:
    """`candidates` and `next_notice` remembered by the shape of an occurrence (its dates, kind, ladder and
    acknowledgement day, not its identity): a sweep over 300,000 occurrences asks about a few hundred shapes."""

    def __init__(self, cfg: LadderConfig, cal: WorkCalendar | None = None) -> None:
        self.cfg, self.cal = cfg, cal
        self._due: dict[tuple[OccurrenceView, date], list[Candidate]] = {}
        self._next: dict[tuple[OccurrenceView, date | None], tuple[date, NoticeKind] | None] = {}
        self._shapes: dict[tuple[object, ...], OccurrenceView] = {}

    def shape(self, occ: OccurrenceView) -> OccurrenceView:
        """The occurrence without its identity, one object per shape (a tuple key: no copy per occurrence)."""
        key = (occ.kind, occ.effective_due, occ.status, occ.prepare_from, occ.ladder, occ.repeat, occ.extended_due,
               occ.ack_from)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = replace(occ, id=0, org_code="", task_id=0)
        return shape

    def due_on(self, occ: OccurrenceView, day: date) -> list[Candidate]:
        """`candidates(occ, as_of=day)`."""
        return self.due_of(self.shape(occ), day, id=occ.id, org_code=occ.org_code, task_id=occ.task_id)

    def due_of(self, shape: OccurrenceView, day: date, *, id: int, org_code: str, task_id: int) -> list[Candidate]:
        """`due_on` for the occurrence of this shape and identity (no view of its own needed)."""
        return owned(self.shape_due(shape, day), shape, id=id, org_code=org_code, task_id=task_id)

    def shape_due(self, shape: OccurrenceView, day: date) -> list[Candidate]:
        """The candidates of the occurrences of this shape on `day`, without their identity (see `owned`)."""
        found = self._due.get((shape, day))
        if found is None:
            found = self._due[(shape, day)] = candidates(shape, as_of=day, cfg=self.cfg, cal=self.cal)
        return found

    def first(self, occ: OccurrenceView) -> tuple[date, NoticeKind] | None:
        """`next_notice` of an occurrence nothing was sent for yet."""
        return self._remember(occ, None)

    def after_sweep(self, occ: OccurrenceView, day: date) -> tuple[date, NoticeKind] | None:
        """`next_notice` after a sweep on `day` planned every candidate of that day. Keys reached
        before `day` and not candidates on it never come back (a rung, once passed, is not reached
        again), so the day's candidates stand for everything sent."""
        return self._remember(occ, day)

    def _remember(self, occ: OccurrenceView, day: date | None) -> tuple[date, NoticeKind] | None:
        shape = self.shape(occ)
        if (shape, day) not in self._next:
            if day is None:
                found = next_notice(shape, cfg=self.cfg, cal=self.cal)
            else:
                sent = frozenset(c.dedupe_key for c in self.due_on(shape, day))
                found = next_notice(shape, cfg=self.cfg, cal=self.cal, after=day + timedelta(days=1), sent=sent)
            self._next[(shape, day)] = found
        return self._next[(shape, day)]


def owned(found: list[Candidate], shape: OccurrenceView, *, id: int, org_code: str, task_id: int) -> list[Candidate]:
    """The candidates a shape has (NoticeClock.shape_due), for the occurrence of that shape with this identity."""
    if not found:
        return []
    key = f"{id}@{shape.extended_due.isoformat()}" if shape.extended_due else str(id)
    return [_own(c, id, org_code, task_id, key) for c in found]


def _own(c: Candidate, id: int, org_code: str, task_id: int, occ_key: str) -> Candidate:
    """A candidate computed on an occurrence's shape, given back its identity and dedupe key
    (`occ_key`: the occurrence as keys name it, OccurrenceView.key)."""
    if c.kind == "ack":
        key = f"ack:{task_id}:{org_code}"
    elif c.to is not None:
        key = f"{c.kind}:{occ_key}:{c.rung}:{c.to}"
    else:
        key = f"{c.kind}:{occ_key}:{c.rung}"
    return Candidate(id, c.kind, org_code, c.rung, key, c.to)
