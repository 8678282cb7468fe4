from __future__ import annotations

from datetime import date

import pytest

from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.periods import WindowRule
from dondoc.schedule.recurrence import due_dates, rrule_text
from dondoc.taskset import Relative, Schedule

D = date
WIDE = (D(2019, 1, 1), D(2031, 12, 31))


def stated(schedule: Schedule, anchor: date, between: tuple[date, date] = WIDE, **kw: object) -> list[date]:
    return [p.stated for p in due_dates(schedule, anchor=anchor, between=between, **kw)]  # type: ignore[arg-type]


class TestAnchoring:
    def test_an_annual_day_recurs_from_the_dispatch_date_on(self) -> None:
        s = Schedule(repeat="annual", due=["--08-19"])
        assert stated(s, D(2019, 8, 5), (D(2019, 1, 1), D(2021, 12, 31))) == [D(2019, 8, 19), D(2020, 8, 19), D(2021, 8, 19)]

    def test_a_day_already_past_at_dispatch_starts_next_year(self) -> None:
        s = Schedule(repeat="annual", due=["--08-19"])
        assert stated(s, D(2019, 8, 20), (D(2019, 1, 1), D(2020, 12, 31))) == [D(2020, 8, 19)]

    def test_an_iso_date_in_a_quarterly_task_is_the_first_occurrence(self) -> None:
        s = Schedule(repeat="quarterly", due=["2025-03-31"])
        assert stated(s, D(2025, 1, 1), (D(2025, 1, 1), D(2025, 12, 31))) == [
            D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)]

    def test_a_one_off_month_day_means_the_next_one_after_the_dispatch(self) -> None:
        s = Schedule(repeat="once", due=["--06-15"])
        assert stated(s, D(2025, 7, 1)) == [D(2026, 6, 15)]

    def test_the_end_date_is_respected(self) -> None:
        s = Schedule(repeat="monthly", due=["---20"], until=D(2025, 9, 30))
        assert stated(s, D(2025, 6, 1))[-1] == D(2025, 9, 20)

    def test_a_semiannual_due_written_once_a_year_stays_once_a_year(self) -> None:
        s = Schedule(repeat="semiannual", due=["--06-15"])
        assert [p.period for p in due_dates(s, anchor=D(2025, 1, 1), between=(D(2025, 1, 1), D(2026, 12, 31)))] == [
            "2025-H1", "2026-H1"]


class TestNoCrashNoDuplicates:
    @pytest.mark.parametrize("repeat", ["continuous", "ad_hoc"])
    def test_a_task_with_no_due_date_has_no_occurrence(self, repeat: str) -> None:
        assert due_dates(Schedule(repeat=repeat), anchor=D(2025, 1, 1), between=WIDE) == []  # type: ignore[arg-type]

    def test_the_same_day_written_twice_is_one_occurrence(self) -> None:
        s = Schedule(repeat="quarterly", due=["---20", "--09-20"])
        days = stated(s, D(2025, 1, 1), (D(2025, 1, 1), D(2025, 12, 31)))
        assert days == sorted(set(days)) and len(days) == 4

    def test_extending_the_horizon_never_repeats_an_occurrence(self) -> None:
        s = Schedule(repeat="annual", due=["--06-15", "--11-15"])
        anchor = D(2019, 8, 5)
        first = due_dates(s, anchor=anchor, between=(D(2019, 1, 1), D(2025, 6, 30)))
        second = due_dates(s, anchor=anchor, between=(D(2025, 7, 1), D(2030, 12, 31)))
        whole = due_dates(s, anchor=anchor, between=(D(2019, 1, 1), D(2030, 12, 31)))
        assert first + second == whole
        assert len({p.period for p in whole}) == len(whole)

    def test_two_reports_in_one_period_get_distinct_labels(self) -> None:
        s = Schedule(repeat="annual", due=["--06-15", "--11-15"])
        labels = [p.period for p in due_dates(s, anchor=D(2025, 1, 1), between=(D(2025, 1, 1), D(2025, 12, 31)))]
        assert labels == ["2025@06-15", "2025@11-15"]

    def test_an_empty_horizon_has_no_occurrence(self) -> None:
        s = Schedule(repeat="monthly", due=["---20"])
        assert due_dates(s, anchor=D(2025, 1, 1), between=(D(2025, 6, 21), D(2025, 6, 20))) == []


class TestMonthEnds:
    def test_february_29_in_a_common_year_is_the_last_day_of_february_with_a_note(self) -> None:
        s = Schedule(repeat="annual", due=["--02-29"])
        [p] = due_dates(s, anchor=D(2025, 1, 1), between=(D(2025, 1, 1), D(2025, 12, 31)))
        assert p.stated == D(2025, 2, 28)
        assert "29/02" in p.notes[0] and "Điều 148" in p.notes[0]

    def test_the_31st_each_month_is_the_last_day_of_short_months(self) -> None:
        s = Schedule(repeat="monthly", due=["---31"])
        assert [d.day for d in stated(s, D(2025, 1, 1), (D(2025, 1, 1), D(2025, 6, 30)))] == [31, 28, 31, 30, 31, 30]

    def test_the_rule_exports_as_rfc_5545(self) -> None:
        assert rrule_text("--02-29", "annual", anchor=D(2025, 1, 1)) == (
            "RRULE:FREQ=YEARLY;BYSETPOS=-1;BYMONTH=2;BYMONTHDAY=28,29")
        assert rrule_text("2025-06-15", "once", anchor=D(2025, 1, 1)) is None


class TestPeriodsAndBefore:
    def test_each_occurrence_knows_its_period_and_data_window(self) -> None:
        s = Schedule(repeat="semiannual", due=["--06-15"])
        [p] = due_dates(s, anchor=D(2019, 8, 5), between=(D(2025, 1, 1), D(2025, 12, 31)))
        assert (p.period, p.covers, p.data_window) == ("2025-H1", (D(2025, 1, 1), D(2025, 6, 30)),
                                                        (D(2024, 12, 15), D(2025, 6, 14)))

    def test_a_task_overrides_the_data_window(self) -> None:
        s = Schedule(repeat="semiannual", due=["--06-20"])
        [p] = due_dates(s, anchor=D(2025, 1, 1), between=(D(2025, 1, 1), D(2025, 12, 31)), windows=WindowRule(end_day=15))
        assert p.data_window == (D(2024, 12, 16), D(2025, 6, 15))

    def test_a_one_off_occurrence_is_labelled_by_its_date(self) -> None:
        [p] = due_dates(Schedule(repeat="once", due=["2025-06-15"]), anchor=D(2025, 5, 1), between=WIDE)
        assert (p.period, p.covers, p.data_window) == ("2025-06-15", None, None)

    @pytest.mark.parametrize(
        ("before_means", "expected"), [("same_day", D(2025, 6, 15)), ("day_before", D(2025, 6, 14))], ids=str
    )
    def test_before_day_x_follows_the_setting_and_keeps_the_written_day(self, before_means: str, expected: date) -> None:
        [p] = due_dates(Schedule(due=["2025-06-15"]), anchor=D(2025, 5, 1), between=WIDE, before_means=before_means)  # type: ignore[arg-type]
        assert (p.stated, p.written) == (expected, D(2025, 6, 15))

    def test_a_relative_deadline_needs_the_day_of_receipt(self, cal: WorkCalendar) -> None:
        s = Schedule(relative=Relative(days=5, working_days=True))
        assert due_dates(s, anchor=D(2026, 2, 1), between=WIDE) == []
        [p] = due_dates(s, anchor=D(2026, 2, 1), between=WIDE, received=D(2026, 2, 12), cal=cal)
        assert (p.period, p.stated) == ("once", D(2026, 2, 26))
