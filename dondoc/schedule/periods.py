"""Reporting periods and data cut-off windows (Nghị định 09/2019/NĐ-CP), and the cascade between levels.

A periodic report occurrence covers a calendar period (a month, a quarter, a half-year, a
year) and counts data over a cut-off window (*thời gian chốt số liệu*). ND 09/2019's default
windows all end on the 14th of the period's last month and start the day after the previous
period's window ended: monthly 15/(m-1)–14/m, quarterly 15/12–14/3 …, 6-month 15/12–14/6 and
15/6–14/12, annual 15/12–14/12. A task may override this with its own `WindowRule`.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar

PeriodKind = Literal["monthly", "quarterly", "semiannual", "annual"]
PERIOD_KINDS: tuple[str, ...] = ("monthly", "quarterly", "semiannual", "annual")
_MONTHS_PER = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
_ROMAN = ("I", "II", "III", "IV")

# Cascade (ND 09/2019 Art. 8(5)(b): a multi-level report sets a deadline for each level): the
# sub-units report this many working days before the consolidating organisation's deadline.
DEFAULT_CASCADE_WORKING_DAYS = 3

Window = tuple[date, date]


@dataclass(frozen=True)
class WindowRule:
    """A data cut-off window: it ends on `end_day` of the period's last month (shifted by `end_month_offset`
    months, clamped to the month's length) and starts the day after the previous period's window ended.

    ND 09/2019 is `WindowRule(end_day=14)`; `WindowRule(end_day=31)` makes the window the period itself.
    """

    end_day: int = 14
    end_month_offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.end_day <= 31:
            raise ValueError(f"end_day {self.end_day} is not a day of a month")
        if not -11 <= self.end_month_offset <= 11:
            raise ValueError(f"end_month_offset {self.end_month_offset} is not within a year")


ND09 = WindowRule(end_day=14)
CALENDAR_PERIOD = WindowRule(end_day=31)


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: kind, year and index (month 1–12, quarter 1–4, half 1–2, 1 for a year)."""

    kind: str
    year: int
    index: int

    def __post_init__(self) -> None:
        if self.kind not in _MONTHS_PER:
            raise ValueError(f"{self.kind!r} is not a reporting period")
        if not 1 <= self.index <= 12 // _MONTHS_PER[self.kind]:
            raise ValueError(f"{self.kind} has no period number {self.index}")

    @property
    def label(self) -> str:
        """The stable label: "2025", "2025-H1", "2025-Q3", "2025-06"."""
        if self.kind == "annual":
            return f"{self.year}"
        if self.kind == "semiannual":
            return f"{self.year}-H{self.index}"
        if self.kind == "quarterly":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    @property
    def first_month(self) -> int:
        return (self.index - 1) * _MONTHS_PER[self.kind] + 1

    @property
    def last_month(self) -> int:
        return self.index * _MONTHS_PER[self.kind]

    def covers(self) -> Window:
        """The calendar days the period covers: (first day, last day)."""
        last = _cal.monthrange(self.year, self.last_month)[1]
        return date(self.year, self.first_month, 1), date(self.year, self.last_month, last)

    def previous(self) -> Period:
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, 12 // _MONTHS_PER[self.kind])

    def next(self) -> Period:
        if self.index < 12 // _MONTHS_PER[self.kind]:
            return Period(self.kind, self.year, self.index + 1)
        return Period(self.kind, self.year + 1, 1)

    def _window_end(self, rule: WindowRule) -> date:
        y, m = _add_months(self.year, self.last_month, rule.end_month_offset)
        return date(y, m, min(rule.end_day, _cal.monthrange(y, m)[1]))

    def data_window(self, rule: WindowRule = ND09) -> Window:
        """The data cut-off window under `rule` (ND 09/2019 by default)."""
        start = self.previous()._window_end(rule) + timedelta(days=1)
        return start, self._window_end(rule)

    def phrase(self) -> str:
        """The period in words: "tháng 6/2025", "quý III/2025", "6 tháng đầu năm 2025", "năm 2025"."""
        if self.kind == "annual":
            return f"năm {self.year}"
        if self.kind == "semiannual":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "quarterly":
            return f"quý {_ROMAN[self.index - 1]}/{self.year}"
        return f"tháng {self.index}/{self.year}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


_LABEL = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")


def parse_period(label: str) -> Period:
    """The period a label names: "2025" → annual, "2025-H1", "2025-Q3", "2025-06"."""
    m = _LABEL.match(label)
    if not m:
        raise ValueError(f"{label!r} is not a period label (2025, 2025-H1, 2025-Q3, 2025-06)")
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        return Period("annual", year, 1)
    if part[0] == "H":
        return Period("semiannual", year, int(part[1]))
    if part[0] == "Q":
        return Period("quarterly", year, int(part[1]))
    return Period("monthly", year, int(part))


def period_containing(kind: str, d: date) -> Period:
    """The period of `kind` whose calendar days include `d`."""
    return Period(kind, d.year, (d.month - 1) // _MONTHS_PER[kind] + 1)


# How long after a period ends a report on it may fall due: a due day this close after the
# previous period's end (and before the current window closes) is about the previous period.
REPORT_LAG_DAYS = {"monthly": 15, "quarterly": 45, "semiannual": 92, "annual": 120}


def period_for_due(kind: str, due: date, rule: WindowRule = ND09) -> Period:
    """The period a report due on `due` is about.

    The period containing the due day when its data window has closed by then (a 6-month
    report due 15/6 is H1: data to 14/6). Otherwise the previous period when the due day
    lies within `REPORT_LAG_DAYS` of that period's end (a monthly report due on the 5th is
    last month's; an annual one due 15/1 or 28/2 is last year's), else the containing one
    (an annual report due 15/11 is that year's, sent on estimates).
    """
    p = period_containing(kind, due)
    if p.data_window(rule)[1] < due:
        return p
    prev = p.previous()
    if (due - prev.covers()[1]).days <= REPORT_LAG_DAYS[kind]:
        return prev
    return p


def window_phrase(window: Window) -> str:
    """ "số liệu tính từ 15/12/2024 đến 14/6/2025" """
    a, b = window
    return f"số liệu tính từ {a.day}/{a.month}/{a.year} đến {b.day}/{b.month}/{b.year}"


def internal_deadline(
    upper_due: date, *, working_days: int = DEFAULT_CASCADE_WORKING_DAYS, cal: WorkCalendar
) -> date:
    """The sub-units' deadline when their organisation must consolidate their reports by `upper_due`.

    ND 09/2019 Art. 8(5)(b) requires a separate deadline for each level: the sub-units report
    `working_days` working days before the upper deadline (counted back from it, the upper
    day itself not counted). A stated upper day that falls on a day off gives the same
    result as its effective day, since the days in between are not working days.
    """
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    return cal.subtract_working_days(upper_due, working_days)
