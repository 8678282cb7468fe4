"""Deadlines anchored on the lunar calendar: "trước Tết Nguyên đán 15 ngày", "trước ngày 15/7 âm lịch" (pure).

Without a year they recur every year (`schedule.lunar`); with one ("trước Tết Nguyên đán năm
2026 15 ngày") they are one solar date, converted on the Vietnamese lunar calendar (UTC+7).
"trước Tết" with no number of days means by the last day of the lunar year (one day before Tết).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import timedelta

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.spans import Spans
from dondoc.schedule.lunar import lunar_to_solar
from dondoc.taskset import LunarDue

_TET = r"tet(?: nguyen dan| am lich| co truyen)?(?:(?: nam)? (\d{4}))?"
# "trước Tết Nguyên đán (năm 2026) (ít nhất) 15 ngày"
_BEFORE_TET_DAYS = re.compile(r"\btruoc " + _TET + r",? (?:it nhat |toi thieu )?(\d{1,3}) ngay")
# "15 ngày trước Tết Nguyên đán (năm 2026)"
_DAYS_BEFORE_TET = re.compile(r"\b(\d{1,3}) ngay truoc " + _TET)
# "trước Tết Nguyên đán (năm 2026)", no number of days
_BEFORE_TET = re.compile(r"\btruoc " + _TET)
# "trước ngày 15/7 âm lịch", "trước ngày 15 tháng 7 âm lịch"
_BEFORE_LUNAR_DAY = re.compile(r"\btruoc (?:ngay )?(\d{1,2})(?:/| thang )(\d{1,2})(?: nam (\d{4}))? (?:\()?am lich")


@dataclass(frozen=True)
class LunarDeadline:
    lunar: LunarDue | None  # every year
    due: str | None  # one solar ISO date, when the year is written
    start: int
    end: int
    why: str
    written: tuple[int, int] = (1, 1)  # the lunar (month, day) as written


def _one(month: int, day: int, days_before: int, year: str | None, name: str | None,
         start: int, end: int, phrase: str) -> LunarDeadline | None:
    if not (1 <= month <= 12 and 1 <= day <= 30) or days_before > 366:
        return None
    if year is None:
        return LunarDeadline(LunarDue(month=month, day=day, days_before=days_before, name=name), None, start, end,
                             f'"{phrase}": every year on the lunar calendar', (month, day))
    try:
        solar = lunar_to_solar(int(year), month, day, clamp=True) - timedelta(days=days_before)
    except ValueError:
        return None
    return LunarDeadline(None, solar.isoformat(), start, end, f'"{phrase}": {solar:%d/%m/%Y} on the lunar calendar',
                         (month, day))


def without_misread(dues: list[str], lunar: list[LunarDeadline]) -> list[str]:
    """Solar dues minus those that are a lunar day read as a solar one ("15/7 âm lịch" is not 15 July)."""
    written = {lu.written for lu in lunar if lu.written != (1, 1)}
    return [d for d in dues if (int(d[-5:-3]), int(d[-2:])) not in written] if written else dues


def find_lunar_deadlines(text: str) -> list[LunarDeadline]:
    """Every lunar-anchored deadline the text states, in order, each once."""
    return list(lunar_deadlines(text))


@lru_cache(maxsize=256)
def lunar_deadlines(text: str) -> tuple[LunarDeadline, ...]:
    """find_lunar_deadlines, remembered: the report tasks of one item each ask about the item's
    text, and a scan of it for each of them would grow with the square of its length."""
    f = fold_keep_length(text)
    if "am lich" not in f and "tet" not in f:
        return ()
    out: list[LunarDeadline] = []
    taken = Spans()

    def add(item: LunarDeadline | None) -> None:
        if item is not None and not taken.overlaps(item.start, item.end):
            taken.claim(item.start, item.end)
            out.append(item)

    for m in _BEFORE_TET_DAYS.finditer(f):
        add(_one(1, 1, int(m.group(2)), m.group(1), "Tết Nguyên đán", m.start(), m.end(), text[m.start():m.end()]))
    for m in _DAYS_BEFORE_TET.finditer(f):
        add(_one(1, 1, int(m.group(1)), m.group(2), "Tết Nguyên đán", m.start(), m.end(), text[m.start():m.end()]))
    for m in _BEFORE_TET.finditer(f):
        add(_one(1, 1, 1, m.group(1), "Tết Nguyên đán", m.start(), m.end(), text[m.start():m.end()]))
    for m in _BEFORE_LUNAR_DAY.finditer(f):
        add(_one(int(m.group(2)), int(m.group(1)), 0, m.group(3), None, m.start(), m.end(), text[m.start():m.end()]))
    return tuple(sorted(out, key=lambda d: d.start))
