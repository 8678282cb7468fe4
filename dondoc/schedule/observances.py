"""Observance days of a span of years: solar or lunar, with the anniversary number and round years.

Round years (*năm tròn*): ND 111/2018/NĐ-CP allows anniversary ceremonies only in round
years. We count an anniversary as round when its number is a multiple of 5 (the 5th, 10th,
… 80th); `milestone` says "tròn" for multiples of 10 and "chẵn" for the others, the older
ND 145/2013 distinction. [unverified: the decree's own definition was not read]
The anniversary number is the year minus `since` (the 80th of 19/8/1945 in 2025; the 20th
Ngày hội of 19/8/2005 in 2025); the founding year itself has none.
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dondoc.observances import Observance, ObservanceCatalog
from dondoc.schedule.lunar import SUPPORTED_YEARS, lunar_to_solar

# When an observance names no ladder of its own.
DEFAULT_REMIND_DAYS: tuple[int, ...] = (30, 14, 7, 1)


@dataclass(frozen=True)
class ObservanceDay:
    """One observance in one year: its day, anniversary number and when preparation starts."""

    key: str
    name: str
    day: date
    anniversary: int | None
    round_year: bool
    prepare_from: date | None
    lunar: str | None = None  # "03-10" when the day comes from the lunar calendar
    remind_days: tuple[int, ...] = DEFAULT_REMIND_DAYS

    @property
    def milestone(self) -> str | None:
        """ "tròn" for the 10th, 20th …; "chẵn" for the 5th, 15th …; None otherwise."""
        if not self.round_year or self.anniversary is None:
            return None
        return "tròn" if self.anniversary % 10 == 0 else "chẵn"

    def reminder_dates(self) -> list[date]:
        """The days a reminder is due: the opening of preparation, then each rung of the ladder."""
        days = {self.day - timedelta(days=n) for n in self.remind_days if n >= 0}
        if self.prepare_from is not None:
            days.add(self.prepare_from)
        return sorted(days)

    def title(self) -> str:
        """ "Kỷ niệm 80 năm Ngày …" in a round year, the bare name otherwise."""
        if self.anniversary and self.round_year:
            return f"{self.name} — kỷ niệm {self.anniversary} năm (năm tròn)"
        if self.anniversary:
            return f"{self.name} — lần thứ {self.anniversary}"
        return self.name


def anniversary(year: int, since: int | None) -> int | None:
    """The anniversary number in `year` of something first held in `since` (None before or in that year)."""
    if since is None or year <= since:
        return None
    return year - since


def is_round(n: int | None) -> bool:
    """A round anniversary (năm tròn): a multiple of 5."""
    return n is not None and n > 0 and n % 5 == 0


def _solar_day(year: int, mmdd: str) -> date:
    month, day = int(mmdd[-5:-3]), int(mmdd[-2:])
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))


def _prepare(day: date, prepare_from: str | None) -> date | None:
    if prepare_from is None:
        return None
    p = _solar_day(day.year, prepare_from)
    if p > day:
        p = _solar_day(day.year - 1, prepare_from)
    return p


def _days_of(o: Observance, lo: date, hi: date) -> list[tuple[int, date]]:
    """(the year it counts for, the solar day): a lunar year's day may fall in the next solar year."""
    if o.date is not None:
        return [(y, _solar_day(y, o.date)) for y in range(lo.year, hi.year + 1)]
    if o.lunar is not None:
        month, day = int(o.lunar[:2]), int(o.lunar[3:])
        years = range(max(lo.year - 1, SUPPORTED_YEARS[0]), min(hi.year, SUPPORTED_YEARS[1]) + 1)
        return [(y, lunar_to_solar(y, month, day, clamp=True)) for y in years]
    return []


def observance_days(
    catalog_or_list: ObservanceCatalog | Iterable[Observance], *, between: tuple[date, date]
) -> list[ObservanceDay]:
    """Every observance day in `between` (both ends included), by date then key."""
    observances: Iterable[Observance] = (
        catalog_or_list.observances if isinstance(catalog_or_list, ObservanceCatalog) else catalog_or_list
    )
    lo, hi = between
    out: list[ObservanceDay] = []
    for o in observances:
        for year, day in _days_of(o, lo, hi):
            if not lo <= day <= hi:
                continue
            n = anniversary(year, o.since)
            out.append(
                ObservanceDay(
                    key=o.key,
                    name=o.name,
                    day=day,
                    anniversary=n,
                    round_year=is_round(n),
                    prepare_from=_prepare(day, o.prepare_from),
                    lunar=o.lunar,
                    remind_days=tuple(o.remind_days) if o.remind_days is not None else DEFAULT_REMIND_DAYS,
                )
            )
    return sorted(out, key=lambda x: (x.day, x.key))
