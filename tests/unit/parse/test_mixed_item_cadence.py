"""A mixed item takes the reporting cadence (convention 6): work with no cadence of its own whose one report is sent
once ("chủ động thực hiện … và báo cáo Bộ X") is done once; work said to go on, or to follow others up, keeps its own.
Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

_HEAD = ("ỦY BAN NHÂN DÂN TỈNH BẮC SƠN\nSố: 512/UBND-KT\nV/v khảo sát hạ tầng chợ nông thôn\nBắc Sơn, ngày 04 tháng 3 năm 2032\n"
         "Kính gửi: Sở Công Thương.\n\n")


def _item_repeat(body: str) -> str:
    ts = parse_dispatch(_HEAD + body + "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", source=Source(name="t"),
                        observances=load_catalog(REPO / "config" / "observances.yaml"))
    return next(t.schedule.repeat for t in ts.tasks if t.kind != "report")


@pytest.mark.parametrize(
    "body, repeat",
    [
        ("Giao Sở Công Thương chủ trì, phối hợp với UBND các huyện chủ động thực hiện các nội dung khảo sát và trực tiếp "
         "báo cáo Bộ Công Thương theo hướng dẫn tại Công văn trên.", "once"),
        ("Giao Sở Công Thương thường xuyên kiểm tra hạ tầng các chợ nông thôn và báo cáo Bộ Công Thương.", "continuous"),
        ("Giao Sở Công Thương theo dõi, đôn đốc các huyện cải tạo chợ nông thôn và báo cáo Bộ Công Thương.", "continuous"),
    ],
    ids=["proactive-then-report", "said-to-go-on", "follows-up"],
)
def test_a_mixed_item_takes_its_one_report_s_cadence(body: str, repeat: str) -> None:
    assert _item_repeat(body) == repeat
