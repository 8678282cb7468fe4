"""The escalation ladder, the acknowledgement reminder and the cascade deadline: pure rules, exhausted."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.errors import ConfigError
from dondoc.escalation import load_escalation, parse_escalation
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.ladder import (
    DEFAULT_LADDER,
    Rung,
    ack_reminder_day,
    ack_reminder_due,
    days_late,
    rung_day,
    rungs_reached,
)
from dondoc.schedule.periods import internal_deadline

D = date
CONFIG = Path(__file__).resolve().parents[3] / "config"
DAYS = st.dates(D(2020, 1, 1), D(2030, 12, 31))


class TestRungDays:
    @pytest.mark.parametrize(
        ("due", "days", "expected"),
        [(D(2025, 6, 16), 1, D(2025, 6, 17)),  # Monday → Tuesday
         (D(2025, 6, 16), 5, D(2025, 6, 23)),  # a week of working days → next Monday
         (D(2025, 6, 20), 1, D(2025, 6, 23)),  # Friday → Monday, the weekend skipped
         (D(2025, 8, 29), 1, D(2025, 9, 3)),  # Friday before Quốc khánh (1–2/9/2025) → Wednesday
         (D(2025, 4, 29), 1, D(2025, 5, 5)),  # 30/4, 1/5 and the swapped 2/5 off → Monday 5/5
         (D(2026, 2, 13), 1, D(2026, 2, 23)),  # the Friday before Tết 2026 → the Monday after the break
         (D(2025, 6, 16), 10, D(2025, 6, 30))],
        ids=lambda v: str(v),
    )
    def test_a_rung_is_reached_on_the_nth_working_day_after_the_deadline(self, cal: WorkCalendar, due, days, expected):  # type: ignore[no-untyped-def]
        assert rung_day(due, days, cal) == expected


class TestRungsReached:
    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [(D(2025, 6, 15), ()),
         (D(2025, 6, 16), ()),  # the deadline itself: nothing yet
         (D(2025, 6, 17), (Rung(1, "owner_coordinator"),)),
         (D(2025, 6, 18), (Rung(1, "owner_coordinator"),)),
         (D(2025, 6, 19), (Rung(3, "owner_head"),)),
         (D(2025, 6, 22), (Rung(3, "owner_head"),)),  # a Sunday counts for nothing
         (D(2025, 6, 23), (Rung(5, "parent_head"),)),
         (D(2025, 6, 30), (Rung(10, "issuer_office"),)),
         (D(2026, 6, 30), (Rung(10, "issuer_office"),))],
        ids=lambda v: str(v),
    )
    def test_only_the_latest_rung_reached_is_returned(self, cal: WorkCalendar, as_of, expected):  # type: ignore[no-untyped-def]
        assert rungs_reached(D(2025, 6, 16), DEFAULT_LADDER, as_of, cal) == expected

    def test_two_recipients_on_the_same_day_count_are_both_reached(self, cal: WorkCalendar) -> None:
        ladder = (Rung(2, "owner_head"), Rung(2, "parent_head"), Rung(4, "issuer_office"))
        assert rungs_reached(D(2025, 6, 16), ladder, D(2025, 6, 18), cal) == (Rung(2, "owner_head"), Rung(2, "parent_head"))

    @settings(max_examples=200, deadline=None)
    @given(due=DAYS, days=st.lists(st.integers(1, 25), min_size=1, max_size=5, unique=True),
           gaps=st.lists(st.integers(1, 9), min_size=1, max_size=12))
    def test_a_replay_with_outages_reaches_each_rung_at_most_once_climbing_and_only_after_its_day(
            self, cal: WorkCalendar, due: date, days: list[int], gaps: list[int]) -> None:
        ladder = tuple(Rung(d, "owner_head") for d in days)
        day, seen = due - timedelta(days=3), []
        for gap in gaps:
            day += timedelta(days=gap)
            for r in rungs_reached(due, ladder, day, cal):
                assert rung_day(due, r.days, cal) <= day and day > due
                assert all(later.days <= r.days or rung_day(due, later.days, cal) > day for later in ladder)
                if r not in seen:
                    seen.append(r)
        assert [r.days for r in seen] == sorted(r.days for r in seen)  # the ladder only climbs

    @settings(max_examples=200, deadline=None)
    @given(due=DAYS, days=st.integers(1, 30))
    def test_a_rung_day_is_a_working_day_with_exactly_n_working_days_after_the_deadline(self, cal: WorkCalendar,
                                                                                        due: date, days: int) -> None:
        reached = rung_day(due, days, cal)
        assert cal.is_working_day(reached)
        assert cal.working_days_between(due, reached) == days
        assert days_late(due, reached) == (reached - due).days > 0


class TestAcknowledgementReminder:
    @pytest.mark.parametrize(
        ("received", "after", "expected"),
        [(D(2025, 6, 12), 2, D(2025, 6, 16)),  # Thursday → Monday
         (D(2025, 6, 14), 2, D(2025, 6, 17)),  # received on a Saturday: Monday is day 1
         (D(2026, 2, 12), 2, D(2026, 2, 23)),  # Tết 2026: Friday 13/2, then Monday 23/2
         (D(2025, 6, 16), 1, D(2025, 6, 17))],
        ids=lambda v: str(v),
    )
    def test_the_coordinator_is_asked_n_working_days_after_receipt(self, cal: WorkCalendar, received, after, expected):  # type: ignore[no-untyped-def]
        assert ack_reminder_day(received, after, cal) == expected
        assert not ack_reminder_due(received, after, expected - timedelta(days=1), cal)
        assert ack_reminder_due(received, after, expected, cal) and ack_reminder_due(received, after, expected + timedelta(days=9), cal)


class TestCascadeDeadline:
    @pytest.mark.parametrize(
        ("upper", "n", "expected"),
        [(D(2025, 3, 20), 3, D(2025, 3, 17)),  # "văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 17/03/2025"
         (D(2025, 6, 15), 3, D(2025, 6, 11)),  # a Sunday deadline: the same as from its effective Monday
         (D(2025, 6, 16), 3, D(2025, 6, 11)),
         (D(2025, 5, 5), 2, D(2025, 4, 28)),  # back over 30/4, 1/5 and the swapped 2/5
         (D(2026, 2, 24), 3, D(2026, 2, 12)),  # back over Tết 2026
         (D(2025, 3, 20), 0, D(2025, 3, 20))],
        ids=lambda v: str(v),
    )
    def test_a_sub_units_deadline_is_n_working_days_before_the_consolidators(self, cal: WorkCalendar, upper, n, expected):  # type: ignore[no-untyped-def]
        assert internal_deadline(upper, working_days=n, cal=cal) == expected

    @settings(max_examples=300, deadline=None)
    @given(upper=DAYS, n=st.integers(1, 10))
    def test_counted_once_shifted_never(self, cal: WorkCalendar, upper: date, n: int) -> None:
        inner = internal_deadline(upper, working_days=n, cal=cal)
        effective_upper = cal.effective_due(upper)
        assert cal.is_working_day(inner) and cal.effective_due(inner) == inner  # Điều 148 has nothing to move
        assert internal_deadline(effective_upper, working_days=n, cal=cal) == inner  # stated or effective: same
        assert cal.working_days_between(inner, effective_upper) == n  # exactly n working days between
        assert inner < upper or (inner < effective_upper)


class TestLadderFile:
    def test_the_shipped_file_is_the_default_ladder(self) -> None:
        cfg = load_escalation(CONFIG / "escalation.yaml")
        assert cfg.ladder == DEFAULT_LADDER and cfg.ack_after == 2

    def test_without_a_file_the_defaults_apply(self, tmp_path: Path) -> None:
        assert load_escalation(tmp_path / "none.yaml").ladder == DEFAULT_LADDER

    @pytest.mark.parametrize(
        ("data", "message"),
        [({"ladder": [{"after_working_days": 1, "to": "owner_coordinator"}, {"after_working_days": 3, "to": "boss"}]},
          "ladder[2].to: phải là một trong owner_coordinator, owner_head, parent_head, issuer_office (giá trị: 'boss')"),
         ({"ladder": [{"after_working_days": 0, "to": "owner_head"}]},
          "ladder[1].after_working_days: phải là số ngày làm việc từ 1 đến 366 (giá trị: 0)"),
         ({"ladder": [{"to": "owner_head"}]}, "ladder[1].after_working_days: thiếu trường này"),
         ({"ladder": []}, "ladder: thang đôn đốc cần ít nhất một bậc"),
         ({"ladder": [{"after_working_days": 1, "to": "owner_head", "cc": "x"}]}, "ladder[1].cc: trường không được dùng"),
         ({"ladder": [{"after_working_days": 2, "to": "owner_head"}], "acknowledgement": {"remind_after_working_days": -1}},
          "acknowledgement.remind_after_working_days: phải là số ngày làm việc từ 1 đến 366 (giá trị: -1)"),
         ({"ladder": [{"after_working_days": 2, "to": "owner_head"}, {"after_working_days": 2, "to": "owner_head"}]},
          "ladder: bậc 2: trùng với một bậc đã có (2, owner_head)")],
        ids=["unknown-recipient", "zero-days", "missing-days", "empty", "unknown-field", "negative-ack", "twice"],
    )
    def test_a_bad_entry_is_named_by_its_field(self, data, message) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ConfigError) as err:
            parse_escalation(data, path=Path("config/escalation.yaml"))
        assert str(err.value) == f"config/escalation.yaml: {message}"

    def test_rungs_are_kept_in_order_of_days(self) -> None:
        cfg = parse_escalation({"ladder": [{"after_working_days": 5, "to": "parent_head"},
                                           {"after_working_days": 1, "to": "owner_coordinator"}]}, path=Path("x"))
        assert [r.days for r in cfg.ladder] == [1, 5]
