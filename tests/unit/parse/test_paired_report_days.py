"""Two cadences named together take the days written after them in their order, and a day joined to a
deadline by "và" shares its deadline word (dondoc/parse/report_specs.py, real_dates.py, reports.py).
Invented texts."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.report_specs import find_reports

CTX = DateContext(issued=date(2031, 4, 2))


@pytest.mark.parametrize(("text", "dues"), [
    ("Nộp báo cáo trước ngày 20/6 và 20/11.", ["--06-20", "--11-20"]),
    ("Nộp báo cáo trước ngày 20 tháng 6 và ngày 20 tháng 11.", ["--06-20", "--11-20"]),
    ("Hoàn thành trước ngày 30/6/2031 và 30/9/2031.", ["2031-06-30", "2031-09-30"]),
    ("Hoàn thành trước ngày 30/6 và 2 đợt kiểm tra.", ["--06-30"]),  # no day after "và"
    ("Theo Công văn số 12/UBND ngày 15/3 và 20/3.", []),  # no deadline word: days of letters
])
def test_day_joined_to_a_deadline(text: str, dues: list[str]) -> None:
    assert [d.due for d in find_deadlines(text, every_year=True, ctx=CTX, warnings=[])] == dues


@pytest.mark.parametrize("when", ["(trước ngày 20 tháng 6 và 20 tháng 11)", "trước ngày 20/6 và ngày 20/11"])
def test_cadences_take_the_days_in_their_order(when: str) -> None:
    text = f"Các huyện định kỳ 6 tháng, hằng năm gửi báo cáo kết quả về Sở Nội vụ {when} để tổng hợp."
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(s.repeat, s.due) for s in specs] == [("semiannual", "--06-20"), ("annual", "--11-20")]
    assert {s.to for s in specs} == {"Sở Nội vụ"}  # the bracket says when, not who


def test_a_bracket_that_names_a_unit_stays_in_the_recipient() -> None:
    specs = find_reports("Các xã báo cáo về Sở Nội vụ (Ban Thi đua) trước ngày 10/12 hằng năm.", ctx=CTX, warnings=[])
    assert specs[0].to == "Sở Nội vụ (Ban Thi đua)"


def test_a_day_after_a_list_of_periods_is_each_ones() -> None:
    text = ("Định kỳ hằng tháng, quý, 6 tháng và năm, các huyện báo cáo về Sở Xây dựng "
            "(trước ngày 18 của tháng cuối kỳ báo cáo).")
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(s.repeat, s.due) for s in specs] == [
        ("monthly", "---18"), ("quarterly", "---18"), ("semiannual", "---18"), ("annual", "---18")]


def test_the_year_named_last_in_a_list_before_the_verb() -> None:
    specs = find_reports("Các sở thực hiện báo cáo quý và năm báo cáo về Sở Tài chính.", ctx=CTX, warnings=[])
    assert [s.repeat for s in specs] == ["quarterly", "annual"]
