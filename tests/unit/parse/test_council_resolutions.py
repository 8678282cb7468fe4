"""The articles of a people's council resolution that approves something and charges its executive
(dondoc/parse/name_units.py, sections.py, units.py, cadence.py): the approval and its contents are no
tasks, the standing supervision clause is none either, even hard-wrapped or listed ("triển khai, thực
hiện"), the name given work ends at its level when a verb the word lists lack follows it, and the one
charge to carry out the resolution is done once. The texts are our own, in the shapes real ones use."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence import classify
from dondoc.parse.owners import find_owners
from dondoc.parse.sections import approves, is_execution_clause
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a verb no list holds after the level: the name ends there
        ("Giao Ủy ban nhân dân huyện soát xét lại đề cương.", ["Ủy ban nhân dân huyện"]),
        ("Giao Ban Chỉ huy Quân sự xã huấn luyện lực lượng dân quân.", ["Ban Chỉ huy Quân sự xã"]),
        ("Đề nghị Ủy ban nhân dân thị xã chỉnh trang vỉa hè.", ["Ủy ban nhân dân thị xã"]),
        # a proper name after the level is the name's own
        ("Giao Ủy ban nhân dân tỉnh Kon Tum tổ chức thực hiện.", ["Ủy ban nhân dân tỉnh Kon Tum"]),
        # lower-case words that belong to a name after its level
        ("Giao Ban Thường vụ huyện ủy chỉ đạo việc này.", ["Ban Thường vụ huyện ủy"]),
        ("Giao Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo.",
         ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ],
)
def test_name_given_work_ends_at_its_level(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Thường trực Hội đồng nhân dân, các Ban và các đại biểu giám sát việc thực\nhiện Nghị quyết này.", True),
        ("Giao Thường trực HĐND, các Ban của HĐND giám sát triển khai, thực hiện Nghị quyết.", True),
        ("Các đại biểu HĐND huyện giám sát việc tổ chức thực hiện Nghị quyết này.", True),
        # supervising something else is work
        ("Phòng Nội vụ giám sát việc thực hiện quy chế dân chủ tại các thôn.", False),
    ],
)
def test_supervision_clause(text: str, clause: bool) -> None:
    assert is_execution_clause(text) is clause


@pytest.mark.parametrize(
    ("text", "yes"),
    [("Thông qua Đề án phát triển chăn nuôi như sau:", True), ("Thống nhất phương án phân bổ vốn:", True),
     ("Thông báo kết quả kiểm tra cho các xã.", False), ("Giao Ủy ban nhân dân tỉnh thông qua …", False)],
)
def test_approval_article(text: str, yes: bool) -> None:
    assert approves(text) is yes


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Giao Ủy ban nhân dân huyện tổ chức triển khai thực hiện Nghị quyết này.", "once"),
        ("Hội đồng nhân dân xã giao Thường trực Hội đồng nhân dân xã tổ chức thực hiện", "once"),
        ("Giao cho Ủy ban nhân dân tỉnh tổ chức thực hiện Đề án theo quy định.", "once"),
        ("Giao Ủy ban nhân dân thành phố tổ chức thực hiện việc phân bổ vốn năm 2026 theo quy định hiện hành.", "once"),
        # the name blanked out of the text (as the reader blanks owners before reading verbs)
        ("Giao                          tổ chức triển khai thực hiện Nghị quyết này.", "once"),
        # work of its own, or a standing duty, stays ongoing
        ("Giao Sở Y tế tổ chức thực hiện công tác phòng dịch trên địa bàn.", "continuous"),
        ("Ủy ban nhân dân tỉnh có trách nhiệm chỉ đạo, tổ chức thực hiện Quyết định này.", "continuous"),
        ("Giao Ủy ban nhân dân tỉnh tiếp tục tổ chức thực hiện Nghị quyết.", "continuous"),
    ],
)
def test_charge_to_carry_out_is_once(text: str, repeat: str) -> None:
    got, _ = classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)
    assert got == repeat


_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN HUYỆN AN PHÚ
NGHỊ QUYẾT
Về việc thông qua Đề án nâng cấp đường giao thông nông thôn
QUYẾT NGHỊ:
Điều 1. Thông qua Đề án nâng cấp đường giao thông nông thôn giai đoạn 2026-2030, với nội dung chủ yếu sau:
1. Mục tiêu: cứng hóa 40 km đường trục xã.
2. Nguồn vốn: ngân sách huyện bố trí 30 tỷ đồng, xây dựng 12 cầu dân sinh.
3. Phân kỳ: năm 2027 hoàn thành 20 km, năm 2029 hoàn thành phần còn lại.
Điều 2. Giao Ủy ban nhân dân huyện hoàn chỉnh Đề án; phê duyệt Đề án; tổ chức thực hiện Nghị quyết này.
Điều 3. Thường trực Hội đồng nhân dân, các Ban và các đại biểu Hội đồng nhân dân
huyện giám sát việc thực hiện Nghị quyết này.
Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2026./.
"""


def test_resolution_gives_one_task() -> None:
    ts = parse_dispatch(_RESOLUTION, source=Source(name="nq.txt", sha256="0" * 64), observances=CATALOG)
    tasks = [t for t in ts.tasks if t.kind != "report"]
    assert [t.key for t in tasks] == ["2"]
    assert [o.name for o in tasks[0].lead] == ["Ủy ban nhân dân huyện"]
