"""Deadlines named by a period rather than a day: a quarter or a month without its year, the session of
an elected body whose month the dispatch states once, a sitting in a named month (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.period_dues import session_months
from dondoc.taskset import Source, Task
from tests.unit.parse.fixture_check import REPO

SPRING = DateContext(date(2026, 3, 10), 2026, 3)


def _dues(text: str, ctx: DateContext = SPRING, *, every_year: bool = False) -> list[str]:
    return [d.due for d in find_deadlines(text, every_year=every_year, ctx=ctx, warnings=[]) if d.due]


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Phòng Kinh tế hoàn thiện hồ sơ trong quý III.", ["2026-09-30"]),
        ("Các xã rà soát xong trước quý 2.", ["2026-06-30"]),
        ("Trung tâm Y tế hoàn thành trong quí 4 năm 2026.", ["2026-12-31"]),
        ("Nộp hồ sơ đề nghị trong tháng 5.", ["2026-05-31"]),
        ("Ban Quản lý dự án hoàn thành trong tháng 2.", ["2027-02-28"]),  # February is over: next year's
        ("Tổ chức hội nghị trong tháng 5/2026.", ["2026-05-31"]),  # with its year, as before
        ("Báo cáo quý I gửi về Sở Tài chính.", []),  # the quarter reported on, no time word before it
        ("Tổng hợp số liệu của tháng 4 năm nay.", []),
    ],
    ids=["quarter-in-roman", "before-a-quarter", "older-spelling-with-year", "month-without-year",
         "a-month-already-past", "month-with-year", "quarter-reported-on", "no-time-word"],
)
def test_a_quarter_or_month_without_its_year_falls_in_the_dispatchs_year(text: str, dues: list[str]) -> None:
    assert _dues(text) == dues


def test_a_month_without_its_year_in_a_yearly_duty_is_that_month_of_every_year() -> None:
    assert _dues("Hằng năm, các trường hoàn thành kiểm kê trong tháng 6.", every_year=True) == ["--06-30"]


def test_a_month_without_its_year_gives_no_due_when_the_dispatch_has_no_date() -> None:
    assert _dues("Nộp hồ sơ đề nghị trong tháng 5.", DateContext()) == []


class TestSessions:
    def test_the_month_a_dispatch_gives_a_session_is_read_once_by_its_number(self) -> None:
        f = fold_keep_length("… thông qua tại Kỳ họp thứ Mười Hai, HĐND huyện (dự kiến khai mạc vào tháng 7/2026); "
                             "sau đó là kỳ họp thứ 13 (tháng 12 năm 2026).")
        assert session_months(f) == ((12, "2026-07-31"), (13, "2026-12-31"))

    def test_a_session_named_without_its_month_is_no_known_session(self) -> None:
        assert session_months(fold_keep_length("Báo cáo tại kỳ họp thứ Tư của Quốc hội.")) == ()

    @pytest.mark.parametrize(
        ("text", "dues"),
        [
            ("Sở Giao thông báo cáo tiến độ tại Kỳ họp thứ Mười Hai.", ["2026-07-31"]),
            ("Trình Hội đồng nhân dân tại kỳ\nhọp thứ 12 để xem xét.", ["2026-07-31"]),  # the name cut by a line
            ("Báo cáo tại kỳ họp thứ 9.", []),  # a session whose month the dispatch never gives
            ("Ngay sau khi danh mục được thông qua tại Kỳ họp thứ Mười Hai, lập hồ sơ.", []),  # the event after which
            ("Ban Kinh tế báo cáo Thường trực tại Phiên họp tháng 8 năm 2026.", ["2026-08-31"]),
            ("Báo cáo kết quả thực hiện tại kỳ họp thường lệ cuối năm 2026.", ["2026-12-31"]),
        ],
        ids=["by-its-number", "name-cut-by-a-line", "month-never-given", "after-the-session", "a-sitting-in-a-month",
             "the-year-end-session"],
    )
    def test_a_report_due_at_a_session_is_due_by_the_end_of_its_month(self, text: str, dues: list[str]) -> None:
        ctx = DateContext(date(2026, 3, 10), 2026, 3, ((12, "2026-07-31"),))
        assert _dues(text, ctx) == dues


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN HUYỆN AN PHÚ
Số: 15/NQ-HĐND
An Phú, ngày 20 tháng 3 năm 2026
NGHỊ QUYẾT
Về kết quả giám sát công tác giải phóng mặt bằng
QUYẾT NGHỊ:
Điều 1. Đề nghị Ủy ban nhân dân huyện chỉ đạo Phòng Tài nguyên rà soát hồ sơ đền bù, báo cáo kết quả tại
Kỳ họp thứ Chín, HĐND huyện (dự kiến tổ chức vào tháng 7/2026).
Điều 2. Đề nghị Ban Quản lý dự án báo cáo tiến độ bàn giao mặt bằng tại Kỳ họp thứ Chín.
"""


def test_every_report_due_at_a_session_takes_the_month_the_resolution_gives_it_once() -> None:
    tasks: list[Task] = parse_dispatch(RESOLUTION, source=Source(name="t"),
                                       observances=load_catalog(REPO / "config" / "observances.yaml")).tasks
    got = {t.key: (t.kind, t.schedule.repeat, t.schedule.due) for t in tasks}
    assert got["1"] == ("report", "once", ["2026-07-31"])
    assert got["2"] == ("report", "once", ["2026-07-31"])


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Năm 2026 hoàn thành việc cấp giấy chứng nhận.", ["2026-12-31"]),
        ("Các xã rà soát hồ sơ. Năm 2027, hoàn thành việc cắm mốc.", ["2027-12-31"]),
        ("Năm 2026: hỗ trợ 1.033 hộ, kinh phí 20 tỷ đồng.", []),  # a year of a plan's split, no work to finish
    ],
    ids=["year-then-finish", "year-after-a-sentence", "a-plans-year"],
)
def test_a_year_written_before_the_work_it_finishes_is_its_deadline(text: str, dues: list[str]) -> None:
    assert _dues(text) == dues


def test_a_copy_sent_beside_the_work_is_no_report() -> None:
    from dondoc.parse.reports import is_obligation

    assert not is_obligation("Sở Y tế ban hành kế hoạch, đồng gửi Sở Nội vụ để theo dõi.")
    assert is_obligation("Sở Y tế gửi kế hoạch về Sở Nội vụ trước ngày 20/6/2026.")
