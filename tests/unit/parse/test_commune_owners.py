"""Owners as commune and ward documents write them: teams named by their task, the commune's boards whose
names hold a predicate, a member's post before the title the plan gives him, counted bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "text, lead, support",
    [
        # a team named by its task and the task's object, in a list of owners
        (
            "Giao công an phường, tổ quản lý đô thị, đội thanh tra xây dựng phối hợp với các đoàn thể giải tỏa lấn chiếm.",
            ["công an phường", "tổ quản lý đô thị", "đội thanh tra xây dựng"],
            ["các đoàn thể"],
        ),
        (
            "Đề nghị Hội Nông dân xã, tổ tự quản đường làng và các chi hội tham gia làm đường.",
            ["Hội Nông dân xã", "tổ tự quản đường làng", "các chi hội"],
            [],
        ),
        # "tổ chức", "đội ngũ" name no team: the collective stays one owner
        ("Các cơ quan, tổ chức, doanh nghiệp trên địa bàn tham gia hiến máu.", ["Các cơ quan, tổ chức, doanh nghiệp trên địa bàn"], []),
        # boards whose names hold a predicate ("xây dựng", "cần", "cung")
        ("Ban Xây dựng Đảng chủ trì hướng dẫn các chi bộ.", ["Ban Xây dựng Đảng"], []),
        ("Phó Trưởng ban Xây dựng Đảng theo dõi tiến độ.", ["Phó Trưởng ban Xây dựng Đảng"], []),
        ("Ban cán sự các ấp vận động hộ dân treo cờ.", ["Ban cán sự các ấp"], []),
        ("Trung tâm Cung ứng dịch vụ công xã thường xuyên đăng tải thông báo.", ["Trung tâm Cung ứng dịch vụ công xã"], []),
        # the members of a body, the subcommittees of an election
        ("Các thành viên khác trong tiểu ban chủ động phối hợp thực hiện nhiệm vụ.", ["Các thành viên khác trong tiểu ban"], []),
        ("Các thành viên của Ban Chỉ đạo xã theo dõi địa bàn được phân công.", ["Các thành viên của Ban Chỉ đạo xã"], []),
        ("Tiểu ban Hậu cần chủ trì chuẩn bị hội trường.", ["Tiểu ban Hậu cần"], []),
        # the kinds of body a relative clause qualifies, up to their duty
        (
            "Sau hội nghị, các cơ quan, đơn vị giới thiệu người ứng cử có trách nhiệm xác minh và trả lời bằng văn bản.",
            ["các cơ quan, đơn vị giới thiệu người ứng cử"],
            [],
        ),
        ("Công an xã phối hợp với Trạm Y tế xã có trách nhiệm kiểm tra.", ["Công an xã"], ["Trạm Y tế xã"]),
        # the case, "thì", then the clause about it
        (
            "Đối với vụ việc ở khu dân cư thì cơ quan, tổ chức, đơn vị giới thiệu người ứng cử có trách nhiệm phối hợp "
            "với Ủy ban nhân dân xã xác minh.",
            ["cơ quan, tổ chức, đơn vị giới thiệu người ứng cử"],
            ["Ủy ban nhân dân xã"],
        ),
        # the one-stop desk ("cửa" folds like "của"); schools by their levels
        ("Bộ phận một cửa niêm yết công khai thủ tục hành chính.", ["Bộ phận một cửa"], []),
        ("Các trường Mầm non, Tiểu học trên địa bàn xã lồng ghép tuyên truyền.", ["Các trường Mầm non, Tiểu học trên địa bàn xã"], []),
        # "triệu tập" is what the partner does, no word of its name
        ("Ban Thường trực Ủy ban MTTQ xã phối hợp với UBND xã triệu tập hội nghị.", ["Ban Thường trực Ủy ban MTTQ xã"], ["UBND xã"]),
    ],
)
def test_commune_owner_names(text: str, lead: list[str], support: list[str]) -> None:
    found = find_owners(text)
    assert (found.lead, found.support) == (lead, support)


def _leads(body: str) -> dict[str, list[str]]:
    text = "ỦY BAN NHÂN DÂN XÃ HÒA LỘC\nSố: 21/TB-UBND\nTHÔNG BÁO\nVề việc nạo vét kênh mương\n" + body
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return {t.key: [o.name for o in t.lead] for t in ts.tasks if t.kind != "report"}


@pytest.mark.parametrize(
    "line, lead",
    [
        # the post first, then what the member is in the plan's committee (convention 33)
        ("1. Đồng chí Phó Trưởng phòng Kinh tế - Phó Trưởng ban Thường trực: Chỉ đạo công tác hậu cần.", ["Phó Trưởng phòng Kinh tế"]),
        ("1. Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Ủy viên: Phụ trách tuyên truyền trên loa.", ["Phó Trưởng phòng Văn hóa - Xã hội"]),
        ("1. Đồng chí Trưởng Ban Xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung.", ["Trưởng Ban Xây dựng Đảng"]),
    ],
)
def test_a_member_is_named_by_the_post_before_the_committee_title(line: str, lead: list[str]) -> None:
    assert _leads(line + "\n")["1"] == lead


def test_a_counted_heading_names_each_body_it_counts() -> None:
    leads = _leads("1. Đối với 02 HTX Đồng Tiến và Hòa Bình:\nHuy động xã viên nạo vét kênh mương nội đồng.\n"
                   "2. Đối với Ban điều hành các thôn:\nVận động nhân dân tham gia.\n")
    assert leads == {"1": ["HTX Đồng Tiến", "Hòa Bình"], "2": ["Ban điều hành các thôn"]}


def test_a_count_that_does_not_match_keeps_the_name_whole() -> None:
    leads = _leads("1. Đối với 03 HTX Đồng Tiến và Hòa Bình:\nHuy động xã viên nạo vét kênh mương nội đồng.\n")
    assert leads["1"] == ["HTX Đồng Tiến và Hòa Bình"]


@pytest.mark.parametrize(
    "line, due",
    [
        ("1. Các thôn ra quân dọn vệ sinh vào ngày Chủ nhật (ngày 08/11/2026).", ["2026-11-08"]),
        ("1. Các trường học tổ chức lễ chào cờ vào thứ Hai, ngày 07/12/2026.", ["2026-12-07"]),
    ],
)
def test_a_day_named_by_its_weekday_then_its_date_is_the_day_of_the_work(line: str, due: list[str]) -> None:
    text = "ỦY BAN NHÂN DÂN XÃ HÒA LỘC\nSố: 21/TB-UBND\nHòa Lộc, ngày 02 tháng 11 năm 2026\nTHÔNG BÁO\n" + line + "\n"
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    assert [(t.schedule.repeat, list(t.schedule.due)) for t in ts.tasks] == [("once", due)]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Nội dung: Ban Thường trực Ủy ban MTTQ xã phối hợp với UBND xã tổ chức hội nghị cử tri tại các thôn.", None),
        ("Nội dung báo cáo: kết quả rà soát, số hộ được hỗ trợ, kiến nghị.", "content"),
        ("Nội dung: kết quả thực hiện các chỉ tiêu, khó khăn, vướng mắc.", "content"),
    ],
)
def test_a_content_title_over_a_clause_whose_subject_acts_is_work(text: str, kind: str | None) -> None:
    from dondoc.parse.fields import field_kind

    assert field_kind(text) == kind


def test_the_issuer_launching_its_own_campaign_asks_the_others_it_names() -> None:
    leads = _leads("1. UBND xã phát động Tết trồng cây; đề nghị các trường học, tổ dân phố và các đoàn thể hưởng ứng.\n"
                   "2. UBND xã Hòa Lộc tổ chức lễ phát động tại Nhà văn hóa thôn 3.\n")
    assert leads == {"1": ["các trường học", "tổ dân phố", "các đoàn thể"], "2": ["UBND xã Hòa Lộc"]}
