"""Letters of ministries and provinces written as prose (issue 12, batch prose7), on texts of our own.

Each test states one rule the real letters taught: how they address a post, which abbreviations
stand for a body, which predicates end a name, how a flattened header carries its "Kính gửi" list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.header import parse_header
from dondoc.parse.lines import split_lines
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


def leads(ts: TaskSet, key: str) -> list[str]:
    return [o.name for o in next(t for t in ts.tasks if t.key == key).lead]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the abbreviated address "Đ/c" before a post is the post's
        ("Bộ Nội vụ đề nghị Đ/c Chủ tịch UBND tỉnh chỉ đạo rà soát biên chế như sau:", ["Chủ tịch UBND tỉnh"]),
        ("Đề nghị đ/c Giám đốc Sở Xây dựng kiểm tra lại hồ sơ.", ["Giám đốc Sở Xây dựng"]),
        ("Đ/C Trưởng Công an huyện chủ trì việc tuần tra.", ["Trưởng Công an huyện"]),
    ],
)
def test_an_abbreviated_address_before_a_post(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # "BHXH" followed by a place or a level is the social insurance office
        ("Đề nghị BHXH các tỉnh phối hợp với Sở Y tế rà soát số thẻ.", ["BHXH các tỉnh"], ["Sở Y tế"]),
        ("BHXH tỉnh có văn bản nhắc các bệnh viện.", ["BHXH tỉnh"], []),
        ("Sở Tài chính phối hợp với BHXH Việt Nam đối chiếu số liệu.", ["Sở Tài chính"], ["BHXH Việt Nam"]),
        # … and a subject otherwise: no owner starts with it
        ("Thực hiện đầy đủ chế độ BHXH cho người lao động.", [], []),
        ("Giải quyết kịp thời các chế độ BHXH phát sinh.", [], []),
    ],
)
def test_an_abbreviation_that_is_a_topic_or_a_body(text: str, lead: list[str], support: list[str]) -> None:
    o = find_owners(text)
    assert (o.lead, o.support) == (lead, support)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "có ý kiến", "tham gia ý kiến": what the body is asked for, not words of its name
        ("Giao các Bộ: Xây dựng, Tư pháp có ý kiến về đề xuất của tỉnh.", ["Bộ Xây dựng", "Bộ Tư pháp"]),
        ("Giao Sở Công Thương có ý kiến bằng văn bản.", ["Sở Công Thương"]),
        ("Đề nghị Sở Nội vụ tham gia ý kiến vào dự thảo Quy chế.", ["Sở Nội vụ"]),
    ],
)
def test_asked_for_an_opinion_ends_the_name(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_flattened_header_row_ending_with_the_address_keeps_its_list() -> None:
    text = ("BỘ GIAO THÔNG\nSố: 45/BGT-KH V/v kiểm tra cầu yếu\n"
            "Hà Nội, ngày 03 tháng 4 năm 2024 Kính gửi:\n- Sở Giao thông các tỉnh;\n- Khu Quản lý đường bộ.\n"
            "Bộ đề nghị Sở Giao thông các tỉnh thực hiện các nội dung sau:\n"
            "1. Kiểm tra các cầu yếu trên tuyến.\n2. Báo cáo kết quả về Bộ trước ngày 30/4/2024.\n")
    h = parse_header(split_lines(text))
    assert h.recipients == ["Sở Giao thông các tỉnh", "Khu Quản lý đường bộ"]
    ts = read(text)
    # the request before the list names the owner of its items (convention 4)
    assert leads(ts, "1") == ["Sở Giao thông các tỉnh"]
