"""Level-triggered planning: which rung is due, once, and the four buckets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.schedule.buckets import bucket
from dondoc.schedule.plan import Candidate, LadderConfig, OccurrenceView, latest_rung, plan

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

    def test_an_open_report_past_its_date_is_overdue_then_escalated_one_rung_at_a_time(self) -> None:
        # due Monday 16/6: rung 1 on Tuesday 17/6 (the owner's coordinator), rung 3 on Thursday 19/6 (its head)
        assert [(c.kind, c.to) for c in plan([occ()], as_of=date(2025, 6, 17), cfg=CFG)] == [
            ("overdue", "owner_coordinator")]
        assert [(c.kind, c.to, c.dedupe_key) for c in plan([occ()], as_of=date(2025, 6, 19), cfg=CFG)] == [
            ("escalation", "owner_head", "escalation:1:3:owner_head")]

    def test_an_action_is_reminded_and_chased_up_the_ladder_like_a_report(self) -> None:
        assert [c.rung for c in plan([occ(kind="action")], as_of=date(2025, 6, 10), cfg=CFG)] == [7]
        assert [(c.kind, c.to) for c in plan([occ(kind="action")], as_of=date(2025, 6, 30), cfg=CFG)] == [
            ("escalation", "issuer_office")]

    def test_an_observance_is_never_chased(self) -> None:
        assert plan([occ(kind="event")], as_of=date(2025, 7, 30), cfg=CFG) == []

    def test_an_extension_moves_reminders_and_the_ladder_to_the_new_date_under_new_keys(self) -> None:
        extended = occ(extended_due=date(2025, 6, 30))
        assert [c.kind for c in plan([extended], as_of=date(2025, 6, 17), cfg=CFG)] == ["reminder"]
        [c] = plan([extended], as_of=date(2025, 6, 23), cfg=CFG)
        assert (c.kind, c.rung, c.dedupe_key) == ("reminder", 7, "reminder:1@2025-06-30:7")
        [c] = plan([extended], as_of=date(2025, 7, 1), cfg=CFG)
        assert (c.kind, c.dedupe_key) == ("overdue", "overdue:1@2025-06-30:1:owner_coordinator")

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
                assert (day <= due) == (c.kind == "reminder")  # reminders up to the date, the ladder after it
    assert len([k for k in seen if k.startswith("reminder")]) == len(set(days))


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


def test_an_observance_has_no_bucket() -> None:
    assert bucket(effective_due=DUE, status="open", submitted_at=None, as_of=date(2025, 7, 1), kind="event") is None


@pytest.mark.parametrize(
    ("submitted", "against", "expected"),
    [(date(2025, 6, 20), "extended", "on_time"), (date(2025, 6, 20), "original", "late"),
     (date(2025, 7, 2), "extended", "late"), (None, "extended", "open"), (None, "original", "overdue")],
    ids=["after-the-original-within-the-extension", "the-same-judged-on-the-original", "after-both",
         "open-within-the-extension", "open-past-the-original"],
)
def test_the_board_judges_on_time_against_the_extended_or_the_original_deadline(submitted, against, expected) -> None:  # type: ignore[no-untyped-def]
    from dondoc.schedule.buckets import board_bucket

    got = board_bucket(kind="report", effective_due=DUE, extended_due=date(2025, 6, 30), as_of=date(2025, 6, 25)
                       if submitted is None else date(2025, 7, 10), status="submitted" if submitted else "open",
                       submitted_at=submitted, against=against)
    assert got == expected


@pytest.mark.parametrize(
    ("on_time", "late", "overdue", "expected"),
    [(0, 0, 3, 0.0), (1, 1, 2, 0.25), (2, 0, 0, 1.0), (0, 0, 0, None)],
    ids=["never-reports-is-zero", "late-and-overdue-count-against", "all-on-time", "nothing-due-yet"],
)
def test_the_on_time_rate_counts_the_overdue_in_its_denominator(on_time, late, overdue, expected) -> None:  # type: ignore[no-untyped-def]
    from dondoc.schedule.buckets import on_time_rate

    assert on_time_rate(on_time=on_time, late=late, overdue=overdue) == expected


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
