from __future__ import annotations

from datetime import timedelta

import pytest

from dondoc.notify.smtp import MAX_ATTEMPTS, backoff


class TestBackoff:
    @pytest.mark.parametrize(
        ("attempt", "minutes"),
        [(1, 1), (2, 2), (3, 4), (4, 8), (6, 32), (7, 60), (20, 60), (10_000, 60)],
        ids=lambda v: str(v),
    )
    def test_delay_doubles_from_a_minute_up_to_an_hour(self, attempt: int, minutes: int) -> None:
        assert backoff(attempt) == timedelta(minutes=minutes)

    def test_base_and_cap_are_settings(self) -> None:
        assert backoff(3, base_seconds=10, cap_seconds=30) == timedelta(seconds=30)
        assert backoff(2, base_seconds=10, cap_seconds=30) == timedelta(seconds=20)

    def test_attempts_are_bounded_to_a_few_hours_in_all(self) -> None:
        total = sum((backoff(a) for a in range(1, MAX_ATTEMPTS)), timedelta())
        assert timedelta(hours=1) < total < timedelta(hours=6)
