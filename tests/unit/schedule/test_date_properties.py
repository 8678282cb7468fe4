"""Invariants of the date rules over 2019–2030 (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.calendars import load_notices
from dondoc.schedule.calendar import WorkCalendar, YearNotice
from dondoc.schedule.lunar import lunar_to_solar, solar_to_lunar
from dondoc.schedule.recurrence import due_dates
from dondoc.taskset import Schedule

CONFIG = Path(__file__).resolve().parents[3] / "config"
NOTICES: list[YearNotice] = load_notices(CONFIG)
CAL = WorkCalendar(NOTICES)
days = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=60)


def due_strings() -> st.SearchStrategy[str]:
    iso = days.map(date.isoformat)
    yearly = st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)).map(lambda d: f"--{d:%m-%d}")
    monthly = st.integers(min_value=1, max_value=31).map(lambda n: f"---{n:02d}")
    return st.one_of(iso, yearly, monthly)


schedules = st.builds(
    Schedule,
    repeat=st.sampled_from(["once", "annual", "semiannual", "quarterly", "monthly", "continuous", "ad_hoc"]),
    due=st.lists(due_strings(), max_size=3),
    until=st.none() | days,
)


class TestEffectiveDue:
    @given(days)
    def test_it_is_never_before_the_stated_date(self, d: date) -> None:
        assert CAL.effective_due(d) >= d

    @given(days)
    def test_it_is_always_a_working_day(self, d: date) -> None:
        assert CAL.is_working_day(CAL.effective_due(d))

    @given(days)
    def test_it_is_the_first_working_day_on_or_after_the_stated_date(self, d: date) -> None:
        e = CAL.effective_due(d)
        assert all(not CAL.is_working_day(d + timedelta(days=i)) for i in range((e - d).days))

    @given(days)
    def test_it_is_stable_under_replay(self, d: date) -> None:
        fresh = WorkCalendar(load_notices(CONFIG))
        assert fresh.effective_due(d) == CAL.effective_due(d) == CAL.effective_due(CAL.effective_due(d))

    @given(days)
    def test_the_explanation_agrees_with_the_rule(self, d: date) -> None:
        ex = CAL.explain_due(d)
        assert ex.effective == CAL.effective_due(d)
        assert len(ex.skipped) == (ex.effective - d).days


class TestWorkingDayArithmetic:
    @given(days, st.integers(min_value=1, max_value=60))
    def test_adding_working_days_lands_on_a_working_day_after_the_start(self, d: date, n: int) -> None:
        end = CAL.add_working_days(d, n)
        assert end > d and CAL.is_working_day(end)
        assert CAL.working_days_between(d, end) == n

    @given(days, counts, counts)
    def test_more_working_days_never_end_earlier(self, d: date, a: int, b: int) -> None:
        lo, hi = sorted((a, b))
        assert CAL.add_working_days(d, lo) <= CAL.add_working_days(d, hi)

    @given(days, st.integers(min_value=1, max_value=60))
    def test_counting_back_from_a_working_day_and_forward_again_returns_to_it(self, d: date, n: int) -> None:
        d = CAL.effective_due(d)
        assert CAL.add_working_days(CAL.subtract_working_days(d, n), n) == d


class TestRecurrence:
    @settings(max_examples=150, deadline=None)
    @given(schedules, days, days, days)
    def test_occurrences_never_crash_and_splitting_the_horizon_changes_nothing(
        self, schedule: Schedule, anchor: date, a: date, b: date
    ) -> None:
        lo, hi = sorted((a, b))
        mid = lo + (hi - lo) / 2
        whole = due_dates(schedule, anchor=anchor, between=(lo, hi))
        split = due_dates(schedule, anchor=anchor, between=(lo, mid)) + due_dates(
            schedule, anchor=anchor, between=(mid + timedelta(days=1), hi))
        assert whole == split
        assert len({p.period for p in whole}) == len(whole)
        assert [p.stated for p in whole] == sorted(p.stated for p in whole)
        assert all(lo <= p.written <= hi for p in whole if p.written)
        if schedule.until:
            assert all(p.written and p.written <= schedule.until for p in whole)


class TestLunar:
    @given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
    def test_a_solar_day_survives_a_round_trip_through_the_lunar_calendar(self, d: date) -> None:
        ld = solar_to_lunar(d)
        assert lunar_to_solar(ld.year, ld.month, ld.day, ld.leap) == d
