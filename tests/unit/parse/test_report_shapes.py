"""Shapes of reporting obligations met in real dispatches nobody here wrote (issue 12): heads that only
introduce their reports, cited reports, data periods, deadline-only paragraphs."""

from __future__ import annotations

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
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
