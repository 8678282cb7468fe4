"""`dondoc ingest --explain`: each task beside its source, each field with why; warnings name the line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dondoc.cli import app

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "config" / "demo" / "cv-18-ubnd-nc-2025.txt"
FIXTURE = REPO / "tests" / "fixtures" / "dispatches" / "18_periodic_report_days.txt"


def _explain(path: Path) -> str:
    # in English: the reasons and warnings the parser writes are English (not in the CLI's catalogs yet)
    result = CliRunner().invoke(app, ["ingest", str(path), "--explain"], env={"COLUMNS": "200", "DONDOC_LANG": "en"})
    assert result.exit_code == 0, result.output
    return result.output


class TestExplain:
    def test_each_task_shows_its_source_line_and_why_each_field_has_its_value(self) -> None:
        out = _explain(DEMO)
        assert "line 26" in out and "4. Các sở, ngành, UBND các huyện" in out
        assert 'says "hằng quý"' in out
        assert '"trước ngày 20 của tháng cuối quý": day 20 of the last month of each quarter' in out
        assert "UBND tỉnh (qua Công an tỉnh)" in out

    def test_a_consolidator_is_shown_with_the_reason(self) -> None:
        out = _explain(FIXTURE)
        assert "cascade" in out and "with gathering them" in out

    def test_warnings_name_the_line_and_the_item(self) -> None:
        out = _explain(DEMO)
        assert 'warning: line 22: item 2: owner "các cơ quan báo chí" not found in the directory' in out
