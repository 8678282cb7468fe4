from __future__ import annotations

from datetime import date

import pytest

from dondoc.schedule.calendar import WorkCalendar, YearNotice, make_up_days_named


def no_holidays(year: int) -> dict[date, str]:
    return {}


class TestOneDay:
    def test_a_weekend_day_is_named_in_vietnamese(self, cal: WorkCalendar) -> None:
        assert cal.day_off_reason(date(2025, 6, 14)) == "Thứ Bảy"
        assert cal.day_off_reason(date(2025, 6, 15)) == "Chủ nhật"

    def test_a_holiday_is_named_in_vietnamese(self, cal: WorkCalendar) -> None:
        assert cal.day_off_reason(date(2026, 2, 17)) == "Tết Nguyên Đán"
        assert cal.day_off_reason(date(2025, 9, 2)) == "Quốc khánh"

    def test_an_ordinary_weekday_has_no_reason_to_be_off(self, cal: WorkCalendar) -> None:
        assert cal.day_off_reason(date(2025, 6, 12)) is None
        assert cal.is_working_day(date(2025, 6, 12))

    def test_a_make_up_saturday_is_a_working_day(self, cal: WorkCalendar) -> None:
        assert cal.is_working_day(date(2025, 4, 26))
        assert cal.is_make_up_day(date(2025, 4, 26))

    def test_a_notice_adds_a_day_off(self) -> None:
        notice = YearNotice(2031, days_off={date(2031, 6, 3): "Nghỉ theo thông báo"})
        c = WorkCalendar([notice], public_holidays=no_holidays)
        assert c.day_off_reason(date(2031, 6, 3)) == "Nghỉ theo thông báo"

    def test_a_notice_can_cancel_a_holiday_by_making_it_a_working_day(self) -> None:
        notice = YearNotice(2026, working_days={date(2026, 11, 24): "Không nghỉ theo thông báo"})
        c = WorkCalendar([notice])
        assert c.is_working_day(date(2026, 11, 24))
        assert date(2026, 11, 24) not in dict(c.holidays_in(2026))

    def test_make_up_days_are_read_from_the_names_of_swapped_days_off(self) -> None:
        named = make_up_days_named({date(2025, 5, 2): "Ngày nghỉ (thay cho ngày 26/04/2025)"})
        assert list(named) == [date(2025, 4, 26)]

    def test_a_swap_known_to_the_holidays_package_needs_no_file(self) -> None:
        assert WorkCalendar().is_working_day(date(2025, 4, 26))
        assert WorkCalendar().is_working_day(date(2019, 1, 5))  # swapped for 31/12/2018


class TestArticle148:
    def test_a_deadline_on_a_working_day_stays(self, cal: WorkCalendar) -> None:
        assert cal.effective_due(date(2025, 6, 12)) == date(2025, 6, 12)

    def test_a_deadline_on_a_sunday_moves_to_monday(self, cal: WorkCalendar) -> None:
        assert cal.effective_due(date(2025, 6, 15)) == date(2025, 6, 16)

    def test_the_shift_can_be_switched_off(self, notices: list[YearNotice]) -> None:
        c = WorkCalendar(notices, shift=False)
        assert c.effective_due(date(2025, 6, 15)) == date(2025, 6, 15)
        assert "tắt" in " ".join(c.explain_due(date(2025, 6, 15)).lines)

    def test_the_explanation_names_each_skipped_day_and_the_article(self, cal: WorkCalendar) -> None:
        ex = cal.explain_due(date(2026, 2, 17))
        text = "\n".join(ex.lines)
        assert ex.effective == date(2026, 2, 23)
        assert [d.day for d, _ in ex.skipped] == [17, 18, 19, 20, 21, 22]
        assert "Mùng bốn Tết Nguyên Đán" in text and "nghỉ hằng tuần" in text
        assert ex.lines[0] == "Ngày ghi trong văn bản: Thứ Ba, 17/02/2026"
        assert ex.lines[-1].startswith("Hạn hiệu lực: Thứ Hai, 23/02/2026")
        assert ex.lines[-1].endswith("(Bộ luật Dân sự 2015, Điều 148)")


    def test_a_reminder_states_the_date_it_means(self, cal: WorkCalendar) -> None:
        assert cal.due_phrase(date(2025, 6, 12)) == "hạn cuối ngày Thứ Năm, 12/06/2025"
        assert cal.due_phrase(date(2025, 6, 15)) == (
            "hạn cuối ngày Thứ Hai, 16/06/2025 (ngày ghi trong văn bản: Chủ nhật, 15/06/2025, ngày nghỉ)")


class TestCounting:
    def test_the_first_day_is_not_counted(self, cal: WorkCalendar) -> None:
        assert cal.add_days(date(2025, 6, 5), 10) == date(2025, 6, 15)
        assert cal.add_working_days(date(2025, 6, 9), 1) == date(2025, 6, 10)

    def test_receiving_on_a_sunday_counts_from_monday(self, cal: WorkCalendar) -> None:
        assert cal.add_working_days(date(2025, 6, 15), 1) == date(2025, 6, 16)

    def test_zero_working_days_is_the_start_itself(self, cal: WorkCalendar) -> None:
        assert cal.add_working_days(date(2025, 6, 15), 0) == date(2025, 6, 15)

    def test_subtracting_working_days_undoes_adding_them(self, cal: WorkCalendar) -> None:
        end = cal.add_working_days(date(2026, 2, 12), 5)
        assert cal.subtract_working_days(end, 5) == date(2026, 2, 12)

    def test_a_negative_count_goes_backwards(self, cal: WorkCalendar) -> None:
        assert cal.add_working_days(date(2025, 6, 16), -1) == date(2025, 6, 13)

    def test_working_days_between_counts_after_the_start(self, cal: WorkCalendar) -> None:
        assert cal.working_days_between(date(2026, 2, 12), date(2026, 2, 26)) == 5


class TestYear:
    def test_holidays_of_2025_are_listed_with_vietnamese_names(self, cal: WorkCalendar) -> None:
        days = dict(cal.holidays_in(2025))
        assert days[date(2025, 1, 1)] == "Tết Dương lịch"
        assert date(2025, 5, 2) in days
        assert len(days) == 13  # 1/1; 27/1–1/2; 7/4; 30/4; 1/5; 2/5; 1–2/9

    @pytest.mark.parametrize(
        ("year", "saturday"),
        [(2019, date(2019, 5, 4)), (2024, date(2024, 5, 4)), (2025, date(2025, 4, 26)), (2026, date(2026, 8, 22))],
        ids=str,
    )
    def test_make_up_saturdays_of_the_year_are_listed(self, cal: WorkCalendar, year: int, saturday: date) -> None:
        days = dict(cal.make_up_days_in(year))
        assert saturday in days and days[saturday].startswith("Làm bù")
