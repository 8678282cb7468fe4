"""A year a level is to be reached ("đến năm 2030 đạt mục tiêu …", "tới năm 2026 tỷ lệ bao phủ đạt trên 95%") is a
target, not a due; the year work is to be finished by still is. The texts are invented for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext, find_deadlines

_CTX = DateContext(date(2026, 5, 13), 2026, 5)


def _dues(text: str) -> list[str]:
    return [d.due for d in find_deadlines(text, every_year=False, ctx=_CTX, warnings=[]) if d.due]


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Mở rộng diện bao phủ, đến năm 2030 đạt mục tiêu bảo hiểm y tế toàn dân.", []),
        ("Phấn đấu tới năm 2027 tỷ lệ người dân tham gia đạt trên 95%.", []),
        ("Hoàn thành việc rà soát đến năm 2027.", ["2027-12-31"]),
        ("Sở Y tế hoàn thành đề án trước năm 2027, đạt yêu cầu của Bộ.", ["2027-12-31"]),
    ],
    ids=["reached-goal", "reached-rate", "finished-by-year", "before-a-year-then-dat"],
)
def test_a_year_to_reach_a_level_is_no_due(text: str, dues: list[str]) -> None:
    assert _dues(text) == dues
