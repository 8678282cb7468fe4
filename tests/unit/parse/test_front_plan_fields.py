"""Plans of mass organisations and Party committees: field lines that name a person by post after "Đồng chí",
an expected month as the time, spans of periods as windows, a firm deadline said after an expected day, posts
named by their portfolio and the catch-all line that closes a post's duties."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.fieldlines import value_owners
from dondoc.parse.fields import field_kind
from dondoc.parse.issuer_name import agency_case
from dondoc.parse.labels import label_owners
from dondoc.parse.tables import when_phrase
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CTX = DateContext(date(2026, 2, 10), 2026, 2)
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


def dues(text: str) -> list[str | None]:
    return [d.due for d in find_deadlines(text, every_year=False, ctx=CTX, warnings=[])]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Đồng chí Phó Chủ tịch Thường trực, phụ trách công tác tuyên giáo", ["Phó Chủ tịch Thường trực"]),
        ("đồng chí Trưởng Ban Tổ chức Huyện ủy", ["Trưởng Ban Tổ chức Huyện ủy"]),
        ("Đ/c Bí thư Đoàn xã.", ["Bí thư Đoàn xã"]),
        ("Các đồng chí Phó Chủ tịch Hội Nông dân xã", ["Phó Chủ tịch Hội Nông dân xã"]),
        ("Ban Thường vụ Huyện đoàn", ["Ban Thường vụ Huyện đoàn"]),
    ],
    ids=["dong-chi-post-then-portfolio", "lower-case-address", "d-c", "cac-dong-chi", "no-address"],
)
def test_a_field_value_names_the_post_after_the_address(value: str, expected: list[str]) -> None:
    assert value_owners(value)[0] == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("Dự kiến tháng 5/2026 (sau khi có hướng dẫn của cấp trên)", ["2026-05-31"]),
        ("ngày Tháng 6/2026", ["2026-06-30"]),
        ("Quý III/2026", ["2026-09-30"]),
    ],
    ids=["expected-month", "blank-day-before-month", "quarter"],
)
def test_a_time_field_with_an_expected_month_is_due_at_its_end(when: str, expected: list[str]) -> None:
    assert dues(when_phrase(when)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Thời gian thực hiện: Từ tháng 3/2026 đến quý III/2026.", []),
        ("- Thời gian hoàn thành: tháng 4/2026 đến tháng 9/2026;", []),
        ("Tổ chức các đợt ra quân từ quý II/2026 đến quý IV/2026.", []),
        ("- Thời gian thực hiện: tháng 5/2026.", ["2026-05-31"]),
        ("- Thời gian hoàn thành: Quý II/2026 và Quý III/2026.", ["2026-06-30", "2026-09-30"]),
        ("Từ tháng 3/2026 đến tháng 6/2026 tổ chức tuyên truyền; báo cáo kết quả trước ngày 15/7/2026.", ["2026-07-15"]),
    ],
    ids=["month-to-quarter", "labelled-span-without-tu", "quarter-to-quarter", "one-month", "two-quarters",
         "window-then-report"],
)
def test_a_span_of_periods_is_a_window_with_no_deadline(text: str, expected: list[str]) -> None:
    assert dues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Thời gian: Dự kiến ngày 12/3/2026 (chậm nhất ngày 20/3/2026).", ["2026-03-20"]),
        ("Hội nghị dự kiến tổ chức vào ngày 12/3/2026.", []),
        ("Dự kiến kết nạp 50 đoàn viên trong năm 2026.", []),
    ],
    ids=["firm-day-after-expected-day", "expected-day-alone", "expected-target"],
)
def test_a_firm_deadline_after_an_expected_day_is_the_due(text: str, expected: list[str]) -> None:
    assert dues(text) == expected


_PLAN = """HỘI NÔNG DÂN HUYỆN AN PHÚ
BAN THƯỜNG VỤ
Số: 21-KH/HND
An Phú, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Hội thi nhà nông giỏi năm 2026

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao kiến thức sản xuất cho hội viên.

II. TỔ CHỨC THỰC HIỆN
1. {post}
- Theo dõi, đôn đốc các cơ sở Hội triển khai Kế hoạch.
- Thực hiện các nhiệm vụ khác theo yêu cầu của Thường trực Hội.

T/M BAN THƯỜNG VỤ
CHỦ TỊCH
"""


@pytest.mark.parametrize(
    "post",
    ["Cán bộ phụ trách lĩnh vực kiểm tra và giám sát", "Phó Chủ tịch phụ trách công tác tuyên truyền, vận động hội viên",
     "Chuyên viên phụ trách mảng Văn phòng, tổng hợp"],
    ids=["verbs-in-the-field", "comma-in-the-field", "mang"],
)
def test_a_post_named_by_its_portfolio_owns_its_duties_which_a_catch_all_line_leaves_ongoing(post: str) -> None:
    ts = parse_dispatch(_PLAN.format(post=post), source=Source(name="x.txt"), observances=CATALOG)
    task = next(t for t in ts.tasks if t.key == "II.1")
    assert [o.name for o in task.lead] == [post]
    assert task.schedule.repeat == "continuous"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Ủy viên Ban Thường vụ phụ trách công tác Đoàn:", ["Ủy viên Ban Thường vụ phụ trách công tác Đoàn"]),
        ("Ban Thường trực Ủy ban MTTQ Việt Nam huyện", ["Ban Thường trực Ủy ban MTTQ Việt Nam huyện"]),
        ("Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng",
         ["Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"]),
    ],
    ids=["cong-tac", "a-body", "fields-joined-by-va"],
)
def test_a_heading_that_names_a_post_by_its_portfolio_is_one_owner(label: str, expected: list[str]) -> None:
    assert label_owners(label) == expected


_GUIDANCE = """HUYỆN ĐOÀN TÂN HIỆP
BAN THƯỜNG VỤ
Số: 07-HD/HĐTN
Tân Hiệp, ngày 10 tháng 3 năm 2026

HƯỚNG DẪN
Tổ chức Đại hội chi đoàn nhiệm kỳ 2026 - 2027

Để thống nhất việc tổ chức đại hội, Ban Thường vụ Huyện đoàn hướng dẫn nội dung, trình tự như sau:

1. Thành phần đại hội
Đại hội chi đoàn gồm toàn thể đoàn viên sinh hoạt tại chi đoàn.

2. Chuẩn bị đại hội
{unit}

3. Thẩm quyền
Ban Chấp hành Đoàn cơ sở quyết định việc công nhận kết quả bầu cử.
"""


@pytest.mark.parametrize(
    ("unit", "lead"),
    [
        ("Ban Chấp hành Đoàn xã chủ trì, phối hợp với Hội Liên hiệp Phụ nữ xã chuẩn bị văn kiện đại hội.",
         ["Ban Chấp hành Đoàn xã"]),
        ("- Ban Thường vụ Đoàn cơ sở chủ động xây dựng kế hoạch đại hội cho từng chi đoàn.",
         ["Ban Thường vụ Đoàn cơ sở"]),
        ("Quy trình chuẩn bị: Các chi đoàn trực thuộc tổ chức hội nghị Ban Chấp hành để thống nhất nhân sự.",
         ["Các chi đoàn trực thuộc"]),
    ],
    ids=["chu-tri-phoi-hop", "chu-dong", "after-a-short-title"],
)
def test_a_guidance_unit_that_opens_with_owners_told_what_to_do_charges_them(unit: str, lead: list[str]) -> None:
    ts = parse_dispatch(_GUIDANCE.format(unit=unit), source=Source(name="x.txt"), observances=CATALOG)
    keys = {t.key: t for t in ts.tasks}
    assert "2" in keys and [o.name for o in keys["2"].lead] == lead
    assert "1" not in keys and "3" not in keys  # a composition and a rule of who decides stay rules


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Nội dung: Tổ chức hội nghị tổng kết công tác Hội năm 2026", None),
        ("Nội dung báo cáo: kết quả thực hiện phong trào", "content"),
        ("Nội dung", "content"),
        ("Nội dung chủ yếu:", "content"),
    ],
    ids=["the-task-after-the-colon", "what-a-report-holds", "bare-title", "bare-title-with-colon"],
)
def test_a_content_line_with_the_work_after_its_colon_is_the_task_itself(title: str, kind: str | None) -> None:
    assert field_kind(title) == kind


@pytest.mark.parametrize(
    ("caps", "written"),
    [
        ("TỈNH ỦY BÌNH PHƯỚC", "Tỉnh ủy Bình Phước"),
        ("HUYỆN ỦY ĐẦM HÀ", "Huyện ủy Đầm Hà"),
        ("THỊ ỦY QUẢNG TRỊ", "Thị ủy Quảng Trị"),
        ("QUẬN ỦY BA ĐÌNH", "Quận ủy Ba Đình"),
        ("BAN DÂN VẬN HUYỆN ỦY", "Ban Dân vận Huyện ủy"),
    ],
    ids=["tinh-uy", "huyen-uy", "thi-uy", "quan-uy", "a-board-of-the-committee"],
)
def test_a_party_committee_is_written_with_its_place_capitalised(caps: str, written: str) -> None:
    assert agency_case(caps) == written
