"""The Vietnamese working calendar: weekends, public holidays, the government's yearly swaps.

Public holidays come from the `holidays` package (VN, in Vietnamese: Tết, Giỗ Tổ, Quốc khánh
and the substitute days it knows). Each year the government also publishes a notice that adds
days off and make-up working Saturdays, which `holidays` does not know: those arrive as
`YearNotice`s (read from config/calendars/YYYY.yaml at the edge, by dondoc.calendars).

Precedence for one day: a notice's working day (a make-up Saturday, or a holiday the notice
cancels) > a notice's day off > a public holiday > Saturday/Sunday > an ordinary working day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import re

import holidays as _holidays

ART_148 = "Bộ luật Dân sự 2015, Điều 148"
ART_147 = "Bộ luật Dân sự 2015, Điều 147"

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

# Holidays are looked up one year at a time; the package covers these years for VN.
_FIRST_YEAR, _LAST_YEAR = 1901, 2100


def weekday_vi(d: date) -> str:
    """The Vietnamese name of the weekday: "Thứ Hai" … "Chủ nhật"."""
    return WEEKDAYS_VI[d.weekday()]


def fmt(d: date) -> str:
    """A date the way a Vietnamese office writes it: 15/06/2025."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_long(d: date) -> str:
    """A date with its weekday: "Chủ nhật, 15/06/2025"."""
    return f"{weekday_vi(d)}, {fmt(d)}"


@dataclass(frozen=True)
class YearNotice:
    """The government's notice for one year: extra days off and make-up working days, each with its reason."""

    year: int
    days_off: dict[date, str] = field(default_factory=dict)
    working_days: dict[date, str] = field(default_factory=dict)
    source: str | None = None  # e.g. "TB 6150/TB-BLĐTBXH", shown in the calendar and explanations


@dataclass(frozen=True)
class DueExplanation:
    """How a stated due date became the effective one, in lines a Vietnamese office reads."""

    stated: date
    effective: date
    skipped: tuple[tuple[date, str], ...]
    lines: tuple[str, ...]

    @property
    def shifted(self) -> bool:
        return self.effective != self.stated


def describe_day_off(d: date, reason: str) -> str:
    """ "nghỉ hằng tuần" for a weekend, "nghỉ lễ — <name>" for a holiday or notified day off."""
    if reason == weekday_vi(d) and d.weekday() >= 5:
        return "nghỉ hằng tuần"
    return f"nghỉ lễ — {reason}"


_SUBSTITUTED = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")


def make_up_days_named(days_off: dict[date, str]) -> dict[date, str]:
    """Make-up working days that holiday names reveal: "Ngày nghỉ (thay cho ngày 26/04/2025)" → 26/4/2025.

    The `holidays` package lists a swapped day off but not the Saturday worked for it; its
    Vietnamese name carries that Saturday's date.
    """
    out: dict[date, str] = {}
    for off, name in days_off.items():
        m = _SUBSTITUTED.search(name)
        if m:
            worked = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            out[worked] = f"Làm bù cho ngày nghỉ {fmt_long(off)}"
    return out


def vn_public_holidays(year: int) -> dict[date, str]:
    """Vietnam's public holidays of one year from the `holidays` package, in Vietnamese."""
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return {}
    return dict(_holidays.country_holidays("VN", years=year, language="vi").items())


class WorkCalendar:
    """Working days in a Vietnamese public office, and the deadline rules of BLDS 2015 Arts. 147–148."""

    def __init__(
        self,
        notices: Iterable[YearNotice] = (),
        *,
        shift: bool = True,
        public_holidays: Callable[[int], dict[date, str]] = vn_public_holidays,
    ) -> None:
        self.shift = shift
        self.notices: dict[int, YearNotice] = {}
        self._days_off: dict[date, str] = {}
        self._working: dict[date, str] = {}
        for n in notices:
            self.notices[n.year] = n
            self._days_off.update(n.days_off)
            self._working.update(n.working_days)
        self._public_holidays = public_holidays
        self._by_year: dict[int, dict[date, str]] = {}
        self._derived_years: set[int] = set()
        self._derived: dict[date, str] = {}

    # -- one day -------------------------------------------------------------------------

    def _holidays_of(self, year: int) -> dict[date, str]:
        if year not in self._by_year:
            self._by_year[year] = self._public_holidays(year)
        return self._by_year[year]

    def _derived_make_up(self, d: date) -> str | None:
        """A make-up day named by a swapped holiday of the year before, this year or the next (a swap may cross 1 January)."""
        for y in (d.year - 1, d.year, d.year + 1):
            if y not in self._derived_years:
                self._derived_years.add(y)
                self._derived.update(make_up_days_named(self._holidays_of(y)))
        return self._derived.get(d)

    def make_up_reason(self, d: date) -> str | None:
        """Why `d` is a working day although it looks like a day off (a make-up Saturday), or None."""
        return self._working.get(d) or self._derived_make_up(d)

    def holiday_name(self, d: date) -> str | None:
        """The name of the holiday or notified day off on `d`, ignoring weekends and make-up days."""
        return self._days_off.get(d) or self._holidays_of(d.year).get(d)

    def is_make_up_day(self, d: date) -> bool:
        """True when a notice or a swap makes `d` a working day (a make-up Saturday, a cancelled holiday)."""
        return self.make_up_reason(d) is not None

    def day_off_reason(self, d: date) -> str | None:
        """Why `d` is not a working day ("Thứ Bảy", "Chủ nhật", a holiday's name), or None when it is one."""
        if d in self._working:
            return None
        if d.weekday() >= 5 and self._derived_make_up(d):
            return None
        name = self.holiday_name(d)
        if name:
            return name
        if d.weekday() >= 5:
            return weekday_vi(d)
        return None

    def is_working_day(self, d: date) -> bool:
        """True on a day a public office works (make-up Saturdays included)."""
        return self.day_off_reason(d) is None

    # -- Art. 148 ------------------------------------------------------------------------

    def effective_due(self, stated: date) -> date:
        """The day a deadline really ends (BLDS 2015, Điều 148).

        When the last day of a period is a weekend day or a public holiday, the period ends at
        the end of the next working day. The stated day itself is returned when it is a
        working day, or always when the shift is switched off.
        """
        if not self.shift:
            return stated
        d = stated
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def explain_due(self, stated: date) -> DueExplanation:
        """The effective due date, with a line for each non-working day it skipped and why."""
        effective = self.effective_due(stated)
        skipped: list[tuple[date, str]] = []
        d = stated
        while d < effective:
            reason = self.day_off_reason(d)
            if reason is not None:
                skipped.append((d, reason))
            d += timedelta(days=1)
        lines: list[str] = [f"Ngày ghi trong văn bản: {fmt_long(stated)}"]
        if not self.shift:
            lines.append("Không dời hạn khi trùng ngày nghỉ (đã tắt theo cấu hình)")
            reason = self.day_off_reason(stated)
            if reason:
                lines.append(f"Lưu ý: {fmt(stated)} là ngày nghỉ ({reason})")
        for day, reason in skipped:
            lines.append(f"{fmt_long(day)}: {describe_day_off(day, reason)}")
        if self.shift:
            if skipped:
                lines.append(
                    f"Hạn hiệu lực: {fmt_long(effective)} — ngày làm việc tiếp theo ({ART_148})"
                )
            else:
                lines.append(f"Hạn hiệu lực: {fmt_long(effective)} — là ngày làm việc ({ART_148})")
        else:
            lines.append(f"Hạn hiệu lực: {fmt_long(effective)}")
        return DueExplanation(stated, effective, tuple(skipped), tuple(lines))

    def due_phrase(self, stated: date) -> str:
        """The deadline as a reminder states it: "hạn cuối ngày Thứ Hai, 16/06/2025 (ngày ghi trong văn bản: Chủ nhật, 15/06/2025)"."""
        effective = self.effective_due(stated)
        if effective == stated:
            return f"hạn cuối ngày {fmt_long(stated)}"
        return f"hạn cuối ngày {fmt_long(effective)} (ngày ghi trong văn bản: {fmt_long(stated)}, ngày nghỉ)"

    # -- counting (Art. 147) -------------------------------------------------------------

    def add_days(self, start: date, n: int) -> date:
        """The last day of a period of `n` calendar days from `start`, the first day not counted (Art. 147).

        "trong thời hạn 10 ngày kể từ ngày 05/3" ends on 15/3; Art. 148 may then move it
        (use `effective_due`).
        """
        return start + timedelta(days=n)

    def add_working_days(self, start: date, n: int) -> date:
        """The last day of a period of `n` working days from `start` (Arts. 147–148).

        The day of `start` (the day of receipt, the event) is not counted, whatever it is;
        counting begins the next day and counts only working days: weekends and holidays
        are skipped, make-up Saturdays count. For n ≥ 1 the result is always a working
        day. n = 0 returns `start`; a negative n counts backwards.
        """
        if n < 0:
            return self.subtract_working_days(start, -n)
        d = start
        counted = 0
        while counted < n:
            d += timedelta(days=1)
            if self.is_working_day(d):
                counted += 1
        return d

    def subtract_working_days(self, d: date, n: int) -> date:
        """The working day that lies `n` working days before `d` (`d` itself not counted)."""
        if n < 0:
            return self.add_working_days(d, -n)
        counted = 0
        while counted < n:
            d -= timedelta(days=1)
            if self.is_working_day(d):
                counted += 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie after `start` up to and including `end`."""
        n = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n += 1
        return n

    # -- a year at a glance --------------------------------------------------------------

    def holidays_in(self, year: int) -> list[tuple[date, str]]:
        """Every public holiday and notified day off of `year`, by date, in Vietnamese."""
        days = dict(self._holidays_of(year))
        days.update({d: r for d, r in self._days_off.items() if d.year == year})
        return sorted((d, r) for d, r in days.items() if d not in self._working)

    def make_up_days_in(self, year: int) -> list[tuple[date, str]]:
        """The days made working days in `year` (make-up Saturdays), by a notice or a known swap, with the reason."""
        self._derived_make_up(date(year, 1, 1))
        days = {d: r for d, r in self._derived.items() if d.year == year}
        days.update({d: r for d, r in self._working.items() if d.year == year})
        return sorted(days.items())
