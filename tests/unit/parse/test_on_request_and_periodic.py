"""A unit that asks for reports "đột xuất" and on a period at once takes the period's cadence and day; the
on-request report is a report of its own. The texts are invented for these tests."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

from tests.unit.parse.test_owner_structure import REPO

_PLAN = "KẾ HOẠCH\nPhòng, chống dịch bệnh trên cây trồng năm 2027\nI. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các huyện\n{body}\n"


@pytest.mark.parametrize(
    "body, repeat, due",
    [
        ("a) Thực hiện báo cáo đột xuất theo yêu cầu, báo cáo định kỳ hằng năm trước ngày 10 tháng 12 gửi Sở Nông "
         "nghiệp và Môi trường tổng hợp.", "annual", ["--12-10"]),
        ("a) Báo cáo đột xuất khi có yêu cầu và báo cáo định kỳ 6 tháng trước ngày 20/6 về Chi cục Trồng trọt.",
         "semiannual", ["--06-20"]),
        ("a) Báo cáo đột xuất về Sở Y tế khi có dịch bệnh xảy ra.", "ad_hoc", []),
    ],
    ids=["on-request-then-yearly", "on-request-then-six-monthly", "on-request-only"],
)
def test_the_unit_takes_the_periodic_report_when_one_is_asked_besides_on_request(
        body: str, repeat: str, due: list[str]) -> None:
    ts = parse_dispatch(_PLAN.format(body=body), source=Source(name="kh.txt"),
                        observances=load_catalog(REPO / "config" / "observances.yaml"))
    unit = next(t for t in ts.tasks if t.key == "I.1.a")
    assert (unit.schedule.repeat, unit.schedule.due) == (repeat, due)
    if repeat != "ad_hoc":
        assert any(t.key.startswith("I.1.a.R") and t.schedule.repeat == "ad_hoc" for t in ts.tasks)
