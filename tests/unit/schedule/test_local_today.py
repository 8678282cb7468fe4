from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from dondoc.schedule.today import local_today

UTC = timezone.utc


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (datetime(2025, 6, 14, 17, 30, tzinfo=UTC), date(2025, 6, 15)),  # 00:30 in Hà Nội
        (datetime(2025, 6, 14, 16, 59, tzinfo=UTC), date(2025, 6, 14)),  # 23:59 in Hà Nội
        (datetime(2025, 6, 14, 17, 0, tzinfo=UTC), date(2025, 6, 15)),  # midnight
        (datetime(2025, 12, 31, 17, 0, tzinfo=UTC), date(2026, 1, 1)),
        (datetime(2025, 6, 15, 0, 30, tzinfo=timezone(timedelta(hours=7))), date(2025, 6, 15)),
    ],
    ids=["00-30-local", "23-59-local", "midnight", "new-year", "already-local"],
)
def test_today_is_the_date_on_a_wall_calendar_in_vietnam(instant: datetime, expected: date) -> None:
    assert local_today(instant) == expected


@pytest.mark.parametrize("hour", range(24), ids=lambda h: f"{h:02d}h-utc")
def test_every_hour_of_the_utc_day_maps_to_the_right_local_date(hour: int) -> None:
    instant = datetime(2025, 6, 14, hour, tzinfo=UTC)
    assert local_today(instant) == (date(2025, 6, 15) if hour >= 17 else date(2025, 6, 14))


def test_a_naive_instant_is_read_as_utc() -> None:
    assert local_today(datetime(2025, 6, 14, 17, 30)) == date(2025, 6, 15)


def test_another_zone_can_be_asked_for() -> None:
    assert local_today(datetime(2025, 6, 14, 17, 30, tzinfo=UTC), tz="UTC") == date(2025, 6, 14)
