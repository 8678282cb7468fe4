"""A reporting regime whose units are reports with lettered field lines ("a) Cơ quan, đơn vị thực hiện: …",
"b) Nội dung báo cáo: …", "c) Thời gian báo cáo: …"): each unit is one report, with the cadence and day its
time line says; the field lines are no items (gold convention 12, issue 12)."""

from __future__ import annotations

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

REGIME = """SỞ Y TẾ TỈNH AN HÒA
Số: 45/QĐ-SYT
An Hòa, ngày 06 tháng 01 năm 2026
QUYẾT ĐỊNH
Quy định chế độ báo cáo công tác tiêm chủng
Điều 1. Báo cáo định kỳ
1. Báo cáo tháng
a) Cơ quan, đơn vị thực hiện: Trung tâm Y tế các huyện.
b) Nội dung báo cáo: số trẻ được tiêm, số mũi tiêm, các phản ứng sau tiêm.
c) Thời gian báo cáo: gửi Sở Y tế trước ngày 05 hằng tháng.
2. Báo cáo quý
a) Cơ quan, đơn vị thực hiện: Trung tâm Y tế các huyện.
b) Nội dung báo cáo: kết quả quý, khó khăn và kiến nghị.
c) Thời gian báo cáo: gửi Sở Y tế trước ngày 18 của tháng cuối quý.
3. Báo cáo 6 tháng
a) Cơ quan, đơn vị thực hiện: Bệnh viện đa khoa tỉnh.
b) Thời hạn gửi báo cáo: trước ngày 10 tháng 6 hằng năm.
4. Báo cáo năm
a) Cơ quan, đơn vị thực hiện: Bệnh viện đa khoa tỉnh, Trung tâm Y tế các huyện.
b) Thời gian báo cáo: trước ngày 30 tháng 11 hằng năm.
Điều 2. Báo cáo đột xuất
Trung tâm Y tế các huyện báo cáo theo nội dung yêu cầu của Giám đốc Sở Y tế.
"""


def test_each_unit_of_a_reporting_regime_is_one_report_with_the_cadence_and_day_of_its_time_line() -> None:
    ts = parse_dispatch(REGIME, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    got = {t.key: (t.schedule.repeat, t.schedule.due) for t in ts.tasks}
    assert got["1.1"] == ("monthly", ["---05"])
    assert got["1.2"] == ("quarterly", ["---18"])
    assert got["1.3"] == ("semiannual", ["--06-10"])  # "hằng năm" says the day recurs, no second report
    assert got["1.4"] == ("annual", ["--11-30"])
    assert got["2"] == ("ad_hoc", [])
    assert not [k for k in got if k.count(".") == 2]  # the a), b), c) field lines are no items
    assert [o.name for o in next(t for t in ts.tasks if t.key == "1.1").lead] == ["Trung tâm Y tế các huyện"]
