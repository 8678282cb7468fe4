"""A day written "of the year before" ("trước ngày 20 tháng 6 năm trước": the estimate for a year is due in the
one before it) comes back every year, and a report due on it is a yearly one (issue 12). Invented texts."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.report_specs import find_reports

CTX = DateContext(issued=date(2026, 3, 2))


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Các trạm lập kế hoạch bảo dưỡng gửi Công ty trước ngày 15 tháng 7 năm trước.", ["--07-15"]),
        ("Dự toán gửi Sở Tài chính chậm nhất ngày 30/6 của năm trước năm kế hoạch.", ["--06-30"]),
        ("Nộp hồ sơ trước ngày 15 tháng 7 năm 2026.", ["2026-07-15"]),
        ("Nộp hồ sơ trước ngày 15 tháng 7.", ["2026-07-15"]),
    ],
    ids=["year-before", "of-the-year-before", "dated", "this-year"],
)
def test_a_day_of_the_year_before_comes_every_year(text: str, dues: list[str]) -> None:
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=CTX, warnings=[])] == dues


def test_a_report_due_on_a_day_of_every_year_is_yearly() -> None:
    text = "Các trạm lập dự toán kinh phí, gửi Công ty trước ngày 15 tháng 7 năm trước."
    assert [(sp.repeat, sp.dues) for sp in find_reports(text, ctx=CTX, warnings=[])] == [("annual", ["--07-15"])]
