"""Level-triggered planning: which rung is due, once, and the four buckets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.schedule.plan import Candidate, LadderConfig, OccurrenceView, bucket, latest_rung, plan

DUE = date(2025, 6, 16)
CFG = LadderConfig()


def occ(kind: str = "report", due: date = DUE, status: str = "open", **kw) -> OccurrenceView:  # type: ignore[no-untyped-def]
    return OccurrenceView(id=1, kind=kind, org_code="ca-tinh", effective_due=due, status=status, **kw)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2025, 6, 1), None),  # before the first rung (14 days)
        (date(2025, 6, 2), 14),
        (date(2025, 6, 8), 14),
        (date(2025, 6, 9), 7),
        (date(2025, 6, 13), 3),
        (date(2025, 6, 15), 1),
        (date(2025, 6, 16), 0),
        (date(2025, 6, 17), None),  # passed: overdue takes over, no more reminders
    ],
    ids=lambda v: str(v),
)
def test_the_latest_rung_reached_is_the_one_planned(as_of: date, expected: int | None) -> None:
    assert latest_rung(DUE, CFG.report, as_of) == expected


class TestPlan:
    def test_after_three_days_of_downtime_only_the_latest_rung_is_a_candidate(self) -> None:
        got = plan([occ()], as_of=date(2025, 6, 13), cfg=CFG)
        assert got == [Candidate(1, "reminder", "ca-tinh", 3, "reminder:1:3")]

    def test_a_submitted_report_gets_nothing(self) -> None:
        assert plan([occ(status="submitted")], as_of=date(2025, 6, 20), cfg=CFG) == []

    def test_an_open_report_past_its_date_is_overdue_then_escalated(self) -> None:
        assert [c.kind for c in plan([occ()], as_of=date(2025, 6, 17), cfg=CFG)] == ["overdue"]
        kinds = [c.kind for c in plan([occ()], as_of=date(2025, 6, 19), cfg=CFG)]
        assert kinds == ["overdue", "escalation"]

    def test_an_action_is_reminded_but_never_escalated(self) -> None:
        assert plan([occ(kind="action")], as_of=date(2025, 6, 30), cfg=CFG) == []
        assert [c.rung for c in plan([occ(kind="action")], as_of=date(2025, 6, 10), cfg=CFG)] == [7]

    def test_an_observance_that_has_passed_is_not_announced(self) -> None:
        assert plan([occ(kind="event", due=date(2025, 8, 19))], as_of=date(2025, 8, 20), cfg=CFG) == []

    def test_an_observance_with_a_preparation_window_is_announced_when_it_opens(self) -> None:
        o = occ(kind="event", due=date(2025, 8, 19), prepare_from=date(2025, 7, 1))
        got = plan([o], as_of=date(2025, 7, 1), cfg=CFG)
        assert [(c.kind, c.rung) for c in got] == [("observance", 49)]

    def test_a_per_observance_ladder_overrides_the_default(self) -> None:
        o = occ(kind="event", due=date(2025, 11, 18), ladder=(60,))
        assert [c.rung for c in plan([o], as_of=date(2025, 9, 20), cfg=CFG)] == [60]


@given(due=st.dates(date(2019, 1, 1), date(2030, 12, 31)), days=st.lists(st.integers(0, 60), min_size=1, max_size=6))
def test_a_daily_replay_plans_each_rung_at_most_once_and_never_after_the_date(due: date, days: list[int]) -> None:
    seen: list[str] = []
    for i in range(-70, 10):
        day = due + timedelta(days=i)
        for c in plan([occ(kind="action", due=due)], as_of=day, cfg=LadderConfig(action=tuple(days))):
            if c.dedupe_key not in seen:
                seen.append(c.dedupe_key)
                assert day <= due
    assert len(seen) == len(set(days))


@pytest.mark.parametrize(
    ("status", "submitted", "as_of", "expected"),
    [
        ("submitted", date(2025, 6, 16), date(2025, 7, 1), "on_time"),
        ("submitted", date(2025, 6, 17), date(2025, 7, 1), "late"),
        ("open", None, date(2025, 6, 16), "open"),
        ("open", None, date(2025, 6, 17), "overdue"),
        ("cancelled", None, date(2025, 6, 17), None),
    ],
    ids=["on-time", "late", "open-on-the-day", "overdue", "cancelled"],
)
def test_the_four_buckets_of_task_statistics(status, submitted, as_of, expected) -> None:  # type: ignore[no-untyped-def]
    assert bucket(effective_due=DUE, status=status, submitted_at=submitted, as_of=as_of) == expected


@pytest.mark.parametrize(
    ("utc", "expected"),
    [("2025-06-14T17:30:00+00:00", date(2025, 6, 15)), ("2025-06-14T16:59:59+00:00", date(2025, 6, 14))],
    ids=["00:30-local-is-already-tomorrow", "23:59-local-is-still-today"],
)
def test_the_commands_today_is_the_local_date_in_ho_chi_minh(utc: str, expected: date) -> None:
    from datetime import datetime

    from dondoc.app.steps import local_today
    from dondoc.settings import Settings

    assert local_today(Settings(), datetime.fromisoformat(utc)) == expected
