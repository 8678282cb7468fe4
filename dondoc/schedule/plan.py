"""What should have been sent by now: level-triggered notice planning (pure).

A sweep on day D asks, for every open occurrence, which rung of its ladder is the latest
one already reached. Only that rung is a candidate; its dedupe key makes it happen once.
So a sweep after three days of downtime sends the latest useful reminder, never three, and
a date that has passed is not announced afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar

NoticeKind = Literal["reminder", "observance", "overdue", "escalation"]


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


@dataclass(frozen=True)
class LadderConfig:
    report: tuple[int, ...] = (14, 7, 3, 1, 0)
    action: tuple[int, ...] = (7, 1, 0)
    observance: tuple[int, ...] = (30, 14, 7, 1)
    overdue_after: tuple[int, ...] = (1,)
    escalate_after: int = 3
    # Weekly tasks (reports and actions alike), in WORKING days before the effective date: a
    # fortnight's ladder would announce next week's occurrence before this week's is due.
    weekly: tuple[int, ...] = (1, 0)


@dataclass(frozen=True)
class Candidate:
    """A notice that is due by `as_of`; `dedupe_key` is what makes it happen once."""

    occurrence_id: int
    kind: NoticeKind
    org_code: str  # whose occurrence it is
    rung: int  # days before (reminders) or after (overdue, escalation) the effective date
    dedupe_key: str


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


def plan(occurrences: Iterable[OccurrenceView], *, as_of: date, cfg: LadderConfig,
         cal: WorkCalendar | None = None) -> list[Candidate]:
    """Every notice due by `as_of`: at most one reminder rung per occurrence, then overdue and escalation.

    A weekly occurrence takes `cfg.weekly`, counted in working days on `cal`.
    """
    out: list[Candidate] = []
    for occ in occurrences:
        if occ.status != "open":
            continue
        if occ.repeat == "weekly" and occ.kind != "event" and occ.ladder is None:
            rung = latest_working_rung(occ.effective_due, sorted(set(cfg.weekly), reverse=True), as_of, cal)
        else:
            rung = latest_rung(occ.effective_due, _ladder(occ, cfg), as_of)
        if rung is not None:
            kind: NoticeKind = "observance" if occ.kind == "event" else "reminder"
            out.append(Candidate(occ.id, kind, occ.org_code, rung, f"{kind}:{occ.id}:{rung}"))
        if occ.kind != "report":
            continue
        late = (as_of - occ.effective_due).days
        reached = [d for d in cfg.overdue_after if d <= late]
        if reached:
            d = max(reached)
            out.append(Candidate(occ.id, "overdue", occ.org_code, d, f"overdue:{occ.id}:{d}"))
        if late >= cfg.escalate_after:
            out.append(
                Candidate(occ.id, "escalation", occ.org_code, cfg.escalate_after, f"escalation:{occ.id}")
            )
    return out


Bucket = Literal["on_time", "late", "open", "overdue"]


def bucket(*, effective_due: date, status: str, submitted_at: date | None, as_of: date) -> Bucket | None:
    """The four states of Vietnamese task statistics (QĐ 42/2014/QĐ-TTg practice)."""
    if status == "cancelled":
        return None
    if status == "submitted" and submitted_at is not None:
        return "on_time" if submitted_at <= effective_due else "late"
    return "open" if as_of <= effective_due else "overdue"
