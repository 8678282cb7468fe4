from __future__ import annotations

from datetime import date
from pathlib import Path

import holidays
import pytest

from dondoc.calendars import load_notices
from dondoc.errors import ConfigError
from dondoc.schedule.calendar import WorkCalendar

CONFIG = Path(__file__).resolve().parents[3] / "config"


def write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "calendars"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


class TestRepositoryFiles:
    def test_the_shipped_years_load(self) -> None:
        assert [n.year for n in load_notices(CONFIG)] == [2019, 2024, 2025, 2026]

    def test_shipped_files_only_hold_what_the_holidays_package_lacks(self) -> None:
        for n in load_notices(CONFIG):
            known = holidays.country_holidays("VN", years=n.year, language="vi")
            assert not set(n.days_off) & set(known), n.year
            assert all(d.weekday() == 5 for d in n.working_days), n.year

    def test_every_swap_the_package_knows_has_its_saturday_in_the_file(self) -> None:
        cal = WorkCalendar(load_notices(CONFIG), public_holidays=lambda y: {})
        for year in (2024, 2025, 2026):
            for d, name in holidays.country_holidays("VN", years=year, language="vi").items():
                if "thay cho ngày" in name:
                    worked = date(int(name[-5:-1]), int(name[-8:-6]), int(name[-11:-9]))
                    assert cal.is_make_up_day(worked), (d, name)


class TestAnAdminAddsAYear:
    def test_a_new_year_needs_only_a_file(self, tmp_path: Path) -> None:
        cdir = write(tmp_path, "2031.yaml", """
year: 2031
source: "TB 1/TB-BNV"
days_off:
  - {date: 2031-01-02, reason: "Nghỉ hoán đổi Tết Dương lịch"}
working_days:
  - {date: 2031-01-11, reason: "Làm bù cho ngày 02/01/2031"}
""")
        cal = WorkCalendar(load_notices(cdir))
        assert cal.day_off_reason(date(2031, 1, 2)) == "Nghỉ hoán đổi Tết Dương lịch"
        assert cal.is_working_day(date(2031, 1, 11))
        assert cal.effective_due(date(2031, 1, 1)) == date(2031, 1, 3)

    def test_a_missing_folder_means_no_notices(self, tmp_path: Path) -> None:
        assert load_notices(tmp_path / "nowhere") == []


class TestBadFiles:
    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ("year: 2030\n", "year"),
            ("year: 2031\nworking_days:\n  - {date: 2030-01-05, reason: x}\n", "working_days[0].date"),
            ("year: 2031\nworking_days:\n  - {date: 2031-02-30, reason: x}\n", "working_days[0].date"),
            ("year: 2031\ndays_off:\n  - {date: 2031-01-02}\n", "days_off[0].reason"),
            ("year: 2031\ndays_off:\n  - {date: 2031-01-02, reason: x, note: y}\n", "days_off[0]"),
            ("year: 2031\nholidays: []\n", "holidays"),
            ("year: 2031\ndays_off: {a: 1}\n", "days_off"),
            ("- 1\n- 2\n", "tệp"),
            ("year: [2031\n", "dòng"),
            ("year: 2031\ndays_off:\n  - {date: 2031-01-02, reason: x}\nworking_days:\n  - {date: 2031-01-02, reason: y}\n",
             "working_days"),
        ],
        ids=["year-mismatch", "date-in-another-year", "impossible-date", "no-reason", "unknown-field",
             "unknown-key", "not-a-list", "not-a-mapping", "bad-yaml", "both-off-and-working"],
    )
    def test_a_bad_entry_is_refused_naming_the_file_and_the_entry(self, tmp_path: Path, text: str, where: str) -> None:
        cdir = write(tmp_path, "2031.yaml", text)
        with pytest.raises(ConfigError) as err:
            load_notices(cdir)
        assert "2031.yaml" in str(err.value) and where in str(err.value)
