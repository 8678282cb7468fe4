"""Weekly tasks where people read them: the overdue board, and `dondoc eval` against a weekly gold reading."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.app.board import board_markdown
from dondoc.evaluate import gold_due, score
from dondoc.taskset import Schedule, Task, TaskSet


def test_the_overdue_list_names_a_week_in_words() -> None:
    row = {"org_name": "Công an tỉnh", "dispatch": "215/UBND-NC", "key": "1", "title": "Báo cáo an ninh trật tự",
           "period": "2026-W05", "effective_due": date(2026, 1, 29), "days_late": 3}
    assert "| tuần 5/2026 (từ 26/01/2026 đến 01/02/2026) | 29/01/2026 | 3 |" in board_markdown([row], date(2026, 2, 1))


@pytest.mark.parametrize(("written", "due"), [("thứ Năm", "T5"), ("thứ 5", "T5"), ("T5", "T5"), ("Thứ Hai", "T2"),
                                              ("thứ Bảy", "T7"), ("Chủ nhật", "CN"), ("CN", "CN"), ("15/06", "--06-15")],
                         ids=str)
def test_a_gold_reading_may_write_a_weekday_in_words(written: str, due: str) -> None:
    assert gold_due(written) == due


def test_a_weekly_item_scores_its_cadence_and_its_weekday() -> None:
    gold = {"items": [{"key": "1", "owners_lead": ["Công an tỉnh"], "due": ["thứ Năm"], "periodicity": "weekly"}]}
    ts = TaskSet(tasks=[Task(key="1", lead=[{"name": "Công an tỉnh"}],  # type: ignore[list-item]
                             schedule=Schedule(repeat="weekly", due=["T5"]))])
    s = score(gold, ts, "x")
    assert (s.cadence, s.counts["due"].f1) == (1.0, 1.0)
