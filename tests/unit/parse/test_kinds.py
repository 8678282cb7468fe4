"""Kinds of documents that change the reading: classified ones, calendars of meetings (parse/kinds.py)."""

from __future__ import annotations

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.kinds import classification_mark, is_meeting_calendar
from dondoc.parse.lines import split_lines
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = "ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 12/UBND-NC\n{mark}\nAn Hòa, ngày 02 tháng 3 năm 2026\n"
BODY = "Kính gửi: Công an tỉnh.\n\nĐề nghị Công an tỉnh báo cáo tình hình an ninh về UBND tỉnh trước ngày 20/3/2026./.\n"


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        ("MẬT", "MẬT"),
        ("TỐI MẬT", "TỐI MẬT"),
        ("TUYỆT MẬT", "TUYỆT MẬT"),
        ("**MẬT**", "MẬT"),
        ("[TỐI MẬT]", "TỐI MẬT"),
        ("Độ mật: Mật", "MẬT"),
        ("MẬT - HỎA TỐC", "MẬT"),
        ("HỎA TỐC - TỐI MẬT", "TỐI MẬT"),
    ],
    ids=["mat", "toi-mat", "tuyet-mat", "bold", "bracketed", "do-mat", "mat-hoa-toc", "hoa-toc-toi-mat"],
)
def test_a_classification_stamp_marks_the_dispatch_classified_and_names_its_line(mark: str, expected: str) -> None:
    ts = parse_dispatch(HEAD.format(mark=mark) + BODY, source=Source(name="t"), observances=CATALOG)
    assert ts.dispatch.classified is True
    assert any(w.startswith("line 3:") and f'"{expected}"' in w for w in ts.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "HỎA TỐC",
        "KHẨN",
        "BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2026",
        "Tuyệt đối giữ bí mật nhà nước trong quá trình thực hiện.",
        "mật độ dân cư",
        "Mật",
    ],
    ids=["hoa-toc", "khan", "title-about-secrets", "sentence-bi-mat", "mat-do", "lower-case-word"],
)
def test_no_stamp_no_classification(line: str) -> None:
    assert classification_mark(split_lines(HEAD.format(mark=line) + BODY)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THÔNG BÁO\nLịch công tác tuần 10 của Thường trực UBND xã\nTHỨ HAI, NGÀY 09/3/2026\n- Chủ tịch: họp.\n", True),
        ("THỨ HAI (09/02/2026):\n- Chủ tịch: họp giao ban.\nTHỨ BA (10/02/2026):\n- Chủ tịch: tiếp dân.\n", True),
        ("Thứ Năm, ngày 05/3:\n- Phó Chủ tịch: kiểm tra.\nThứ Sáu, ngày 06/3:\n- Chủ tịch: làm việc tại cơ quan.\n", True),
        ("KẾ HOẠCH\n1. Tổ chức họp giao ban vào thứ Hai hằng tuần.\n2. Báo cáo trước thứ Năm, ngày 05/3.\n", False),
        ("Sở Nội vụ tổ chức hội nghị vào thứ Hai, ngày 09/3/2026 tại hội trường.\n", False),
    ],
    ids=["titled", "days-in-brackets", "days-lower-case", "a-plan", "one-meeting-in-a-sentence"],
)
def test_a_calendar_of_meetings_is_told_from_a_plan(text: str, expected: bool) -> None:
    assert is_meeting_calendar(split_lines(text)) is expected


CALENDAR = """UBND XÃ BÌNH MINH
Số: 16/TB-VP
Bình Minh, ngày 13 tháng 3 năm 2026

THÔNG BÁO
Lịch làm việc tuần 11 của lãnh đạo UBND xã

THỨ HAI, NGÀY 16/3/2026
- Chủ tịch UBND xã: 8 giờ, họp Ban Chỉ đạo chuyển đổi số (Phòng Văn hóa - Xã hội chuẩn bị báo cáo).
THỨ BA, NGÀY 17/3/2026
- Phó Chủ tịch UBND xã: làm việc tại cơ quan.

Văn phòng thông báo để các phòng, đơn vị biết./.
"""


def test_a_calendar_that_asks_nothing_is_refused_and_told_why() -> None:
    with pytest.raises(NothingToTrackError, match="đây là lịch họp"):
        parse_dispatch(CALENDAR, source=Source(name="lich"), observances=CATALOG)
