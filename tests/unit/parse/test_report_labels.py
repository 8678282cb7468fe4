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


def test_a_unit_that_is_itself_a_periodic_report_is_due_on_the_days_of_all_its_reports() -> None:
    from dondoc.observances import load_catalog
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source
    from tests.unit.parse.fixture_check import REPO

    text = ("PHÒNG GIÁO DỤC HUYỆN AN PHÚ\nSố: 12/PGD\nAn Phú, ngày 02 tháng 02 năm 2026\nKính gửi: Các trường\n"
            "1. Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12), các trường báo cáo kết quả về "
            "Phòng Giáo dục.\n")
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    got = {t.key: (t.schedule.repeat, t.schedule.due) for t in ts.tasks}
    # the unit carries every day it states (its first report's first), each report its own
    assert got == {"1": ("semiannual", ["--06-10", "--12-10"]), "1.R1": ("annual", ["--12-10"])}
