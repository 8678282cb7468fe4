"""Windows of work and field units: the deadline a plan states for its tasks, and the one it does not."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.fields import field_kind
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CTX = DateContext(date(2026, 3, 5), 2026, 3)
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


def dues(text: str) -> list[str | None]:
    return [d.due for d in find_deadlines(text, every_year=False, ctx=CTX, warnings=[])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Triển khai từ tháng 3 đến tháng 5/2026.", []),
        ("Cao điểm từ ngày 15/3/2026 đến hết ngày 30/4/2026.", []),
        ("Tổ chức từ 01/9 đến 30/9/2026 tại các xã.", []),
        ("Thực hiện từ năm 2026 đến năm 2030 và những năm tiếp theo.", []),
        ("Tập trung thực hiện từ nay đến năm 2030.", []),
        ("Tổ chức từ 01/4 đến 30/4/2026; báo cáo kết quả trước ngày 10/5/2026.", ["2026-05-10"]),
        ("Hoàn thành trước ngày 30/4/2026.", ["2026-04-30"]),
        ("Thời gian thực hiện: tháng 11, 12/2026.", ["2026-12-31"]),
        ("Đến năm 2030, hoàn thành việc số hóa hồ sơ.", ["2030-12-31"]),
    ],
    ids=["months", "days-den-het", "short-days", "years", "tu-nay-den", "window-then-deadline", "deadline",
         "two-months", "a-year-milestone"],
)
def test_a_window_of_work_has_no_deadline_but_a_deadline_after_it_does(text: str, expected: list[str]) -> None:
    assert dues(text) == expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Cơ quan chủ trì, phối hợp", "owners"),
        ("Cơ quan chủ trì", "lead"),
        ("Đơn vị thực hiện: Các đội chuyên trách", "lead"),
        ("Chủ trì thực hiện", "lead"),
        ("Cơ quan phối hợp: Sở Y tế", "support"),
        ("Thời gian thực hiện: Quý II/2026", "time"),
        ("Thời hạn hoàn thành: 30/6/2026", "time"),
        ("Tiến độ: hằng tháng", "time"),
        ("Cơ quan chủ trì tổ chức tập huấn cho cán bộ xã", None),
        ("Thời gian qua, công tác tuyên truyền đạt kết quả", None),
        ("Nội dung, biện pháp", None),
    ],
    ids=["owners", "lead", "don-vi-thuc-hien", "chu-tri-thuc-hien", "support", "time", "thoi-han", "tien-do",
         "a-sentence-about-an-agency", "a-sentence-about-time", "content"],
)
def test_the_title_of_a_field_unit(title: str, kind: str | None) -> None:
    assert field_kind(title) == kind


PLAN = """ỦY BAN NHÂN DÂN XÃ HÒA BÌNH
Số: 41/KH-UBND
Hòa Bình, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Phòng, chống dịch bệnh trên đàn gia súc năm 2026

I. TIÊM PHÒNG VẮC XIN
1. Nội dung
a) Rà soát tổng đàn gia súc trên địa bàn các thôn.
b) Tổ chức tiêm phòng đợt 1 cho đàn trâu, bò.
2. Đơn vị chủ trì, phối hợp
a) Đơn vị chủ trì: Trạm Dịch vụ nông nghiệp xã.
b) Đơn vị phối hợp: Trưởng các thôn.
3. Thời gian thực hiện: tháng 4/2026.
II. TỔNG KẾT
1. Tổng kết công tác phòng, chống dịch năm 2026.
a) Cơ quan chủ trì: Văn phòng Ủy ban nhân dân xã
b) Thời gian thực hiện: Quý IV/2026
"""


def test_the_field_units_of_a_block_give_its_tasks_their_owners_and_time() -> None:
    ts = parse_dispatch(PLAN, source=Source(name="plan"), observances=CATALOG)
    got = {t.key: t for t in ts.tasks}
    assert list(got) == ["I.1.a", "I.1.b", "II.1"]
    for key in ("I.1.a", "I.1.b"):
        assert [o.name for o in got[key].lead] == ["Trạm Dịch vụ nông nghiệp xã"]
        assert [o.name for o in got[key].support] == ["Trưởng các thôn"]
        assert got[key].schedule.due == ["2026-04-30"]
    assert [o.name for o in got["II.1"].lead] == ["Văn phòng Ủy ban nhân dân xã"]
    assert got["II.1"].schedule.due == ["2026-12-31"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các chi hội tổ chức đại hội từ quý II/2026 và hoàn thành trước tháng 9.2026.", ["2026-08-31"]),
        ("Các xã hoàn thành việc cập nhật dữ liệu trước tháng 7/2026.", ["2026-06-30"]),
        ("Hoàn thành chậm nhất trước tháng 1 năm 2027.", ["2026-12-31"]),
        ("Hoàn thành trong tháng 10.2026.", ["2026-10-31"]),
        ("Triển khai từ quý II/2026.", []),
    ],
    ids=["start-quarter-then-before-month", "before-month-slash", "before-january", "month-with-a-dot", "a-start-only"],
)
def test_before_a_month_is_the_last_day_of_the_month_before_and_from_a_quarter_is_a_start(
        text: str, expected: list[str]) -> None:
    assert dues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đề nghị các xã gửi danh sách về Phòng Nội vụ trước ngày 22/4/2026 (thay cho thời hạn ngày 10/4/2026 tại "
         "Công văn số 31/UBND-NV).", ["2026-04-22"]),
        ("Thời hạn nộp hồ sơ lùi đến ngày 30/4/2026 thay vì ngày 15/4/2026.", ["2026-04-30"]),
    ],
    ids=["thay-cho", "thay-vi"],
)
def test_the_date_a_new_deadline_replaces_is_no_deadline(text: str, expected: list[str]) -> None:
    assert dues(text) == expected
