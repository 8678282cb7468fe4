"""A day labelled with the report it is for ("… (đối với báo cáo năm)") goes to that report, whatever the
order the periods are named in; a period named twice without a day is one report (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.report_chains import labelled_period
from dondoc.parse.report_specs import find_reports

CTX = DateContext(issued=date(2026, 2, 2))


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("Mỗi quý và mỗi năm, các phòng gửi báo cáo thu chi về Sở Tài chính chậm nhất 10 ngày sau khi hết quý "
         "(đối với báo cáo quý) và trước ngày 31 tháng 3 hằng năm (đối với báo cáo năm).",
         [("quarterly", []), ("annual", ["--03-31"])]),
        ("Các trường báo cáo 6 tháng và cả năm về Phòng Giáo dục: trước ngày 20/6 đối với báo cáo 6 tháng, "
         "trước ngày 20/12 đối với báo cáo năm.",
         [("semiannual", ["--06-20"]), ("annual", ["--12-20"])]),
        ("Hằng năm và hằng quý, các xã báo cáo về Sở Nội vụ trước ngày 15/12 (đối với báo cáo năm) và trước "
         "ngày 15 của tháng cuối quý (đối với báo cáo quý).",
         [("annual", ["--12-15"]), ("quarterly", ["---15"])]),
    ],
    ids=["quarter-named-first", "six-months-then-year", "year-named-first"],
)
def test_each_labelled_day_goes_to_the_report_it_names(text: str, got: list[tuple[str, list[str]]]) -> None:
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(sp.repeat, sp.dues) for sp in specs] == got


@pytest.mark.parametrize(
    ("after", "repeat"),
    [(" (đối với báo cáo quý)", "quarterly"), (" hằng năm (đối với báo cáo năm)", "annual"),
     (", đối với báo cáo định kỳ hằng tháng", "monthly"), (" đối với báo cáo 6 tháng", "semiannual"),
     (" để tổng hợp", None), (" (trừ báo cáo năm)", None)],
    ids=["quarter", "year-after-hang-nam", "monthly", "six-months", "no-label", "an-exception-is-no-label"],
)
def test_the_label_after_a_day_names_its_report(after: str, repeat: str | None) -> None:
    f = fold_keep_length("trước ngày 30/4" + after)
    assert labelled_period(f, len("trước ngày 30/4")) == repeat
