"""The Vietnamese lunar calendar (âm lịch), computed for UTC+7.

The conversion is Hồ Ngọc Đức's algorithm as packaged in `lunar-vn`, run for the Vietnamese
meridian (UTC+7): it differs from the Chinese calendar (UTC+8) in some years — Tết 1985 and
2007 fall a month or a day apart. tests/unit/schedule/test_lunar.py checks it against the Tết
dates of the `holidays` package for 1990–2050.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import lunar_vn

VN_UTC_OFFSET = 7.0
SUPPORTED_YEARS = (1901, 2099)


@dataclass(frozen=True)
class LunarDate:
    """A day of the Vietnamese lunar calendar; `leap` marks the leap month (tháng nhuận)."""

    year: int
    month: int
    day: int
    leap: bool = False

    def __str__(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{leap} âm lịch năm {self.year}"


def _check_year(year: int) -> None:
    if not SUPPORTED_YEARS[0] <= year <= SUPPORTED_YEARS[1]:
        raise ValueError(f"lunar year {year} outside {SUPPORTED_YEARS[0]}–{SUPPORTED_YEARS[1]}")


def solar_to_lunar(d: date) -> LunarDate:
    """The Vietnamese lunar date of a solar day."""
    _check_year(d.year)
    ld = lunar_vn.convert_solar_to_lunar(d.day, d.month, d.year, time_zone=VN_UTC_OFFSET)
    return LunarDate(ld.year, ld.month, ld.day, ld.leap)


def _month_start(year: int, month: int, leap: bool) -> date:
    try:
        return lunar_vn.convert_lunar_to_solar(1, month, year, 1 if leap else 0, time_zone=VN_UTC_OFFSET)
    except ValueError:
        raise ValueError(f"lunar year {year} has no leap month {month}") from None


def lunar_month_length(year: int, month: int, leap: bool = False) -> int:
    """29 or 30: the number of days in a lunar month."""
    _check_year(year)
    start = _month_start(year, month, leap)
    nxt = start + timedelta(days=29)
    return 30 if solar_to_lunar(nxt).day == 30 else 29


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False, *, clamp: bool = False) -> date:
    """The solar day of a Vietnamese lunar date.

    Day 30 of a 29-day month does not exist: with `clamp` it means the month's last day (the
    way "30 Tết" means the last day of the year), otherwise it raises ValueError. A leap
    month that the year does not have raises ValueError.
    """
    _check_year(year)
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"no lunar date {day}/{month}")
    length = lunar_month_length(year, month, leap)
    if day > length:
        if not clamp:
            raise ValueError(f"lunar month {month}/{year} has only {length} days")
        day = length
    return _month_start(year, month, leap) + timedelta(days=day - 1)


def tet(year: int) -> date:
    """Tết Nguyên đán: the first day of the first lunar month of `year`, in Vietnam."""
    return lunar_to_solar(year, 1, 1)


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month."""
    return lunar_to_solar(year, 3, 10)


def days_before_lunar(year: int, month: int, day: int, days: int) -> date:
    """The solar day `days` days before a lunar date: "trước Tết Nguyên đán 15 ngày" is (year, 1, 1, 15)."""
    return lunar_to_solar(year, month, day, clamp=True) - timedelta(days=days)
