"""Conformance: dates a Vietnamese office would sign off, 2019–2030.

Each row: the words of the dispatch (documentation; the parser turns them into the parsed
form), the dispatch's date, the parsed form, and the expected stated and effective dates.
Effective = BLDS 2015 Art. 148 on the calendar in use (`holidays` VN + config/calendars/).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.lunar import lunar_to_solar
from dondoc.schedule.periods import internal_deadline
from dondoc.schedule.recurrence import due_dates, relative_due
from dondoc.taskset import Relative, Schedule


@dataclass(frozen=True)
class Periodic:
    """A schedule and the occurrence (period label) the row is about."""

    schedule: Schedule
    period: str
    before_means: str = "same_day"


@dataclass(frozen=True)
class LunarOffset:
    """N days before (negative) or after a lunar date of a year: "trước Tết Nguyên đán 15 ngày"."""

    year: int
    month: int
    day: int
    offset: int = 0


@dataclass(frozen=True)
class Cascade:
    """Sub-units report N working days before the consolidating organisation's deadline."""

    upper: date
    working_days: int


def once(due: str, before_means: str = "same_day") -> Periodic:
    return Periodic(Schedule(repeat="once", due=[due]), due, before_means)


D = date
ROWS: list[tuple[str, str, date, object, date, date]] = [
    # id, words, dispatch date, parsed form, stated, effective
    ("15-6-2025-sunday", "Báo cáo kết quả về Ban Chỉ đạo trước ngày 15/6/2025",
     D(2025, 5, 20), once("2025-06-15"), D(2025, 6, 15), D(2025, 6, 16)),
    ("2-9-2026-national-day", "Hoàn thành trước ngày 02/9/2026",
     D(2026, 8, 1), once("2026-09-02"), D(2026, 9, 2), D(2026, 9, 3)),
    ("tet-2026-first-day", "Gửi báo cáo trước ngày 17/02/2026",
     D(2026, 1, 20), once("2026-02-17"), D(2026, 2, 17), D(2026, 2, 23)),
    ("make-up-saturday-26-4-2025", "Nộp hồ sơ chậm nhất ngày 26/4/2025",
     D(2025, 4, 1), once("2025-04-26"), D(2025, 4, 26), D(2025, 4, 26)),
    ("make-up-saturday-22-8-2026", "Báo cáo chậm nhất ngày 22/8/2026",
     D(2026, 8, 3), once("2026-08-22"), D(2026, 8, 22), D(2026, 8, 22)),
    ("make-up-saturday-4-5-2024", "Báo cáo chậm nhất ngày 04/5/2024",
     D(2024, 4, 10), once("2024-05-04"), D(2024, 5, 4), D(2024, 5, 4)),
    ("make-up-saturday-5-1-2019", "Gửi danh sách trước ngày 05/01/2019",
     D(2018, 12, 20), once("2019-01-05"), D(2019, 1, 5), D(2019, 1, 5)),
    ("5-working-days-across-tet-2026", "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản (nhận 12/02/2026)",
     D(2026, 2, 12), Relative(days=5, working_days=True), D(2026, 2, 26), D(2026, 2, 26)),
    ("5-working-days-across-tet-2025", "trong thời hạn 05 ngày làm việc kể từ ngày nhận (nhận 24/01/2025)",
     D(2025, 1, 24), Relative(days=5, working_days=True), D(2025, 2, 7), D(2025, 2, 7)),
    ("3-working-days-count-make-up-saturday", "trong 03 ngày làm việc kể từ ngày nhận (nhận 25/4/2025)",
     D(2025, 4, 25), Relative(days=3, working_days=True), D(2025, 4, 29), D(2025, 4, 29)),
    ("1-working-day-across-30-4-2025", "trong 01 ngày làm việc kể từ ngày nhận (nhận 29/4/2025)",
     D(2025, 4, 29), Relative(days=1, working_days=True), D(2025, 5, 5), D(2025, 5, 5)),
    ("10-days-ending-on-sunday", "trong thời hạn 10 ngày kể từ ngày nhận (nhận 05/6/2025)",
     D(2025, 6, 5), Relative(days=10), D(2025, 6, 15), D(2025, 6, 16)),
    ("7-days-ending-on-tet-eve-2026", "trong thời hạn 07 ngày kể từ ngày nhận (nhận 09/02/2026)",
     D(2026, 2, 9), Relative(days=7), D(2026, 2, 16), D(2026, 2, 23)),
    ("15-days-across-tet-2020", "trong vòng 15 ngày kể từ ngày ký (20/01/2020)",
     D(2020, 1, 20), Relative(days=15, from_event="signing"), D(2020, 2, 4), D(2020, 2, 4)),
    ("29-2-in-a-common-year", "Báo cáo năm trước ngày 29/02 hằng năm (năm 2025)",
     D(2024, 1, 10), Periodic(Schedule(repeat="annual", due=["--02-29"]), "2024"), D(2025, 2, 28), D(2025, 2, 28)),
    ("29-2-in-a-leap-year", "Báo cáo năm trước ngày 29/02 hằng năm (năm 2028)",
     D(2024, 1, 10), Periodic(Schedule(repeat="annual", due=["--02-29"]), "2027"), D(2028, 2, 29), D(2028, 2, 29)),
    ("29-2-on-a-saturday-in-2026", "Báo cáo năm trước ngày 29/02 hằng năm (năm 2026: 28/02 là Thứ Bảy)",
     D(2024, 1, 10), Periodic(Schedule(repeat="annual", due=["--02-29"]), "2025"), D(2026, 2, 28), D(2026, 3, 2)),
    ("6-month-report-2025", "Định kỳ 06 tháng (trước 15/6) báo cáo kết quả (6 tháng đầu năm 2025)",
     D(2019, 8, 5), Periodic(Schedule(repeat="semiannual", due=["--06-15"]), "2025-H1"), D(2025, 6, 15), D(2025, 6, 16)),
    ("6-month-report-2025-h2", "Báo cáo 6 tháng trước ngày 15/6 và 15/12 hằng năm (6 tháng cuối năm 2025)",
     D(2024, 3, 1), Periodic(Schedule(repeat="semiannual", due=["--06-15", "--12-15"]), "2025-H2"),
     D(2025, 12, 15), D(2025, 12, 15)),
    ("annual-15-11-2025-saturday", "01 năm (trước 15/11) báo cáo kết quả (năm 2025)",
     D(2019, 8, 5), Periodic(Schedule(repeat="annual", due=["--11-15"]), "2025"), D(2025, 11, 15), D(2025, 11, 17)),
    ("annual-15-11-2026-sunday", "01 năm (trước 15/11) báo cáo kết quả (năm 2026)",
     D(2019, 8, 5), Periodic(Schedule(repeat="annual", due=["--11-15"]), "2026"), D(2026, 11, 15), D(2026, 11, 16)),
    ("annual-25-12-2027-nd09-art13", "gửi báo cáo năm chậm nhất ngày 25 tháng cuối kỳ (năm 2027)",
     D(2026, 1, 5), Periodic(Schedule(repeat="annual", due=["--12-25"]), "2027"), D(2027, 12, 25), D(2027, 12, 27)),
    ("monthly-20-9-2025-saturday", "Báo cáo tháng trước ngày 20 hằng tháng (tháng 9/2025)",
     D(2025, 1, 2), Periodic(Schedule(repeat="monthly", due=["---20"]), "2025-09"), D(2025, 9, 20), D(2025, 9, 22)),
    ("monthly-5th-reports-last-month", "Báo cáo tháng trước ngày 05 tháng sau (tháng 12/2025)",
     D(2025, 1, 2), Periodic(Schedule(repeat="monthly", due=["---05"]), "2025-12"), D(2026, 1, 5), D(2026, 1, 5)),
    ("monthly-31st-in-february-2027", "Báo cáo vào ngày cuối tháng (tháng 2/2027)",
     D(2026, 12, 1), Periodic(Schedule(repeat="monthly", due=["---31"]), "2027-02"), D(2027, 2, 28), D(2027, 3, 1)),
    ("quarterly-q3-2025", "Báo cáo quý trước ngày 20 tháng cuối quý (quý III/2025)",
     D(2025, 1, 2), Periodic(Schedule(repeat="quarterly", due=["---20"]), "2025-Q3"), D(2025, 9, 20), D(2025, 9, 22)),
    ("quarterly-q1-2026", "Báo cáo quý trước ngày 20 tháng cuối quý (quý I/2026)",
     D(2025, 1, 2), Periodic(Schedule(repeat="quarterly", due=["---20"]), "2026-Q1"), D(2026, 3, 20), D(2026, 3, 20)),
    ("before-means-day-before", "Báo cáo trước ngày 16/6/2025 (cấu hình: trước ngày X = ngày X − 1)",
     D(2025, 6, 1), once("2025-06-16", "day_before"), D(2025, 6, 15), D(2025, 6, 16)),
    ("new-year-2025", "Hoàn thành trước ngày 01/01/2025",
     D(2024, 12, 1), once("2025-01-01"), D(2025, 1, 1), D(2025, 1, 2)),
    ("new-year-2028-saturday-with-substitute", "Hoàn thành trước ngày 01/01/2028",
     D(2027, 12, 1), once("2028-01-01"), D(2028, 1, 1), D(2028, 1, 4)),
    ("30-4-2025", "Báo cáo trước ngày 30/4/2025",
     D(2025, 4, 1), once("2025-04-30"), D(2025, 4, 30), D(2025, 5, 5)),
    ("30-4-2024", "Báo cáo trước ngày 30/4/2024",
     D(2024, 4, 1), once("2024-04-30"), D(2024, 4, 30), D(2024, 5, 2)),
    ("swapped-day-off-29-4-2024", "Báo cáo trước ngày 29/4/2024",
     D(2024, 4, 1), once("2024-04-29"), D(2024, 4, 29), D(2024, 5, 2)),
    ("saturday-before-swap-27-4-2024", "Báo cáo trước ngày 27/4/2024",
     D(2024, 4, 1), once("2024-04-27"), D(2024, 4, 27), D(2024, 5, 2)),
    ("swapped-day-off-29-4-2019", "Báo cáo trước ngày 29/4/2019",
     D(2019, 4, 1), once("2019-04-29"), D(2019, 4, 29), D(2019, 5, 2)),
    ("make-up-saturday-4-5-2019", "Báo cáo chậm nhất ngày 04/5/2019",
     D(2019, 4, 1), once("2019-05-04"), D(2019, 5, 4), D(2019, 5, 4)),
    ("hung-kings-day-2025", "Báo cáo trước ngày 07/4/2025",
     D(2025, 3, 1), once("2025-04-07"), D(2025, 4, 7), D(2025, 4, 8)),
    ("sunday-before-hung-kings-day-2025", "Báo cáo trước ngày 06/4/2025",
     D(2025, 3, 1), once("2025-04-06"), D(2025, 4, 6), D(2025, 4, 8)),
    ("hung-kings-day-2026-on-sunday", "Báo cáo trước ngày 26/4/2026",
     D(2026, 3, 1), once("2026-04-26"), D(2026, 4, 26), D(2026, 4, 28)),
    ("national-day-2025", "Hoàn thành trước ngày 02/9/2025",
     D(2025, 8, 1), once("2025-09-02"), D(2025, 9, 2), D(2025, 9, 3)),
    ("saturday-before-national-day-2025", "Hoàn thành trước ngày 30/8/2025",
     D(2025, 8, 1), once("2025-08-30"), D(2025, 8, 30), D(2025, 9, 3)),
    ("swapped-day-off-31-8-2026", "Hoàn thành trước ngày 31/8/2026",
     D(2026, 8, 1), once("2026-08-31"), D(2026, 8, 31), D(2026, 9, 3)),
    ("national-day-2021-two-days", "Hoàn thành trước ngày 02/9/2021",
     D(2021, 8, 1), once("2021-09-02"), D(2021, 9, 2), D(2021, 9, 6)),
    ("national-day-2027", "Hoàn thành trước ngày 02/9/2027",
     D(2027, 8, 1), once("2027-09-02"), D(2027, 9, 2), D(2027, 9, 6)),
    ("vietnam-culture-day-2026", "Hoàn thành trước ngày 24/11/2026",
     D(2026, 11, 1), once("2026-11-24"), D(2026, 11, 24), D(2026, 11, 25)),
    ("tet-2025-third-day", "Gửi báo cáo trước ngày 31/01/2025",
     D(2025, 1, 2), once("2025-01-31"), D(2025, 1, 31), D(2025, 2, 3)),
    ("tet-2024-saturday", "Gửi báo cáo trước ngày 10/02/2024",
     D(2024, 1, 15), once("2024-02-10"), D(2024, 2, 10), D(2024, 2, 15)),
    ("tet-2022-eve", "Gửi báo cáo trước ngày 31/01/2022",
     D(2022, 1, 10), once("2022-01-31"), D(2022, 1, 31), D(2022, 2, 7)),
    ("tet-2020-29th", "Gửi báo cáo trước ngày 23/01/2020",
     D(2020, 1, 2), once("2020-01-23"), D(2020, 1, 23), D(2020, 1, 30)),
    ("tet-2030-eve", "Gửi báo cáo trước ngày 01/02/2030",
     D(2030, 1, 2), once("2030-02-01"), D(2030, 2, 1), D(2030, 2, 7)),
    ("30-4-2029-monday", "Báo cáo trước ngày 30/4/2029",
     D(2029, 4, 1), once("2029-04-30"), D(2029, 4, 30), D(2029, 5, 2)),
    ("ordinary-thursday-2023", "Báo cáo trước ngày 15/6/2023",
     D(2023, 5, 1), once("2023-06-15"), D(2023, 6, 15), D(2023, 6, 15)),
    ("before-tet-2026-by-15-days", "Hoàn thành trước Tết Nguyên đán 15 ngày (Tết Bính Ngọ 2026)",
     D(2025, 12, 1), LunarOffset(2026, 1, 1, -15), D(2026, 2, 2), D(2026, 2, 2)),
    ("before-tet-2027-by-10-days", "Hoàn thành trước Tết Nguyên đán 10 ngày (Tết 2027)",
     D(2026, 12, 1), LunarOffset(2027, 1, 1, -10), D(2027, 1, 27), D(2027, 1, 27)),
    ("hung-kings-day-2030-lunar", "Hoàn thành trước ngày Giỗ Tổ Hùng Vương (10/3 âm lịch) năm 2030",
     D(2030, 1, 15), LunarOffset(2030, 3, 10), D(2030, 4, 12), D(2030, 4, 15)),
    ("cascade-3-working-days", "Các sở báo cáo UBND tỉnh để tổng hợp báo cáo Bộ trước ngày 25/6/2025",
     D(2025, 6, 1), Cascade(D(2025, 6, 25), 3), D(2025, 6, 20), D(2025, 6, 20)),
    ("cascade-across-30-4-2025", "Các xã báo cáo tỉnh 03 ngày làm việc trước hạn tỉnh báo cáo Trung ương (05/5/2025)",
     D(2025, 4, 1), Cascade(D(2025, 5, 5), 3), D(2025, 4, 26), D(2025, 4, 26)),
]


def stated_date(form: object, dispatch: date, cal: WorkCalendar) -> date:
    """The stated date of a parsed form, as dondoc computes it."""
    if isinstance(form, Periodic):
        found = due_dates(
            form.schedule, anchor=dispatch, between=(dispatch, dispatch + timedelta(days=3660)),
            before_means=form.before_means,  # type: ignore[arg-type]
        )
        matches = [p for p in found if p.period == form.period]
        assert len(matches) == 1, [p.period for p in found]
        return matches[0].stated
    if isinstance(form, Relative):
        return relative_due(form, received=dispatch, cal=cal)
    if isinstance(form, LunarOffset):
        return lunar_to_solar(form.year, form.month, form.day) + timedelta(days=form.offset)
    if isinstance(form, Cascade):
        return internal_deadline(form.upper, working_days=form.working_days, cal=cal)
    raise TypeError(form)


def test_the_table_has_at_least_forty_dated_cases_across_2019_to_2030() -> None:
    years = {row[4].year for row in ROWS}
    assert len(ROWS) >= 40
    assert min(years) == 2019 and max(years) == 2030


@pytest.mark.parametrize(
    ("words", "dispatch", "form", "stated", "effective"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_dispatch_dates_resolve_to_the_stated_and_effective_day(
    words: str, dispatch: date, form: object, stated: date, effective: date, cal: WorkCalendar
) -> None:
    got = stated_date(form, dispatch, cal)
    assert (got, cal.effective_due(got)) == (stated, effective), words


@pytest.mark.parametrize(
    ("words", "dispatch", "form", "stated", "effective"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_every_effective_date_is_explained_with_its_article(
    words: str, dispatch: date, form: object, stated: date, effective: date, cal: WorkCalendar
) -> None:
    ex = cal.explain_due(stated)
    assert ex.effective == effective
    assert "Bộ luật Dân sự 2015, Điều 148" in ex.lines[-1]
    if stated == effective:
        assert ex.skipped == ()
    else:
        assert ex.skipped[0][0] == stated
        assert all(reason for _, reason in ex.skipped)
