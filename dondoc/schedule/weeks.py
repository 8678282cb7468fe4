"""Weeks for weekly tasks: ISO 8601 week labels, the week a due day falls in, the default day (pure).

A weekly occurrence is labelled by the ISO week of its written day: "2026-W05" is Monday 26/01/2026
to Sunday 01/02/2026 (ISO weeks start on Monday; week 1 holds the year's first Thursday, so
29/12/2025 already belongs to "2026-W01"). The label depends on the day alone, never on the horizon.

A weekly task whose text names no weekday ("báo cáo hằng tuần") falls due on the last working
day of each week (Friday, or earlier when Friday is a day off; a make-up Saturday counts). A
week without a single working day (a long Tết break) has no occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar

_LABEL = re.compile(r"^(\d{4})-W(\d{2})$")


def _fmt(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@dataclass(frozen=True, order=True)
class Week:
    """One ISO 8601 week: its ISO year and number (1 … 52 or 53)."""

    year: int
    number: int

    def __post_init__(self) -> None:
        last = date(self.year, 12, 28).isocalendar()[1]  # 28 December always lies in the year's last week
        if not 1 <= self.number <= last:
            raise ValueError(f"{self.year} has no ISO week {self.number} (it has {last})")

    @property
    def label(self) -> str:
        """The stable label: "2026-W05"."""
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    def covers(self) -> tuple[date, date]:
        """The days of the week: Monday to Sunday."""
        return self.monday, self.monday + timedelta(days=6)

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def phrase(self) -> str:
        """The week in words: "tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)"."""
        first, last = self.covers()
        return f"tuần {self.number}/{self.year} (từ {_fmt(first)} đến {_fmt(last)})"


def week_of(d: date) -> Week:
    """The ISO week `d` falls in."""
    year, number, _ = d.isocalendar()
    return Week(year, number)


def parse_week(label: str) -> Week:
    """The week a label names: "2026-W05"."""
    m = _LABEL.match(label)
    if not m:
        raise ValueError(f"{label!r} is not a week label (2026-W05)")
    return Week(int(m.group(1)), int(m.group(2)))


def weeks_between(lo: date, hi: date) -> Iterator[Week]:
    """Every week that has a day in [lo, hi], in order."""
    monday = lo - timedelta(days=lo.weekday())
    while monday <= hi:
        yield week_of(monday)
        monday += timedelta(days=7)


def last_working_day(week: Week, cal: WorkCalendar | None) -> date | None:
    """The default day of a weekly task that names none: the week's last working day.

    Without a calendar, Friday. With one, the last day of the week the office works (make-up
    Saturdays included, holidays and notified days off excluded); None when it works none.
    """
    if cal is None:
        return week.monday + timedelta(days=4)
    working = [d for d in week.days() if cal.is_working_day(d)]
    return working[-1] if working else None
