"""Prose dispatches whose paragraphs open with their owners (dondoc/parse/prose_subjects.py, prose.py): a
chỉ thị or công văn written without numbers ("Công an tỉnh … xây dựng phương án …"), owners and a colon
over their duty, a conclusion's "phát biểu … yêu cầu …". The texts are our own, in the shapes that real
provincial and district dispatches use."""

from __future__ import annotations

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.prose import is_request
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")

HEAD = "ỦY BAN NHÂN DÂN TỈNH ĐÔNG SƠN\nSố: 77/UBND-TH\nV/v chuẩn bị mùa mưa bão\nĐông Sơn, ngày 02 tháng 6 năm 2026\n"


@pytest.mark.parametrize(
    "text",
    [
        "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh xây dựng phương án bảo vệ các công trình trọng điểm.",
        "Ban Chấp hành Hội các cấp chuẩn bị tốt văn kiện đại hội.",
        "Ủy ban nhân dân các xã căn cứ kế hoạch của huyện và tình hình thực tế; phối hợp với Công an xã rà soát địa bàn.",
        "Thủ trưởng các phòng, ban theo chức năng của mình chỉ đạo cán bộ trực thuộc tham gia đầy đủ.",
        "Phòng Tư pháp: Hướng dẫn các xã niêm yết danh sách.",
        "Các trường tiểu học cần rà soát số học sinh bỏ học.",
        "Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ tổ chức quán triệt kết luận.",
        "Phát biểu kết luận, đồng chí Phó Chủ tịch UBND huyện yêu cầu: Các phòng chuyên môn, trên cơ sở nhiệm vụ được "
        "giao, tích cực tham mưu các giải pháp.",
    ],
    ids=["subject-builds", "subject-prepares", "after-can-cu-and-semicolon", "after-theo-qualifier", "owner-colon-duty",
         "can", "asks-an-owner-written-in-lower-case", "conclusion-speech-asks"],
)
def test_a_paragraph_opening_with_owners_told_what_to_do_is_a_request(text: str) -> None:
    assert is_request(text, subjects=True)


@pytest.mark.parametrize(
    "text",
    [
        # what happened: news, background
        "Công an tỉnh và Ủy ban MTTQ tỉnh vừa tổ chức hội nghị sơ kết chương trình phối hợp.",
        "Các sở, ngành đã triển khai nhiều giải pháp trong năm qua.",
        # the issuer guides: no one is told to act by this sentence alone
        "Sở Giáo dục và Đào tạo hướng dẫn nội dung báo cáo theo phụ lục kèm theo.",
        # a colon after owners that lists, not a duty
        "Thành phần: Sở Nội vụ, Sở Tài chính.",
        # a speech that asks no one
        "Phát biểu tại hội nghị, đồng chí Chủ tịch nhấn mạnh vai trò của công tác tuyên truyền.",
        "Phát biểu tại buổi làm việc, đồng chí Giám đốc đề nghị các phòng quan tâm công tác cải cách hành chính.",
    ],
    ids=["news-vua", "background-da", "issuer-guides", "list-after-colon", "speech-asks-no-one", "speech-at-a-meeting"],
)
def test_a_paragraph_that_tells_what_happened_is_no_request(text: str) -> None:
    assert not is_request(text, subjects=True)


def test_a_directive_in_prose_paragraphs_yields_one_task_a_paragraph_with_its_owners() -> None:
    text = HEAD + (
        "Kính gửi: Các sở, ban, ngành; UBND các huyện\n"
        "Ủy ban nhân dân các huyện căn cứ tình hình địa phương; phối hợp với Ban Chỉ huy Quân sự huyện kiểm tra các "
        "hồ chứa.\n"
        "Sở Xây dựng, Sở Công Thương xây dựng phương án bảo đảm điện, nước.\n"
        "Phòng Tài nguyên và Môi trường: Rà soát các điểm sạt lở, báo cáo UBND tỉnh trước ngày 30/6/2026.\n"
    )
    ts = parse_dispatch(text, source=Source(name="x.txt"), observances=CATALOG)
    got = [([o.name for o in t.lead], [o.name for o in t.support]) for t in ts.tasks if "." not in t.key]
    assert got == [
        (["Ủy ban nhân dân các huyện"], ["Ban Chỉ huy Quân sự huyện"]),
        (["Sở Xây dựng", "Sở Công Thương"], []),
        (["Phòng Tài nguyên và Môi trường"], []),
    ]


def test_news_that_only_tells_what_bodies_did_is_still_refused() -> None:
    text = HEAD + "Công an tỉnh vừa tổ chức hội nghị sơ kết.\nCác đơn vị đã ký kết quy chế phối hợp.\n"
    with pytest.raises(NothingToTrackError):
        parse_dispatch(text, source=Source(name="x.txt"), observances=CATALOG)


@pytest.mark.parametrize(
    "text",
    [
        # a report's later sentence: what the bodies did, told after the period it covers
        "Qua 5 năm thực hiện, phong trào có nhiều chuyển biến. Hội Nông dân, Hội Phụ nữ phối hợp tổ chức nhiều lớp tập huấn.",
        # a news title in the owner-colon shape, without a full stop
        "Ủy ban MTTQ tỉnh Đông Sơn: Tổng kết 10 năm thực hiện cuộc vận động",
    ],
    ids=["later-sentence-of-a-report", "news-title"],
)
def test_owners_told_what_to_do_only_where_the_paragraph_opens_with_them(text: str) -> None:
    assert not is_request(text, subjects=True)


def test_what_a_body_issued_is_background_not_a_request() -> None:
    assert not is_request("UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về phòng, chống thiên tai năm 2026.", subjects=True)
