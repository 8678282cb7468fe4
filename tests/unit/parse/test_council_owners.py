"""Owners in the shapes a people's council resolution uses (dondoc/parse/heads.py, names.py, subjects.py,
roles.py, owners.py): the council gives the work out ("giao", "đề nghị"), it does not do it; the sentences
of background before the request name nobody. The sentences are our own, in the shapes the real texts use."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "giao Thường trực …": the standing committee is given the work, no "giao thương" (trade)
        ("Hội đồng nhân dân huyện giao Thường trực Hội đồng nhân dân huyện tổ chức thực hiện.",
         ["Thường trực Hội đồng nhân dân huyện"]),
        ("Giao Thường trực HĐND tỉnh theo dõi việc thực hiện.", ["Thường trực HĐND tỉnh"]),
        # the council that asks, written again as the subject of an earlier sentence, is still no lead
        ("Hội đồng nhân dân thành phố ghi nhận các giải pháp. Hội đồng nhân dân thành phố đề nghị "
         "Ủy ban nhân dân thành phố chỉ đạo làm các việc sau:", ["Ủy ban nhân dân thành phố"]),
        # "cơ bản" (basically) before the predicate is no word of the name
        ("Hội đồng nhân dân xã cơ bản đồng ý với báo cáo. Hội đồng nhân dân xã đề nghị "
         "Ủy ban nhân dân xã khẩn trương khắc phục.", ["Ủy ban nhân dân xã"]),
        # what the bodies answered ("đã trả lời") is background: none of them is given work by it
        ("Hội đồng nhân dân tỉnh thống nhất với các giải pháp mà Sở Xây dựng; Sở Y tế và Công an tỉnh đã "
         "trả lời tại phiên chất vấn. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh chỉ đạo thực hiện:",
         ["Ủy ban nhân dân tỉnh"]),
    ],
)
def test_the_council_gives_the_work_out(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a body that asks and also does, in one text, keeps its own work
        ("Sở Tài chính chủ trì thẩm định dự toán. Sở Tài chính đề nghị Kho bạc Nhà nước tỉnh phối hợp.",
         ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]),
        # a board of basic construction keeps "cơ bản" in its name
        ("Ban Quản lý dự án xây dựng cơ bản huyện lập hồ sơ quyết toán.", ["Ban Quản lý dự án xây dựng cơ bản huyện"]),
        # "giao thương" (trade) is a noun, not an assignment
        ("Sở Công Thương thúc đẩy giao thương với các tỉnh bạn.", ["Sở Công Thương"]),
        # "PTNT" (rural development) is a subject's abbreviation inside the department's name, no owner of its own
        ("Sở Nông nghiệp và PTNT kiểm tra các hồ chứa.", ["Sở Nông nghiệp và PTNT"]),
        # "để" after a body says what the work is for: the body is no subject
        ("Sửa chữa sân vận động; Nhà thi đấu huyện để phục vụ nhân dân.", []),
    ],
)
def test_what_the_council_rules_leave_alone(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a sentence wrapped after "của" / "do": the body on the next line is no subject of a clause of its own
        ("Căn cứ kế hoạch công tác của\nỦy ban nhân dân huyện năm 2026 xây dựng lịch kiểm tra.", []),
        ("Lựa chọn các nội dung do\nThường trực Hội đồng nhân dân xã phân công để giám sát.", []),
        # a title line over its duties still names their owner
        ("Công tác tuyên truyền\nSở Thông tin và Truyền thông hướng dẫn các cơ quan báo chí.",
         ["Sở Thông tin và Truyền thông"]),
    ],
)
def test_a_wrapped_line_starts_no_clause(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_long_wrapped_line_runs_on_into_the_next() -> None:
    # text copied from a page of fixed width: the line breaks inside a body's name
    text = ("Các đoàn thể chủ động chọn những nội dung mà Hội đồng nhân dân huyện, Thường trực\n"
            "Hội đồng nhân dân huyện phân công để giám sát.")
    assert find_owners(text).lead == ["Các đoàn thể"]


_COUNCIL = """HỘI ĐỒNG NHÂN DÂN HUYỆN Y
Số: 05/NQ-HĐND

NGHỊ QUYẾT
Về chương trình giám sát năm 2027

Điều 1. Thông qua chương trình giám sát năm 2027.
Điều 2. Hội đồng nhân dân huyện giao:
1. Các Ban của Hội đồng nhân dân huyện xây dựng kế hoạch giám sát chuyên đề.
2. Tổ chức giám sát việc giải quyết kiến nghị của cử tri.
"""


def test_a_heading_that_gives_the_work_out_owns_none_of_it() -> None:
    ts = parse_dispatch(_COUNCIL, source=Source(name="nq.txt", sha256="0" * 64), observances=CATALOG)
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks}
    assert leads["2.1"] == ["Các Ban của Hội đồng nhân dân huyện"]
    assert "Hội đồng nhân dân huyện" not in leads.get("2.2", [])


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "chịu sự …" says which bodies (those supervised); a body's own name stops before it
        ("Gửi tài liệu cho đoàn; các đơn vị chịu sự kiểm tra khắc phục các tồn tại.", ["các đơn vị chịu sự kiểm tra"]),
        ("Trường Tiểu học A chịu sự quản lý của Phòng Giáo dục.", []),
        # "tổ chức" after "các cơ quan," is a noun of the list, not the verb
        ("Các cơ quan, tổ chức liên quan có trách nhiệm cung cấp số liệu.", ["Các cơ quan, tổ chức liên quan"]),
        # a time opening without its comma, then the subject
        ("Hằng quý Phòng Tài chính - Kế hoạch kiểm tra việc thanh toán.", ["Phòng Tài chính - Kế hoạch"]),
        ("Định kỳ Trạm Y tế xã báo cáo số ca mắc.", ["Trạm Y tế xã"]),
        ("Hằng năm tổ chức hội nghị tổng kết.", []),
    ],
)
def test_subjects_in_the_shapes_of_regulations(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead
