"""A request that cites a document and then asks to send (convention 11), on texts of our own: the
"gửi" after "… Công văn số … ngày … và" is the subject's own next verb, not the cited document's
sending, and a copy "gửi X biết, theo dõi" is no recipient of the report."""

from __future__ import annotations

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.report_specs import find_reports


@pytest.mark.parametrize(
    ("text", "to"),
    [
        ("Giao Sở Y tế rà soát theo yêu cầu tại Công văn số 812/BYT-KCB ngày 02/3/2026 và gửi trực tiếp văn bản cho "
         "Bộ Y tế theo thời gian quy định; đồng thời gửi Ủy ban nhân dân tỉnh biết, theo dõi./.", "Bộ Y tế"),
        ("Đề nghị Sở Tư pháp nghiên cứu nội dung Công văn số 77/BTP-PLDSKT ngày 5/5/2026 và gửi ý kiến về Bộ Tư pháp "
         "trước ngày 20/5/2026, đồng thời gửi Văn phòng UBND tỉnh để biết.", "Bộ Tư pháp"),
        # the cited document's own sending stays a description: no report to its addressee
        ("Công văn số 1752/STC-QLNS ngày 12/3/2026 của Sở Tài chính về việc rà soát kinh phí gửi Ủy ban nhân dân tỉnh.", None),
    ],
)
def test_the_report_goes_to_whom_the_subject_sends_it(text: str, to: str | None) -> None:
    specs = find_reports(text, ctx=DateContext(year=2026), warnings=[])
    assert [sp.to for sp in specs] == ([to] if to else [])
