""""Xây dựng báo cáo …" is a study to write, a deliverable, not a reporting obligation; a "gửi X" after it still
sends it. The texts are invented for these tests."""

from __future__ import annotations

import datetime

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.report_specs import find_reports

_CTX = DateContext(datetime.date(2027, 3, 2), 2027, 3, ())


@pytest.mark.parametrize(
    "text, reports",
    [
        ("Nghiên cứu, xây dựng báo cáo đề xuất mô hình hợp tác công tư cho các hợp tác xã.", []),
        ("Tổ chức xây dựng báo cáo hằng năm về xu hướng thị trường lao động.", []),
        ("Xây dựng báo cáo đánh giá tác động, gửi Sở Tư pháp trước ngày 15/5/2027.", [("once", "Sở Tư pháp", "2027-05-15")]),
        ("Xây dựng báo cáo kết quả gửi về UBND tỉnh trước ngày 10/12 hằng năm.", [("annual", "UBND tỉnh", "--12-10")]),
        # "Sở Xây dựng" is a name, its "báo cáo UBND tỉnh" a report
        ("Sở Xây dựng báo cáo UBND tỉnh kết quả rà soát trước ngày 20/7/2027.", [("once", "UBND tỉnh", "2027-07-20")]),
    ],
    ids=["study", "yearly-study", "sent-once", "sent-yearly", "so-xay-dung"],
)
def test_a_report_to_write_is_no_report_to_send(text: str, reports: list[tuple[str, str, str]]) -> None:
    assert [(s.repeat, s.to, s.due) for s in find_reports(text, ctx=_CTX, warnings=[])] == reports
