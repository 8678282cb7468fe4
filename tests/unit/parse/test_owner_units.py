"""A unit named with the body it belongs to is one owner; the people taking part are none."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.directory import load_directory
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "text, lead, support",
    [
        # a unit, a comma, the body it belongs to: one owner
        ("Ban Gia đình - Xã hội, Hội LHPN tỉnh chủ trì tổ chức hội nghị.", ["Ban Gia đình - Xã hội, Hội LHPN tỉnh"], []),
        ("Giao Ban Phong trào, Tỉnh đoàn chủ trì, Sở Y tế phối hợp tổ chức.", ["Ban Phong trào, Tỉnh đoàn"], ["Sở Y tế"]),
        ("Phòng Cảnh sát hình sự, Công an tỉnh chủ trì xác minh.", ["Phòng Cảnh sát hình sự, Công an tỉnh"], []),
        ("Phòng PC02, Công an tỉnh theo dõi.", ["Phòng PC02, Công an tỉnh"], []),
        (
            "Giao Ban Gia đình - Xã hội, Hội Liên hiệp Phụ nữ tỉnh và Phòng Chính trị tư tưởng, Sở Giáo dục và Đào tạo "
            "là đầu mối tham mưu.",
            ["Ban Gia đình - Xã hội, Hội Liên hiệp Phụ nữ tỉnh", "Phòng Chính trị tư tưởng, Sở Giáo dục và Đào tạo"],
            [],
        ),
        ("Phối hợp với Ban Tuyên giáo, Hội LHPN tỉnh tổ chức thăm hỏi.", [], ["Ban Tuyên giáo, Hội LHPN tỉnh"]),
        ("Sở Dân tộc và Tôn giáo chủ trì tổng hợp.", ["Sở Dân tộc và Tôn giáo"], []),
        # lists of bodies of their own stay lists
        ("Phòng Nội vụ, Công an huyện phối hợp kiểm tra.", ["Phòng Nội vụ", "Công an huyện"], []),
        ("Ban Dân vận, Ủy ban MTTQ tỉnh phối hợp tuyên truyền.", ["Ban Dân vận", "Ủy ban MTTQ tỉnh"], []),
        ("Ban Chỉ huy Quân sự, Hội Cựu chiến binh xã tham gia.", ["Ban Chỉ huy Quân sự", "Hội Cựu chiến binh xã"], []),
        ("Ban Tuyên giáo Tỉnh ủy, Hội Nông dân tỉnh chủ trì.", ["Ban Tuyên giáo Tỉnh ủy", "Hội Nông dân tỉnh"], []),
        ("Ban An toàn giao thông, Hội Cựu chiến binh tỉnh phối hợp.", ["Ban An toàn giao thông", "Hội Cựu chiến binh tỉnh"], []),
        ("Đoàn Thanh niên, Hội Liên hiệp Phụ nữ tỉnh phối hợp.", ["Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ tỉnh"], []),
        ("Phòng Văn hóa - Xã hội, các hội đoàn thể xã phối hợp.", ["Phòng Văn hóa - Xã hội", "các hội đoàn thể xã"], []),
        # the people take part; the body named with them is the owner
        ("Công an tỉnh và Nhân dân cùng tham gia giữ gìn an ninh.", ["Công an tỉnh"], []),
        ("Ủy ban MTTQ các xã và nhân dân cùng ra quân dọn vệ sinh.", ["Ủy ban MTTQ các xã"], []),
        ("Công an tỉnh cùng các tầng lớp nhân dân tham gia.", ["Công an tỉnh"], []),
        ("Đoàn Thanh niên và người dân tích cực hưởng ứng.", ["Đoàn Thanh niên"], []),
        # a collective with a dash inside its name; verbs that end a name
        ("Các tổ chức chính trị - xã hội phối hợp tuyên truyền.", ["Các tổ chức chính trị - xã hội"], []),
        ("Thành đoàn đưa tin cảnh báo cháy trên trang thông tin điện tử.", ["Thành đoàn"], []),
        ("Sở Y tế có văn bản hướng dẫn các xã.", ["Sở Y tế"], []),
        ("Trung tâm Công nghệ thông tin tỉnh tiến hành rà soát.", ["Trung tâm Công nghệ thông tin tỉnh"], []),
        ("Các cơ quan báo chí của tỉnh tăng cường thông tin tuyên truyền.", ["Các cơ quan báo chí của tỉnh"], []),
        # a unit's descriptive name may hold a predicate followed by its place
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì lập hồ sơ.", ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], []),
        ("Phòng Kinh tế huyện hướng dẫn xã, phường thực hiện.", ["Phòng Kinh tế huyện"], []),
        ("Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn xã thực hiện.", ["Trung tâm Kiểm soát bệnh tật tỉnh"], []),
        # owners listed before a ";" share the predicate of the clause after it
        (
            "Các sở, ban, ngành, đoàn thể tỉnh; UBND các xã, phường căn cứ chức năng, nhiệm vụ triển khai thực hiện.",
            ["Các sở, ban, ngành, đoàn thể tỉnh", "UBND các xã, phường"],
            [],
        ),
        ("Sở Y tế; Sở Tài chính; UBND các xã thực hiện.", ["Sở Y tế", "Sở Tài chính", "UBND các xã"], []),
        ("Sở Y tế; tăng cường kiểm tra.", [], []),
        ("Các sở, ban, ngành; đề nghị UBND các xã thực hiện.", ["UBND các xã"], []),
    ],
)
def test_owners(text: str, lead: list[str], support: list[str]) -> None:
    found = find_owners(text)
    assert (found.lead, found.support) == (lead, support)


def test_a_unit_resolves_to_the_body_it_belongs_to() -> None:
    text = (
        "UBND TỈNH HẢI DƯƠNG\nSố: 12/KH-UBND\nHải Dương, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "1. Ban Gia đình - Xã hội, Hội Liên hiệp Phụ nữ tỉnh chủ trì tổ chức hội nghị trước ngày 30/6/2025.\n"
        "2. Phòng Cảnh sát hình sự, Công an tỉnh và Nhân dân cùng tham gia giữ gìn an ninh.\n"
    )
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"),
                        directory=load_directory(REPO / "config" / "organizations.yaml"))
    assert [(o.name, o.org) for t in ts.tasks for o in t.lead] == [
        ("Ban Gia đình - Xã hội, Hội Liên hiệp Phụ nữ tỉnh", "hoi-lhpn"),
        ("Phòng Cảnh sát hình sự, Công an tỉnh", "ca-tinh"),
    ]
    assert not any("not found" in w for w in ts.warnings)


@pytest.mark.parametrize("text, cadence", [
    ("Tổ chức sơ kết 6 tháng đầu năm thực hiện Chương trình trong quý III/2026.", None),
    ("Đánh giá kết quả 6 tháng cuối năm.", None),
    ("Định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ.", "semiannual"),
    ("Báo cáo kết quả thực hiện 06 tháng (trước 15/6).", "semiannual"),
])
def test_six_months_is_a_cadence_only_when_it_recurs(text: str, cadence: str | None) -> None:
    from dondoc.parse.stated_cadence import explicit_cadence

    stated = explicit_cadence(text)
    assert (stated[0] if stated else None) == cadence
