"""Shapes of reporting obligations met in real dispatches nobody here wrote (issue 12): heads that only
introduce their reports, cited reports, data periods, deadline-only paragraphs."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.reports import is_obligation
from dondoc.taskset import Source, Task
from tests.unit.parse.fixture_check import REPO


def _read(text: str) -> list[Task]:
    return parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml")).tasks


REPORT_CALENDAR = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH AN HÒA
Số: 310/SNNMT-VP
An Hòa, ngày 02 tháng 3 năm 2026
V/v thời hạn gửi báo cáo định kỳ
Kính gửi: Các phòng, đơn vị thuộc Sở
1. Các phòng, đơn vị thuộc Sở gửi báo cáo định kỳ về Văn phòng Sở:
- Trước ngày 12 (mười hai) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;
- Chậm nhất ngày 10 (mười) của tháng cuối quý đối với báo cáo định kỳ hằng quý;
- Chậm nhất ngày 20 (hai mươi) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.
2. Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 15 hằng tháng.
"""


def test_a_head_that_introduces_its_reports_gives_their_recipient_and_each_bullet_its_cadence_and_day() -> None:
    got = {t.key: (t.kind, t.schedule.repeat, t.schedule.due, t.report_to) for t in _read(REPORT_CALENDAR)}
    assert got["1.R1"] == ("report", "monthly", ["---12"], "Văn phòng Sở")
    assert got["1.R2"] == ("report", "quarterly", ["---10"], "Văn phòng Sở")
    assert got["1.R3"] == ("report", "annual", ["--11-20"], "Văn phòng Sở")
    assert "1.R4" not in got  # the head itself is no dateless report of its own
    assert got["1"][:2] == ("action", "monthly")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Sở Nội vụ đã nhận được Báo cáo số 41/BC-UBND ngày 03/3/2026 của UBND huyện về kết quả tuyển dụng.", False),
        ("Đề nghị các phòng rà soát chênh lệch giữa Báo cáo và dự thảo Kế hoạch trước khi trình ngày 20/3/2026.", False),
        ("Báo cáo số 12/BC-STC ngày 01/3/2026 nêu rõ những khó khăn của các xã.", False),
        ("Báo cáo kết quả về Sở Nội vụ trước ngày 20/3/2026.", True),
        ("c) Báo cáo nhanh tình hình về UBND tỉnh trước 16 giờ hằng ngày.", True),
        ("Các xã hoàn thành rà soát; Báo cáo kết quả về UBND huyện trước ngày 25/3/2026.", True),
    ],
    ids=["received-report-by-number", "capital-inside-a-sentence", "cited-at-the-start", "verb-at-the-start",
         "verb-after-a-label", "verb-after-a-semicolon"],
)
def test_a_report_named_by_its_number_or_its_capital_inside_a_sentence_is_a_document_not_a_request(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks
