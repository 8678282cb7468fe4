"""Reports of a directive that charges ministries and provinces: a weekly report beside a dated overall one, the
weekday after "Định kỳ", a date's day that is no six-month period, and the escalation whose condition follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.stated_cadence import weekly_days
from dondoc.taskset import Source, Task

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 7/CT-TTg\n\nHà Nội, ngày 04 tháng 3 năm 2027\n\nCHỈ THỊ\n"
        "Về việc rà soát bến thủy nội địa\n\nThủ tướng Chính phủ yêu cầu thực hiện các nhiệm vụ sau:\n\n"
        "1. Bộ Xây dựng\n")


def reports_of(point: str) -> list[Task]:
    ts = parse_dispatch(HEAD + "a) " + point + "\n", source=Source(name="t.txt"), observances=CATALOG)
    return [t for t in ts.tasks if t.kind == "report"]


class TestWeeklyBesideOverall:
    @pytest.mark.parametrize(
        ("point", "expected"),
        [
            ("Định kỳ báo cáo Thủ tướng Chính phủ về tiến độ vào thứ Năm hàng tuần; báo cáo tổng kết kết quả "
             "trước ngày 20 tháng 8 năm 2027.", [("weekly", ["T5"]), ("once", ["2027-08-20"])]),
            ("Định kỳ thứ Ba hằng tuần tổng hợp tình hình gửi Văn phòng Chính phủ; xây dựng báo cáo chung, "
             "gửi Văn phòng Chính phủ trước ngày 06 tháng 9 năm 2027.", [("weekly", ["T3"]), ("once", ["2027-09-06"])]),
        ],
    )
    def test_two_reports(self, point: str, expected: list[tuple[str, list[str]]]) -> None:
        assert [(t.schedule.repeat, list(t.schedule.due)) for t in reports_of(point)] == expected

    def test_a_dates_day_is_no_half_year(self) -> None:
        got = reports_of("Hoàn thiện đề án, báo cáo Bộ Chính trị trước ngày 06 tháng 10 năm 2027.")
        assert [(t.schedule.repeat, list(t.schedule.due)) for t in got] == [("once", ["2027-10-06"])]


class TestWeekdayAfterDinhKy:
    @pytest.mark.parametrize(
        ("text", "days"),
        [
            ("Định kỳ thứ Hai hằng tuần tổng hợp kết quả", ["T2"]),
            ("định kỳ thứ 5 hàng tuần gửi báo cáo", ["T5"]),
            ("kỳ thứ hai của chương trình, báo cáo hằng tuần", []),  # a term, no weekday
        ],
    )
    def test_days(self, text: str, days: list[str]) -> None:
        found = weekly_days(text)
        assert found is not None and found[0] == days


class TestEscalationAfterTheVerb:
    @pytest.mark.parametrize(
        "point",
        [
            "Theo dõi việc triển khai; báo cáo Thủ tướng Chính phủ xem xét, quyết định đối với các nội dung vượt thẩm quyền.",
            "Hướng dẫn các địa phương, báo cáo Chính phủ cho ý kiến về những vấn đề vượt quá thẩm quyền.",
        ],
    )
    def test_no_report(self, point: str) -> None:
        assert reports_of(point) == []

    def test_a_report_of_results_stays(self) -> None:
        got = reports_of("Tổng hợp kết quả, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 năm 2027.")
        assert [(t.schedule.repeat, list(t.schedule.due)) for t in got] == [("once", ["2027-12-15"])]
