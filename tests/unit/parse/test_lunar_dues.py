"""Deadlines on the lunar calendar, read from the words of a dispatch."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.lunar_dues import find_lunar_deadlines
from dondoc.taskset import LunarDue, Source

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "lunar", "due"),
    [
        ("Hằng năm, trước Tết Nguyên đán 15 ngày, tổ chức thăm hỏi", LunarDue(month=1, day=1, days_before=15, name="Tết Nguyên đán"), None),
        ("báo cáo kết quả 7 ngày trước Tết Nguyên đán", LunarDue(month=1, day=1, days_before=7, name="Tết Nguyên đán"), None),
        ("hoàn thành trước Tết", LunarDue(month=1, day=1, days_before=1, name="Tết Nguyên đán"), None),
        ("nộp trước ngày 15/7 âm lịch", LunarDue(month=7, day=15, days_before=0), None),
        # Tết Bính Ngọ is 17/02/2026: ten days before is 07/02/2026
        ("hoàn thành trước Tết Nguyên đán năm 2026 10 ngày", None, "2026-02-07"),
        # 15/8 âm lịch 2026 (Tết Trung thu) is 25/09/2026
        ("trước ngày 15 tháng 8 năm 2026 âm lịch", None, "2026-09-25"),
    ],
    ids=["15-days-before-tet", "days-first", "before-tet", "lunar-day", "tet-of-a-year", "lunar-day-of-a-year"],
)
def test_a_lunar_deadline_is_read(text: str, lunar: LunarDue | None, due: str | None) -> None:
    [found] = find_lunar_deadlines(text)
    assert (found.lunar, found.due) == (lunar, due)


@pytest.mark.parametrize("text", ["Giỗ Tổ Hùng Vương (10/3 âm lịch)", "vui Tết Trung thu", "tết trồng cây"],
                         ids=["an-observance", "trung-thu", "tree-planting"])
def test_a_lunar_date_that_is_no_deadline_gives_none(text: str) -> None:
    assert find_lunar_deadlines(text) == []


def test_a_dispatch_item_due_before_tet_every_year_gets_a_lunar_schedule() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\nSố: 12/UBND-VX\nHải Dương, ngày 05 tháng 01 năm 2026\n"
        "V/v chăm lo Tết cho người có công\n\nKính gửi: Sở Nội vụ.\n\n"
        "1. Sở Nội vụ chủ trì, hằng năm tổ chức thăm, tặng quà người có công trước Tết Nguyên đán 15 ngày.\n"
        "2. Sở Nội vụ báo cáo kết quả về UBND tỉnh trước ngày 15/7 âm lịch.\n"
    )
    ts = parse_dispatch(text, source=Source(name="t.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    one, two = ts.tasks[0], ts.tasks[1]
    assert one.schedule.repeat == "annual"
    assert one.schedule.lunar == [LunarDue(month=1, day=1, days_before=15, name="Tết Nguyên đán")]
    assert two.schedule.lunar == [LunarDue(month=7, day=15, days_before=0)]
    assert "--07-15" not in two.schedule.due and all(not d.endswith("07-15") for d in two.schedule.due)
