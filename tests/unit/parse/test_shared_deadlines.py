"""A deadline written once for several items: in the heading that opens them, or in a line after the last
of them ("Các nội dung trên hoàn thành trước …"); and the horizon in a plan's name, which is none (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

HEAD = """SỞ NỘI VỤ TỈNH AN HÒA
Số: 88/SNV-CCVC
An Hòa, ngày 04 tháng 5 năm 2026
V/v rà soát vị trí việc làm
Kính gửi: Các phòng thuộc Sở
"""


def _dues(body: str) -> dict[str, list[str]]:
    ts = parse_dispatch(HEAD + body, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return {t.key: t.schedule.due for t in ts.tasks}


def test_the_deadline_of_a_heading_is_the_deadline_of_each_item_under_it() -> None:
    got = _dues("1. Phòng Công chức thực hiện các việc sau, xong trước ngày 15/6/2026:\n"
                "a) Thống kê biên chế từng đơn vị.\nb) Đề xuất điều chỉnh vị trí việc làm.\n"
                "2. Phòng Tổ chức hoàn thiện đề án trước ngày 30/7/2026.\n")
    assert got == {"1.a": ["2026-06-15"], "1.b": ["2026-06-15"], "2": ["2026-07-30"]}


def test_an_item_under_a_dated_heading_keeps_its_own_date() -> None:
    got = _dues("1. Các phòng thực hiện, hoàn thành trong tháng 6/2026:\n"
                "a) Rà soát hồ sơ công chức.\nb) Nộp báo cáo tổng hợp về Văn phòng Sở trước ngày 10/6/2026.\n")
    assert got["1.a"] == ["2026-06-30"]
    assert got["1.b"] == ["2026-06-10"]


def test_a_line_after_the_last_item_times_every_item_above_it() -> None:
    got = _dues("1. Phòng Công chức cập nhật cơ sở dữ liệu.\n2. Phòng Tổ chức rà soát quy chế làm việc.\n"
                "Các nhiệm vụ trên hoàn thành trước ngày 20/6/2026.\n")
    assert got == {"1": ["2026-06-20"], "2": ["2026-06-20"]}


def test_a_line_after_the_last_item_about_something_else_times_only_that_item() -> None:
    got = _dues("1. Phòng Công chức cập nhật cơ sở dữ liệu.\n2. Phòng Tổ chức rà soát quy chế làm việc.\n"
                "Văn phòng Sở tổng hợp kết quả trước ngày 20/6/2026.\n")
    assert got["1"] == []


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Thực hiện Quy hoạch phát triển giao thông tỉnh đến năm 2030.", []),
        ("Bám sát Chiến lược phát triển du lịch giai đoạn đến năm 2030, tầm nhìn đến năm 2045.", []),
        ("Hoàn thành kế hoạch trồng rừng đến năm 2027.", ["2027-12-31"]),
        ("Các xã hoàn thành việc cắm mốc đến năm 2027.", ["2027-12-31"]),
    ],
    ids=["plan-horizon", "strategy-horizons", "to-finish-a-plan", "no-plan-named"],
)
def test_the_horizon_in_a_plans_name_is_no_deadline(text: str, dues: list[str]) -> None:
    ctx = DateContext(date(2026, 5, 4), 2026, 5)
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[]) if d.due] == dues


def test_a_heading_that_names_a_session_is_the_time_of_its_agenda_not_a_deadline_of_its_items() -> None:
    # (its agenda proper, "Xem xét báo cáo …", is no task at all: test_rule_articles.py)
    got = _dues("1. Tại kỳ họp cuối năm 2026:\na) Các Ban thẩm tra các tờ trình trình kỳ họp.\n"
                "b) Thường trực tổng hợp ý kiến cử tri.\n")
    assert got == {"1.a": [], "1.b": []}
