"""Reports in the plans of the Front, the Party and the mass organisations: "thực hiện chế độ báo cáo … định kỳ và
đột xuất", minutes sent right after a scheduled conference, and what is sent to the public (no report)."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.prose import is_request
from dondoc.parse.report_specs import find_reports
from dondoc.parse.rules import asks_someone

CTX = DateContext(date(2026, 4, 1), 2026, 4)


def reports(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(r.to, r.due, r.repeat) for r in find_reports(text, ctx=CTX, warnings=[])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Thực hiện chế độ báo cáo kết quả phong trào về Ban Thường vụ Tỉnh đoàn (qua Ban Tổ chức) định kỳ và đột xuất.",
         [("Ban Thường vụ Tỉnh đoàn (qua Ban Tổ chức)", None, "once"), ("Ban Thường vụ Tỉnh đoàn (qua Ban Tổ chức)", None, "ad_hoc")]),
        ("Các cấp hội thực hiện tốt chế độ báo cáo hằng quý về Thường trực Hội Nông dân tỉnh.",
         [("Thường trực Hội Nông dân tỉnh", None, "quarterly")]),
        ("Các đơn vị thực hiện chế độ báo cáo theo quy định.", []),
    ],
    ids=["regular-and-prompt", "quarterly-regime", "regime-of-another-text"],
)
def test_carrying_out_a_reporting_regime_is_a_report(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    assert reports(text) == expected


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("- Gửi biên bản đại hội về Ban Thường vụ Huyện đoàn ngay sau khi kết thúc đại hội.", "once"),
        ("Gửi biên bản hội nghị về Đảng ủy xã ngay sau khi tổ chức hội nghị.", "once"),
        ("Báo cáo về Ban Chỉ huy Phòng thủ dân sự ngay sau khi xảy ra sự cố.", "ad_hoc"),
    ],
    ids=["after-the-congress", "after-the-conference", "after-an-incident"],
)
def test_minutes_sent_right_after_a_scheduled_meeting_are_one_report(text: str, repeat: str) -> None:
    assert [r[2] for r in reports(text)] == [repeat]


@pytest.mark.parametrize(
    "text",
    ["Tờ rơi giới thiệu mô hình gửi đến các hộ gia đình trong thôn.",
     "Ban Chấp hành Hội gửi thư chúc mừng đến toàn thể hội viên nhân ngày 20/10.",
     "Các chi đoàn gửi tài liệu sinh hoạt cho đoàn viên trước ngày 26/3/2026."],
    ids=["households", "members", "youth-members"],
)
def test_what_is_sent_to_the_public_is_no_report(text: str) -> None:
    assert reports(text) == []


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Căn cứ hướng dẫn này, đề nghị Ban Thường vụ các huyện đoàn nghiêm túc triển khai thực hiện, bảo đảm đúng "
         "Điều lệ Đoàn và tiến độ đề ra./.", False),
        ("Đề nghị các cấp hội phối hợp triển khai để thực hiện tốt nhiệm vụ chăm lo cho hội viên./.", False),
        ("Đề nghị các chi bộ triển khai thực hiện, bảo đảm hoàn thành trước ngày 30/6/2026./.", True),
        ("Đề nghị Ban Tuyên giáo Huyện ủy chủ trì biên soạn tài liệu, bảo đảm tiến độ.", True),
    ],
    ids=["formula-with-how", "formula-with-why", "formula-with-a-deadline", "a-charge"],
)
def test_the_closing_formula_with_how_or_why_asks_nothing_of_its_own(text: str, asks: bool) -> None:
    assert is_request(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Biên bản đại hội chi đoàn phải gửi về Ban Thường vụ Huyện đoàn chậm nhất là 17 giờ 00 ngày 20/4/2026.", True),
        ("Hồ sơ đề nghị khen thưởng nộp về Văn phòng Hội trước 16h30 ngày 15/5/2026.", True),
        ("Hội viên được công nhận trước ngày 30/4/1975 được tặng kỷ niệm chương.", False),
    ],
    ids=["chậm-nhất-with-the-hour", "trước-with-the-hour", "a-past-day-qualifies"],
)
def test_a_deadline_with_its_hour_asks_someone_in_a_guidance(text: str, asks: bool) -> None:
    assert asks_someone(text, 2026) is asks
