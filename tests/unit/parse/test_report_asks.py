"""A report asked for with "có báo cáo", with no recipient nor date written, is a report obligation; the same
words stating what was or was not done are none (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.report_asks import asked_report
from dondoc.parse.report_specs import find_reports
from dondoc.parse.reports import is_obligation

CTX = DateContext(issued=date(2026, 3, 2))


@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ đề nghị quý cơ quan khẩn trương có báo cáo về tiến độ xây dựng đề án.",
        "Ủy ban nhân dân tỉnh yêu cầu các huyện có báo cáo kết quả rà soát hộ nghèo.",
        "Đề nghị Trung tâm khẩn trương báo cáo việc sửa chữa trụ sở.",
    ],
    ids=["urgent-have-report", "required-have-report", "urgent-report"],
)
def test_a_requested_report_is_an_obligation_to_the_one_who_asks(text: str) -> None:
    assert is_obligation(text)
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(sp.repeat, sp.due) for sp in specs] == [("once", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Đến nay, Sở chưa có báo cáo về tình hình thực hiện nhiệm vụ nói trên.",
        "Tính đến tháng 9 mới có 12 xã có báo cáo kết quả kiểm tra.",
        "Sở Tài chính đề nghị bổ sung kinh phí. Đến nay đã có thêm 5 huyện có báo cáo.",
        "Đề nghị các đơn vị thực hiện, nhưng đến nay chưa có báo cáo về việc này.",
    ],
    ids=["not-yet-reported", "reported-so-far", "request-in-an-earlier-sentence", "negated"],
)
def test_having_reported_or_not_is_a_fact_not_a_request(text: str) -> None:
    assert not is_obligation(text)


def test_the_request_is_read_before_the_words_only() -> None:
    f = fold_keep_length("Yêu cầu các xã có báo cáo.")
    assert asked_report(f, f.index("bao cao"))
    assert not asked_report(f, f.index("xa"))

