"""A prose paragraph that only sets the time for what the paragraph before asks ("Các đơn vị thực hiện trước ngày
…", "Thời gian hoàn thành: chậm nhất ngày …") is that request's due, not a request of its own. Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

_HEAD = ("PHÒNG NÔNG NGHIỆP HUYỆN AN PHÚ\nSố: 77/PNN\nV/v rà soát diện tích lúa bị ngập\nAn Phú, ngày 02 tháng 10 năm 2029\n"
         "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n\n")
_ASKED = "Đề nghị Ủy ban nhân dân các xã, thị trấn rà soát diện tích lúa bị ngập úng trên địa bàn, lập danh sách hộ bị thiệt hại.\n\n"


def _tasks(text: str) -> list[tuple[str, list[str]]]:
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return [(t.key, list(t.schedule.due)) for t in ts.tasks if t.kind != "report"]


@pytest.mark.parametrize(
    "time_line",
    ["Các đơn vị thực hiện trước ngày 15/10/2029.", "Các xã, thị trấn hoàn thành trước ngày 15/10/2029.",
     "Hoàn thành trước ngày 15/10/2029."],
    ids=["units-do-it-by", "places-finish-by", "finish-by"],
)
def test_the_time_line_is_the_due_of_the_request_before(time_line: str) -> None:
    assert _tasks(_HEAD + _ASKED + time_line + "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n") == [("-", ["2029-10-15"])]


def test_a_dated_request_keeps_a_later_request_apart() -> None:
    text = (_HEAD + "Đề nghị Ủy ban nhân dân các xã, thị trấn rà soát diện tích lúa bị ngập úng trước ngày 10/10/2029.\n\n"
            "Các đơn vị thực hiện trước ngày 15/10/2029.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    assert len(_tasks(text)) == 2
