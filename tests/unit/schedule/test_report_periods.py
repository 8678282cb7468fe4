from __future__ import annotations

from datetime import date

import pytest

from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.periods import (
    CALENDAR_PERIOD,
    DEFAULT_CASCADE_WORKING_DAYS,
    Period,
    WindowRule,
    internal_deadline,
    parse_period,
    period_for_due,
    window_phrase,
)

D = date


class TestNd09Windows:
    @pytest.mark.parametrize(
        ("label", "covers", "window"),
        [
            ("2025-06", (D(2025, 6, 1), D(2025, 6, 30)), (D(2025, 5, 15), D(2025, 6, 14))),
            ("2025-01", (D(2025, 1, 1), D(2025, 1, 31)), (D(2024, 12, 15), D(2025, 1, 14))),
            ("2025-Q1", (D(2025, 1, 1), D(2025, 3, 31)), (D(2024, 12, 15), D(2025, 3, 14))),
            ("2025-Q3", (D(2025, 7, 1), D(2025, 9, 30)), (D(2025, 6, 15), D(2025, 9, 14))),
            ("2025-H1", (D(2025, 1, 1), D(2025, 6, 30)), (D(2024, 12, 15), D(2025, 6, 14))),
            ("2025-H2", (D(2025, 7, 1), D(2025, 12, 31)), (D(2025, 6, 15), D(2025, 12, 14))),
            ("2025", (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 12, 15), D(2025, 12, 14))),
        ],
        ids=["month", "january", "q1", "q3", "h1", "h2", "year"],
    )
    def test_each_period_knows_what_it_covers_and_its_data_window(
        self, label: str, covers: tuple[date, date], window: tuple[date, date]
    ) -> None:
        p = parse_period(label)
        assert p.label == label
        assert p.covers() == covers
        assert p.data_window() == window

    def test_the_window_phrase_reads_as_the_decree_writes_it(self) -> None:
        assert window_phrase(parse_period("2025-H1").data_window()) == "số liệu tính từ 15/12/2024 đến 14/6/2025"

    def test_a_task_can_override_the_cut_off_day(self) -> None:
        assert parse_period("2025-H1").data_window(WindowRule(end_day=20)) == (D(2024, 12, 21), D(2025, 6, 20))

    def test_a_calendar_window_is_the_period_itself(self) -> None:
        p = parse_period("2024-02")
        assert p.data_window(CALENDAR_PERIOD) == p.covers() == (D(2024, 2, 1), D(2024, 2, 29))

    @pytest.mark.parametrize(
        ("label", "phrase"),
        [("2025-06", "tháng 6/2025"), ("2025-Q3", "quý III/2025"), ("2025-H1", "6 tháng đầu năm 2025"),
         ("2025-H2", "6 tháng cuối năm 2025"), ("2025", "năm 2025")],
        ids=str,
    )
    def test_a_period_reads_in_vietnamese(self, label: str, phrase: str) -> None:
        assert parse_period(label).phrase() == phrase

    def test_a_bad_label_is_refused(self) -> None:
        with pytest.raises(ValueError):
            parse_period("2025-Q5")

    def test_periods_chain_across_the_new_year(self) -> None:
        assert Period("quarterly", 2025, 1).previous() == Period("quarterly", 2024, 4)
        assert Period("monthly", 2025, 12).next() == Period("monthly", 2026, 1)


class TestWhichPeriodAReportIsAbout:
    @pytest.mark.parametrize(
        ("kind", "due", "label"),
        [
            ("semiannual", D(2025, 6, 15), "2025-H1"),
            ("semiannual", D(2025, 7, 10), "2025-H1"),
            ("semiannual", D(2025, 12, 15), "2025-H2"),
            ("annual", D(2025, 11, 15), "2025"),
            ("annual", D(2026, 1, 15), "2025"),
            ("monthly", D(2025, 6, 5), "2025-05"),
            ("monthly", D(2025, 6, 20), "2025-06"),
            ("quarterly", D(2025, 9, 20), "2025-Q3"),
            ("quarterly", D(2025, 10, 10), "2025-Q3"),
        ],
        ids=lambda v: str(v),
    )
    def test_a_due_day_maps_to_the_period_it_reports_on(self, kind: str, due: date, label: str) -> None:
        assert period_for_due(kind, due).label == label


class TestCascade:
    def test_sub_units_report_three_working_days_before_by_default(self, cal: WorkCalendar) -> None:
        assert DEFAULT_CASCADE_WORKING_DAYS == 3
        assert internal_deadline(D(2025, 6, 25), cal=cal) == D(2025, 6, 20)

    def test_the_lead_is_configurable(self, cal: WorkCalendar) -> None:
        assert internal_deadline(D(2025, 6, 25), working_days=5, cal=cal) == D(2025, 6, 18)

    def test_an_upper_deadline_on_a_sunday_gives_the_same_as_its_monday(self, cal: WorkCalendar) -> None:
        assert internal_deadline(D(2025, 6, 15), cal=cal) == internal_deadline(D(2025, 6, 16), cal=cal)

    def test_the_internal_deadline_skips_tet(self, cal: WorkCalendar) -> None:
        assert internal_deadline(D(2026, 2, 24), working_days=2, cal=cal) == D(2026, 2, 13)

    def test_a_negative_lead_is_refused(self, cal: WorkCalendar) -> None:
        with pytest.raises(ValueError):
            internal_deadline(D(2025, 6, 25), working_days=-1, cal=cal)
