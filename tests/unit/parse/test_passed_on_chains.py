"""An undated chain of reports, each step sent on by the body the step before went to ("xã … báo cáo UBND
huyện; UBND huyện … báo cáo UBND tỉnh"), is one report per step (gold convention 5); two undated reports by
unrelated senders are no chain (issue 12). Invented texts."""

from __future__ import annotations

from datetime import date

from dondoc.parse.dates import DateContext
from dondoc.parse.report_specs import find_reports

CTX = DateContext(issued=date(2026, 3, 2))


def test_each_step_of_a_chain_passed_on_is_a_report() -> None:
    text = ("Ủy ban nhân dân cấp xã kiểm đếm số giếng bị nhiễm mặn, báo cáo Ủy ban nhân dân cấp huyện; "
            "Ủy ban nhân dân cấp huyện tổng hợp, thẩm tra số liệu, báo cáo Sở Nông nghiệp để lập phương án.")
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(sp.repeat, sp.due, sp.to) for sp in specs] == [
        ("once", None, "Ủy ban nhân dân cấp huyện"), ("once", None, "Sở Nông nghiệp")]
    assert specs[1].by == ["Ủy ban nhân dân cấp huyện"]


def test_two_undated_reports_of_unrelated_senders_are_no_chain() -> None:
    text = ("Trường học kiểm tra phòng cháy, báo cáo Phòng Giáo dục; "
            "Trạm y tế rà soát thuốc dự trữ, báo cáo Ủy ban nhân dân xã.")
    assert len(find_reports(text, ctx=CTX, warnings=[])) == 1
