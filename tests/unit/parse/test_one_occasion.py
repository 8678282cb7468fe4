"""Work for one occasion (an election of a named term, a congress, the meetings that prepare a vote, the Tết of a named
year): an item that says nothing of how often is done once, for that occasion; a standing service
(receiving citizens, answering questions, gathering opinion) still runs for as long as the work lasts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence_hints import standing_service
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.occasions import one_occasion
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]


def _repeats(text: str) -> dict[str, str]:
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return {t.key: t.schedule.repeat for t in ts.tasks}


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Phục vụ bầu cử đại biểu Quốc hội khóa XVII và đại biểu HĐND các cấp", "bầu cử đại biểu Quốc hội khóa XVII"),
        ("Tuyên truyền bầu cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ 2031 - 2036",
         "bầu cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ 2031"),
        ("Tổ chức hội nghị hiệp thương lần thứ nhất", "hội nghị hiệp thương"),
        ("Trang trí phục vụ Đại hội Đảng bộ phường lần thứ XV", "Đại hội Đảng bộ phường lần thứ XV"),
        ("V/v tổ chức Tết Nguyên đán Bính Ngọ năm 2026", "Tết Nguyên đán Bính Ngọ"),
    ],
    ids=["election-term", "council-term", "consultation", "party-congress", "lunar-new-year"],
)
def test_a_title_names_one_occasion(title: str, expected: str) -> None:
    assert one_occasion(title, "") == expected


@pytest.mark.parametrize(
    "title",
    [
        "Triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
        "Về việc tăng cường công tác phòng cháy, chữa cháy mùa khô",
        "Hướng dẫn thủ tục bầu cử trưởng thôn",  # no named term: a procedure, any year
        "Ra quân vệ sinh đường làng mùa mưa năm 2031",  # a season's campaign, not one occasion
    ],
    ids=["congress-resolution", "standing-campaign", "no-term", "season"],
)
def test_other_titles_name_none(title: str) -> None:
    assert one_occasion(title, "") == ""


def test_the_opening_stands_in_for_a_missing_title() -> None:
    opening = "Ban Thường trực ban hành kế hoạch phục vụ bầu cử đại biểu Quốc hội khóa XVII như sau:"
    assert one_occasion("", opening) == "bầu cử đại biểu Quốc hội khóa XVII"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Tiếp công dân tại trụ sở vào sáng thứ Năm", "tiep cong dan"),
        ("Tiếp nhận ý kiến, giải đáp thắc mắc của người dân về thủ tục", "tiep nhan y kien"),
        ("Nắm bắt tâm tư của đoàn viên trong khu dân cư", "nam bat"),
        ("Bố trí xe cứu thương trực 24/24 giờ trong những ngày nghỉ lễ", "24/24"),
        ("Kiểm tra việc tiếp nhận đơn của các tổ bầu cử", None),  # the thing checked, no service given
    ],
    ids=["citizens", "views", "sentiment", "round-the-clock", "object-of-a-check"],
)
def test_standing_services(text: str, found: str | None) -> None:
    f = fold_keep_length(text)
    span = standing_service(f)
    assert (f[span[0] : span[1]] if span else None) == found


_PLAN = (
    "ỦY BAN MTTQ VIỆT NAM PHƯỜNG AN LẠC\nSố: 09/KH-MTTQ\nAn Lạc, ngày 02 tháng 12 năm 2030\nKẾ HOẠCH\n"
    "{title}\n"
    "I. NHIỆM VỤ\n"
    "1. Các chi hội thông báo danh sách cử tri đến từng hộ gia đình.\n"
    "2. Tổ công tác tiếp nhận ý kiến, giải đáp thắc mắc của cử tri.\n"
)


@pytest.mark.parametrize(
    "title, first",
    [
        ("Phục vụ bầu cử đại biểu Quốc hội khóa XVII và đại biểu HĐND các cấp nhiệm kỳ 2031 - 2036", "once"),
        ("Tổ chức hội nghị cử tri nơi cư trú", "once"),
        ("Về công tác dân vận năm 2031", "continuous"),
    ],
    ids=["election", "voters-meeting", "no-occasion"],
)
def test_items_without_a_cue_are_done_once_for_the_occasion(title: str, first: str) -> None:
    repeats = _repeats(_PLAN.format(title=title))
    assert repeats["I.1"] == first
    assert repeats["I.2"] == "continuous"  # the standing service runs throughout
