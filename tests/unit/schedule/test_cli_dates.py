from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dondoc.cli.dates import explain_lines
from dondoc.schedule.calendar import WorkCalendar

CONFIG = Path(__file__).resolve().parents[3] / "config"


@pytest.fixture()
def app() -> typer.Typer:
    from dondoc.cli import app as cli

    return cli


@pytest.fixture()
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "2026.yaml").write_text((CONFIG / "calendars" / "2026.yaml").read_text("utf-8"), "utf-8")
    (tmp_path / "observances.yaml").write_text(
        "observances:\n"
        "  - {key: ngay-hoi-antq, name: Ngày hội toàn dân bảo vệ an ninh Tổ quốc, date: '--08-19', since: 2005,"
        " prepare_from: '--07-01'}\n"
        "  - {key: gio-to, name: Giỗ Tổ Hùng Vương, lunar: '03-10'}\n",
        "utf-8",
    )
    monkeypatch.setenv("DONDOC_CONFIG_DIR", str(tmp_path))
    return tmp_path


class TestCalendarCommand:
    def test_json_lists_holidays_make_up_saturdays_and_observances(self, app: typer.Typer, config: Path) -> None:
        result = CliRunner().invoke(app, ["calendar", "--year", "2026", "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert {"date": "2026-02-17", "weekday": "Thứ Ba", "name": "Tết Nguyên Đán"} in data["holidays"]
        assert [d["date"] for d in data["make_up_days"]] == ["2026-08-22"]
        assert [(o["key"], o["date"]) for o in data["observances"]] == [("gio-to", "2026-04-26"),
                                                                         ("ngay-hoi-antq", "2026-08-19")]
        assert data["notice"]["file"] == "calendars/2026.yaml"

    def test_the_table_is_in_vietnamese(self, app: typer.Typer, config: Path) -> None:
        result = CliRunner().invoke(app, ["calendar", "--year", "2026"])
        assert result.exit_code == 0, result.output
        assert "Mùng bốn Tết Nguyên Đán" in result.output and "làm bù" in result.output

    def test_a_bad_notice_file_is_one_line_on_stderr(self, app: typer.Typer, config: Path) -> None:
        (config / "calendars" / "2027.yaml").write_text("year: 2026\n", "utf-8")
        result = CliRunner().invoke(app, ["calendar", "--year", "2026"])
        assert result.exit_code == 1
        assert "2027.yaml: year" in result.output
        assert "Traceback" not in result.output

    def test_help_ends_with_an_example(self, app: typer.Typer) -> None:
        result = CliRunner().invoke(app, ["calendar", "--help"])
        assert "Ví dụ: dondoc calendar --year 2026 --json" in result.output  # Vietnamese, the default


class TestExplainLines:
    def test_an_occurrence_is_explained_from_stated_to_effective(self, cal: WorkCalendar) -> None:
        lines = explain_lines(stated=date(2025, 6, 15), repeat="semiannual", period="2025-H1",
                              window=(date(2024, 12, 15), date(2025, 6, 14)), cal=cal)
        assert lines == [
            "Ngày ghi trong văn bản: Chủ nhật, 15/06/2025",
            "Quy tắc: định kỳ 6 tháng — kỳ báo cáo 6 tháng đầu năm 2025; số liệu tính từ 15/12/2024 đến 14/6/2025",
            "Chủ nhật, 15/06/2025: nghỉ hằng tuần",
            "Hạn hiệu lực: Thứ Hai, 16/06/2025 — ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 148)",
        ]

    def test_holidays_are_named(self, cal: WorkCalendar) -> None:
        lines = explain_lines(stated=date(2026, 9, 2), repeat="once", period="2026-09-02", window=None, cal=cal)
        assert "Thứ Tư, 02/09/2026: nghỉ lễ — Quốc khánh" in lines
        assert lines[-1].startswith("Hạn hiệu lực: Thứ Năm, 03/09/2026")

    def test_the_day_before_reading_states_the_date_it_means(self, cal: WorkCalendar) -> None:
        lines = explain_lines(stated=date(2025, 6, 15), repeat="once", period=None, window=None, cal=cal,
                              written=date(2025, 6, 16), before_means="day_before")
        assert lines[0] == "Ngày ghi trong văn bản: Thứ Hai, 16/06/2025"
        assert "“Trước ngày 16/06/2025” được hiểu là hạn cuối ngày 15/06/2025 (cấu hình: ngày liền trước)" in lines
        assert lines[-1].startswith("Hạn hiệu lực: Thứ Hai, 16/06/2025")
