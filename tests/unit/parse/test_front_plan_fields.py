"""Plans of mass organisations and Party committees: field lines that name a person by post after "Đồng chí",
an expected month as the time, spans of periods as windows, and a firm deadline said after an expected day."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.fieldlines import value_owners
from dondoc.parse.tables import when_phrase

CTX = DateContext(date(2026, 2, 10), 2026, 2)


def dues(text: str) -> list[str | None]:
    return [d.due for d in find_deadlines(text, every_year=False, ctx=CTX, warnings=[])]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Đồng chí Phó Chủ tịch Thường trực, phụ trách công tác tuyên giáo", ["Phó Chủ tịch Thường trực"]),
        ("đồng chí Trưởng Ban Tổ chức Huyện ủy", ["Trưởng Ban Tổ chức Huyện ủy"]),
        ("Đ/c Bí thư Đoàn xã.", ["Bí thư Đoàn xã"]),
        ("Các đồng chí Phó Chủ tịch Hội Nông dân xã", ["Phó Chủ tịch Hội Nông dân xã"]),
        ("Ban Thường vụ Huyện đoàn", ["Ban Thường vụ Huyện đoàn"]),
    ],
    ids=["dong-chi-post-then-portfolio", "lower-case-address", "d-c", "cac-dong-chi", "no-address"],
)
def test_a_field_value_names_the_post_after_the_address(value: str, expected: list[str]) -> None:
    assert value_owners(value)[0] == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("Dự kiến tháng 5/2026 (sau khi có hướng dẫn của cấp trên)", ["2026-05-31"]),
        ("ngày Tháng 6/2026", ["2026-06-30"]),
        ("Quý III/2026", ["2026-09-30"]),
    ],
    ids=["expected-month", "blank-day-before-month", "quarter"],
)
def test_a_time_field_with_an_expected_month_is_due_at_its_end(when: str, expected: list[str]) -> None:
    assert dues(when_phrase(when)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Thời gian thực hiện: Từ tháng 3/2026 đến quý III/2026.", []),
        ("- Thời gian hoàn thành: tháng 4/2026 đến tháng 9/2026;", []),
        ("Tổ chức các đợt ra quân từ quý II/2026 đến quý IV/2026.", []),
        ("- Thời gian thực hiện: tháng 5/2026.", ["2026-05-31"]),
        ("- Thời gian hoàn thành: Quý II/2026 và Quý III/2026.", ["2026-06-30", "2026-09-30"]),
        ("Từ tháng 3/2026 đến tháng 6/2026 tổ chức tuyên truyền; báo cáo kết quả trước ngày 15/7/2026.", ["2026-07-15"]),
    ],
    ids=["month-to-quarter", "labelled-span-without-tu", "quarter-to-quarter", "one-month", "two-quarters",
         "window-then-report"],
)
def test_a_span_of_periods_is_a_window_with_no_deadline(text: str, expected: list[str]) -> None:
    assert dues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Thời gian: Dự kiến ngày 12/3/2026 (chậm nhất ngày 20/3/2026).", ["2026-03-20"]),
        ("Hội nghị dự kiến tổ chức vào ngày 12/3/2026.", []),
        ("Dự kiến kết nạp 50 đoàn viên trong năm 2026.", []),
    ],
    ids=["firm-day-after-expected-day", "expected-day-alone", "expected-target"],
)
def test_a_firm_deadline_after_an_expected_day_is_the_due(text: str, expected: list[str]) -> None:
    assert dues(text) == expected
