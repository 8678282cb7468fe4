"""Occurrences of a task's schedule: RFC 5545 rules (python-dateutil) anchored at the intended date.

Reading a schedule's `due` strings (dondoc.taskset.Schedule):

- "YYYY-MM-DD": a one-off date for `once` (and for `continuous`/`ad_hoc`); for a periodic
  repeat it is the first occurrence, and the rule repeats every 1, 3, 6 or 12 months from it.
- "--MM-DD": every year on that day, from the anchor on (for `once`: the first such day on or
  after the anchor). It is never multiplied: a semiannual task due "--06-15" alone reports once
  a year (the H1 report; the year-end one is usually a separate annual task), as written.
- "---DD": every month on that day for `monthly`; on that day of each period's last month for
  `quarterly` (3, 6, 9, 12), `semiannual` (6, 12) and `annual` (12).
- "T2" … "T7", "CN": every week on that weekday for `weekly` (T5 = thứ Năm = Thursday), from
  the anchor on; an ISO date in a weekly task is its first occurrence, then every 7 days. A weekly
  task with no due falls on the last working day of each week (dondoc.schedule.weeks). Each
  occurrence is labelled by its ISO week ("2026-W05") and covers that week, Monday to Sunday.
- A day the month lacks (29/2 in a common year, 31 in a 30-day month) means the month's last
  day: by analogy with BLDS 2015 Art. 148 ("if that month has no such day, the period ends on
  the last day of the month"). RFC 5545 says it the same way: BYMONTHDAY=28,29;BYSETPOS=-1.

Occurrences are selected by their written date within `between` (both ends included), so
extending the horizon from [a, b] to [b+1, c] never returns an occurrence twice, and `until`
bounds the written date. The period label is computed from the rule alone, never from the
horizon, so it identifies an occurrence forever.

"trước ngày X" (`before_means`): the Civil Code does not say whether X is included. Default
"same_day": the deadline is X itself (the reading of "chậm nhất ngày X", and of a period that
ends at 24:00 of its last day, Art. 148); "day_before" makes it X − 1 for offices that read
"trước" strictly. Either way every reminder states the date it means. The task set does not
record the preposition, so the setting applies to all written dates of the schedule.
"""

from __future__ import annotations

import calendar as _cal
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from dondoc.schedule.periods import ND09, Period, WindowRule, period_for_due
from dondoc.schedule.weeks import last_working_day, week_of, weeks_between
from dondoc.taskset import weekday_index

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar
    from dondoc.taskset import Relative, Schedule

BeforeMeans = Literal["same_day", "day_before"]
PERIODIC: dict[str, int] = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
_LAST_MONTHS: dict[str, tuple[int, ...]] = {
    "monthly": tuple(range(1, 13)),
    "quarterly": (3, 6, 9, 12),
    "semiannual": (6, 12),
    "annual": (12,),
}
# Siblings of one period lie within a year of each other: look this far beyond the horizon
# so that a label never depends on the horizon.
_LABEL_MARGIN = timedelta(days=400)
_WEEK_MARGIN = timedelta(days=7)  # a week's siblings lie within that week
WEEKLY_DEFAULT_NOTE = "Văn bản không ghi thứ trong tuần: hạn là ngày làm việc cuối cùng của tuần"


@dataclass(frozen=True)
class PlannedDue:
    """One occurrence of a schedule: its stable period label, its stated date, what it covers.

    `stated` is the deadline the text means (after `before_means`), before any Art. 148 shift;
    `written` is the day as written; `notes` explain any adjustment (29/2 in a common year).
    """

    period: str
    stated: date
    covers: tuple[date, date] | None
    data_window: tuple[date, date] | None
    written: date | None = None
    notes: tuple[str, ...] = ()


def _dt(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _monthdays(day: int) -> tuple[int, ...]:
    """BYMONTHDAY values that, with BYSETPOS=-1, mean "day `day`, or the month's last day"."""
    return tuple(range(28, day + 1)) if day > 28 else (day,)


def _rule(due: str, repeat: str, *, anchor: date, until: date | None) -> rrule | None:
    """The RFC 5545 rule of one due string, or None for a single date (see `_single`)."""
    until_dt = _dt(until) if until else None
    weekday = weekday_index(due)
    if weekday is not None:  # "T5": every Thursday from the anchor on
        return rrule(WEEKLY, dtstart=_dt(anchor), byweekday=weekday, until=until_dt)
    if len(due) == 10:  # YYYY-MM-DD
        if repeat == "weekly":
            return rrule(WEEKLY, dtstart=_dt(date.fromisoformat(due)), until=until_dt)
        if repeat not in PERIODIC:
            return None
        first = date.fromisoformat(due)
        return rrule(
            MONTHLY,
            interval=PERIODIC[repeat],
            dtstart=_dt(first),
            bymonthday=_monthdays(first.day),
            bysetpos=-1,
            until=until_dt,
        )
    if repeat == "once":
        return None
    if due.startswith("---"):
        months = _LAST_MONTHS.get(repeat, _LAST_MONTHS["monthly"])
        return rrule(
            MONTHLY, dtstart=_dt(anchor), bymonth=months, bymonthday=_monthdays(int(due[3:])),
            bysetpos=-1, until=until_dt,
        )
    month, day = int(due[2:4]), int(due[5:7])
    return rrule(
        YEARLY, dtstart=_dt(anchor), bymonth=month, bymonthday=_monthdays(day), bysetpos=-1,
        until=until_dt,
    )


def _single(due: str, *, anchor: date, until: date | None) -> date | None:
    """A one-off date: an ISO date as is, "--MM-DD"/"---DD" the first such day on or after the anchor."""
    if len(due) == 10:
        d = date.fromisoformat(due)
    else:
        rule = _rule(due, "monthly" if due.startswith("---") else "annual", anchor=anchor, until=None)
        nxt = rule.after(_dt(anchor), inc=True) if rule is not None else None
        if nxt is None:
            return None
        d = nxt.date()
    if until is not None and d > until:
        return None
    return d


def _intended_day(due: str) -> int:
    return int(due[-2:])


def _note(due: str, written: date) -> tuple[str, ...]:
    day = _intended_day(due)
    if written.day == day:
        return ()
    last = _cal.monthrange(written.year, written.month)[1]
    if due.startswith("--") and not due.startswith("---") and due[2:] == "02-29":
        return (
            f"Năm {written.year} không có ngày 29/02: lấy ngày cuối tháng 2 "
            f"({last:02d}/02/{written.year}), theo cách tính tháng của Điều 148 Bộ luật Dân sự 2015",
        )
    return (
        f"Tháng {written.month}/{written.year} không có ngày {day}: lấy ngày cuối tháng "
        f"({last:02d}/{written.month:02d}/{written.year}), theo cách tính tháng của Điều 148 Bộ luật Dân sự 2015",
    )


def _written_dates(schedule: Schedule, *, anchor: date, lo: date, hi: date,
                   cal: WorkCalendar | None = None) -> dict[date, str]:
    """Every written date of the schedule in [lo, hi], with the due string it came from.

    A weekly schedule with no due gives the last working day of each week, from "" (no due string).
    """
    out: dict[date, str] = {}
    if schedule.repeat == "weekly" and not schedule.due:
        for week in weeks_between(max(lo, anchor), hi):
            d = last_working_day(week, cal)
            if d is not None and lo <= d <= hi and d >= anchor and (schedule.until is None or d <= schedule.until):
                out[d] = ""
        return out
    for due in schedule.due:
        rule = _rule(due, schedule.repeat, anchor=anchor, until=schedule.until)
        if rule is None:
            d = _single(due, anchor=anchor, until=schedule.until)
            if d is not None and lo <= d <= hi:
                out.setdefault(d, due)
            continue
        for x in rule.between(_dt(lo), _dt(hi), inc=True):
            out.setdefault(x.date(), due)
    return out


def due_dates(
    schedule: Schedule,
    *,
    anchor: date,
    between: tuple[date, date],
    before_means: BeforeMeans = "same_day",
    windows: WindowRule | None = None,
    received: date | None = None,
    cal: WorkCalendar | None = None,
) -> list[PlannedDue]:
    """The occurrences of `schedule` whose written date lies in `between`, in date order.

    `anchor` is the intended start (the dispatch's date), never today. `windows` overrides
    ND 09/2019's data windows for a periodic report. A relative deadline ("trong 05 ngày làm
    việc kể từ ngày nhận") has a date only once `received` and `cal` are given: it is then
    one occurrence labelled "once". continuous/ad_hoc tasks with no due date have none. A weekly
    task with no due takes the last working day of each week from `cal` (Friday without one).
    """
    lo, hi = between
    if lo > hi:
        return []
    rule = windows or ND09
    periodic = schedule.repeat in PERIODIC
    weekly = schedule.repeat == "weekly"
    margin = _WEEK_MARGIN if weekly else _LABEL_MARGIN
    found = _written_dates(schedule, anchor=anchor, lo=lo - margin, hi=hi + margin, cal=cal)
    periods: dict[date, Period] = {}
    siblings: dict[str, int] = defaultdict(int)
    if periodic:
        for d in found:
            periods[d] = period_for_due(schedule.repeat, d, rule)
            siblings[periods[d].label] += 1
    elif weekly:
        for d in found:
            siblings[week_of(d).label] += 1
    out: list[PlannedDue] = []
    for written in sorted(found):
        if not lo <= written <= hi:
            continue
        due = found[written]
        # the default day is no written "trước ngày X": before_means does not move it
        stated = written - timedelta(days=1) if before_means == "day_before" and due else written
        if weekly:
            week = week_of(written)
            label = week.label if siblings[week.label] == 1 else f"{week.label}@{written:%m-%d}"
            notes = () if due else (WEEKLY_DEFAULT_NOTE,)
            out.append(PlannedDue(label, stated, week.covers(), None, written, notes))
        elif periodic:
            p = periods[written]
            label = p.label if siblings[p.label] == 1 else f"{p.label}@{written:%m-%d}"
            out.append(PlannedDue(label, stated, p.covers(), p.data_window(rule), written, _note(due, written)))
        else:
            out.append(PlannedDue(written.isoformat(), stated, None, None, written, _note(due, written)))
    if schedule.relative is not None and received is not None and cal is not None:
        d = relative_due(schedule.relative, received=received, cal=cal)
        if lo <= d <= hi and (schedule.until is None or d <= schedule.until):
            out.append(PlannedDue("once", d, None, None, d))
    return out


def relative_due(rel: Relative, *, received: date, cal: WorkCalendar) -> date:
    """The last day of "trong thời hạn N ngày (làm việc) kể từ ngày nhận" (BLDS 2015 Art. 147).

    The day of receipt is not counted. In working days the result is a working day already;
    in calendar days it is the stated last day, which `cal.effective_due` may move (Art. 148).
    """
    if rel.working_days:
        return cal.add_working_days(received, rel.days)
    return cal.add_days(received, rel.days)


def rrule_text(due: str, repeat: str, *, anchor: date) -> str | None:
    """The RFC 5545 RRULE line of one due string (for calendar export), or None for a one-off date."""
    rule = _rule(due, repeat, anchor=anchor, until=None)
    if rule is None:
        return None
    return str(rule).splitlines()[-1]
