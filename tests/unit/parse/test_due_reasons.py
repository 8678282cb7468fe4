"""Why a unit's due is what it is (explain["schedule.due"]): every due the reading gives has a reason a
reviewer can read, also when the due is taken from a dated report asked for in one of the unit's bullets
(dondoc/parse/tasks.py). Invented texts."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source, Task

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\n\nSố: 21/KH-UBND\n\nTân Lập, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
        "Tổng vệ sinh môi trường năm 2026\n\nI. TỔ CHỨC THỰC HIỆN\n")


def tasks(body: str) -> dict[str, Task]:
    ts = parse_dispatch(HEAD + body, source=Source(name="t.txt"), observances=CATALOG)
    return {t.key: t for t in ts.tasks}


class TestDueReasons:
    def test_a_due_taken_from_a_dated_report_in_a_bullet_names_that_report(self) -> None:
        got = tasks("1. Công chức Địa chính - Xây dựng\n- Chủ trì kiểm tra các điểm tập kết rác.\n"
                    "- Tổng hợp, báo cáo UBND xã trước ngày 25/4/2026.\n")
        unit = got["I.1"]
        assert unit.schedule.due == ["2026-04-25"]
        assert unit.explain["schedule.due"] == "the due of its report I.1.R1 (2026-04-25)"

    def test_a_due_of_its_own_and_one_of_a_report_both_have_their_reason(self) -> None:
        got = tasks("1. Trưởng các thôn\n- Ra quân dọn vệ sinh xong trước ngày 10/4/2026.\n"
                    "- Báo cáo kết quả về UBND xã trước ngày 15/4/2026.\n")
        why = got["I.1"].explain["schedule.due"]
        assert '"trước ngày 10/4/2026"' in why and "(2026-04-15)" in why

    def test_every_dated_unit_says_why(self) -> None:
        got = tasks("1. Công an xã: bảo đảm an ninh trong ngày ra quân 05/4/2026.\n"
                    "2. Trạm Y tế xã: phun thuốc khử khuẩn, báo cáo UBND xã trước ngày 12/4/2026.\n")
        for t in got.values():
            if t.schedule.due:
                assert t.explain.get("schedule.due"), t.key
