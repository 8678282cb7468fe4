"""A notice's preamble that sets the few dated days for all its items (convention 28): the items that say
nothing of how often are done within them, once; an item that says its work goes on stays ongoing."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

_HEAD = "ỦY BAN NHÂN DÂN XÃ BÌNH MINH\nSố: 33/TB-UBND\nBình Minh, ngày 20 tháng 4 năm 2026\nTHÔNG BÁO\nVề việc treo cờ\n"
_ITEMS = ("1. Đài truyền thanh xã thường xuyên phát thông báo này.\n"
          "2. Các cơ quan, trường học trên địa bàn xã treo cờ Tổ quốc tại trụ sở.\n"
          "3. Trưởng các thôn vận động các hộ gia đình treo cờ.\n")


def _repeats(text: str) -> dict[str, str]:
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return {t.key: t.schedule.repeat for t in ts.tasks}


def test_items_within_the_days_the_preamble_sets_are_done_once() -> None:
    text = _HEAD + "Thời gian treo cờ: Từ ngày 28/4/2026 đến hết ngày 02/5/2026.\n" + _ITEMS
    assert _repeats(text) == {"1": "continuous", "2": "once", "3": "once"}


def test_without_such_days_the_items_stay_as_their_words_say() -> None:
    assert _repeats(_HEAD + _ITEMS)["3"] == "continuous"
