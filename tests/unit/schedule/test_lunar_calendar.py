from __future__ import annotations

from datetime import date

import holidays
import pytest

from dondoc.schedule.lunar import (
    LunarDate,
    days_before_lunar,
    hung_kings_day,
    lunar_month_length,
    lunar_to_solar,
    solar_to_lunar,
    tet,
)

YEARS = range(1990, 2051)


def published_tet(year: int) -> date:
    names = holidays.country_holidays("VN", years=year, language="vi")
    return next(d for d, n in names.items() if n == "Tết Nguyên Đán")


class TestTet:
    @pytest.mark.parametrize("year", YEARS, ids=str)
    def test_tet_matches_the_published_vietnamese_date(self, year: int) -> None:
        assert tet(year) == published_tet(year)

    @pytest.mark.parametrize(
        ("year", "vietnam", "china"),
        [(1985, date(1985, 1, 21), date(1985, 2, 20)), (2007, date(2007, 2, 17), date(2007, 2, 18)),
         (2030, date(2030, 2, 2), date(2030, 2, 3))],
        ids=["1985", "2007", "2030"],
    )
    def test_tet_follows_the_utc_plus_7_calendar_where_it_differs_from_china(
        self, year: int, vietnam: date, china: date
    ) -> None:
        assert tet(year) == vietnam != china


class TestConversions:
    @pytest.mark.parametrize(
        ("year", "solar"),
        [(2007, date(2007, 4, 26)), (2020, date(2020, 4, 2)), (2025, date(2025, 4, 7)), (2026, date(2026, 4, 26))],
        ids=str,
    )
    def test_hung_kings_day_is_the_tenth_of_the_third_lunar_month(self, year: int, solar: date) -> None:
        assert hung_kings_day(year) == solar

    def test_a_solar_day_converts_to_its_lunar_date_and_back(self) -> None:
        d = date(2026, 2, 16)
        ld = solar_to_lunar(d)
        assert ld == LunarDate(2025, 12, 29)
        assert lunar_to_solar(ld.year, ld.month, ld.day, ld.leap) == d

    def test_a_leap_month_is_reached_with_the_leap_flag(self) -> None:
        # 2023 had a leap 2nd month (tháng 2 nhuận).
        plain = lunar_to_solar(2023, 2, 1)
        leap = lunar_to_solar(2023, 2, 1, leap=True)
        assert (leap - plain).days in (29, 30)
        assert solar_to_lunar(leap).leap

    def test_a_leap_month_the_year_lacks_is_refused(self) -> None:
        with pytest.raises(ValueError, match="leap month"):
            lunar_to_solar(2025, 3, 1, leap=True)

    def test_day_thirty_of_a_short_month_is_refused_unless_clamped(self) -> None:
        assert lunar_month_length(2025, 12) == 29
        with pytest.raises(ValueError, match="29 days"):
            lunar_to_solar(2025, 12, 30)
        assert lunar_to_solar(2025, 12, 30, clamp=True) == date(2026, 2, 16)

    def test_a_year_outside_the_supported_range_is_refused(self) -> None:
        with pytest.raises(ValueError, match="outside"):
            tet(2200)

    def test_a_lunar_date_reads_in_vietnamese(self) -> None:
        assert str(LunarDate(2025, 3, 10)) == "10/03 âm lịch năm 2025"


def test_fifteen_days_before_tet_2026_is_2_february() -> None:
    assert days_before_lunar(2026, 1, 1, 15) == date(2026, 2, 2)
