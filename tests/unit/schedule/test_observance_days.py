from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import Observance, ObservanceCatalog
from dondoc.schedule.observances import observance_days

D = date
CATALOG = ObservanceCatalog(observances=[
    Observance(key="cand", name="Ngày truyền thống Công an nhân dân", date="--08-19", since=1945,
               prepare_from="--07-01"),
    Observance(key="ngay-hoi-antq", name="Ngày hội toàn dân bảo vệ an ninh Tổ quốc", date="--08-19", since=2005,
               remind_days=[45, 30, 7], prepare_from="--07-01"),
    Observance(key="dai-doan-ket", name="Ngày hội Đại đoàn kết toàn dân tộc", date="--11-18", since=1930,
               prepare_from="--11-01"),
    Observance(key="gio-to", name="Giỗ Tổ Hùng Vương", lunar="03-10"),
    Observance(key="ong-tao", name="Ông Công ông Táo", lunar="12-23"),
    Observance(key="leap", name="Ngày 29/2", date="--02-29"),
])
YEAR_2025 = (D(2025, 1, 1), D(2025, 12, 31))


def by_key(between: tuple[date, date] = YEAR_2025) -> dict[str, list]:
    out: dict[str, list] = {}
    for o in observance_days(CATALOG, between=between):
        out.setdefault(o.key, []).append(o)
    return out


class TestAnniversaries:
    @pytest.mark.parametrize(
        ("key", "number", "milestone"),
        [("cand", 80, "tròn"), ("ngay-hoi-antq", 20, "tròn"), ("dai-doan-ket", 95, "chẵn")],
        ids=["80th-of-19-8-1945", "20th-ngay-hoi", "95th-mttq"],
    )
    def test_2025_anniversaries_are_numbered_and_round_years_marked(self, key: str, number: int, milestone: str) -> None:
        [o] = by_key()[key]
        assert (o.anniversary, o.round_year, o.milestone) == (number, True, milestone)

    def test_an_ordinary_year_is_not_round(self) -> None:
        [o] = by_key((D(2026, 1, 1), D(2026, 12, 31)))["cand"]
        assert (o.anniversary, o.round_year, o.milestone) == (81, False, None)

    def test_an_observance_without_a_founding_year_has_no_number(self) -> None:
        [o] = by_key()["gio-to"]
        assert (o.anniversary, o.round_year) == (None, False)

    def test_a_round_year_title_says_so(self) -> None:
        [o] = by_key()["cand"]
        assert o.title() == "Ngày truyền thống Công an nhân dân — kỷ niệm 80 năm (năm tròn)"


class TestDays:
    def test_a_lunar_observance_falls_on_its_solar_day(self) -> None:
        assert [o.day for o in by_key((D(2025, 1, 1), D(2026, 12, 31)))["gio-to"]] == [D(2025, 4, 7), D(2026, 4, 26)]

    def test_a_late_lunar_month_day_can_fall_in_the_next_solar_year(self) -> None:
        # 23 tháng Chạp of lunar 2025 is 10/2/2026.
        assert [o.day for o in by_key((D(2026, 1, 1), D(2026, 12, 31)))["ong-tao"]] == [D(2026, 2, 10)]

    def test_february_29_is_kept_in_leap_years_and_is_the_28th_otherwise(self) -> None:
        days = [o.day for o in by_key((D(2027, 1, 1), D(2028, 12, 31)))["leap"]]
        assert days == [D(2027, 2, 28), D(2028, 2, 29)]

    def test_results_are_in_date_order(self) -> None:
        days = [o.day for o in observance_days(CATALOG, between=YEAR_2025)]
        assert days == sorted(days)


class TestLadders:
    def test_preparation_for_19_8_opens_in_early_july(self) -> None:
        [o] = by_key()["ngay-hoi-antq"]
        assert o.prepare_from == D(2025, 7, 1)
        assert o.reminder_dates() == [D(2025, 7, 1), D(2025, 7, 5), D(2025, 7, 20), D(2025, 8, 12)]

    def test_preparation_for_18_11_opens_on_the_first_of_november(self) -> None:
        [o] = by_key()["dai-doan-ket"]
        assert o.prepare_from == D(2025, 11, 1)
        assert D(2025, 11, 1) in o.reminder_dates()

    def test_an_observance_without_its_own_ladder_uses_the_default(self) -> None:
        [o] = by_key()["gio-to"]
        assert o.remind_days == (30, 14, 7, 1)
